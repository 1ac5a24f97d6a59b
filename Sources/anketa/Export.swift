import AnketaCollect
import AnketaCore
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Выгрузить ответы волны в CSV.",
            discussion: """
                По умолчанию — UTF-8 с BOM и запятой (открывается в Excel и LibreOffice); с --excel — Windows-1251 с точкой с запятой, как сохраняет русский Excel. Вопрос с несколькими ответами выгружается и одной ячейкой, и отдельным столбцом 0/1 на каждый вариант. Ячейки, которые электронная таблица приняла бы за формулу, защищены апострофом.

                Пример:
                  anketa export parents-satisfaction --wave 2026-весна -o родители-2026.csv
                """
        )

        @Argument(help: ArgumentHelp("id анкеты в базе или её YAML.", valueName: "анкета"))
        var questionnaire: String

        @Option(help: ArgumentHelp("Волна.", valueName: "волна"))
        var wave: String

        @Option(help: ArgumentHelp("Школа или подразделение.", valueName: "организация"))
        var unit: String?

        @Flag(help: "Windows-1251 и «;» для русского Excel.")
        var excel = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Куда записать (по умолчанию Results/<анкета>-<волна>.csv).", valueName: "файл"))
        var output: String?

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reportingErrors {
                let store = try AnketaStore(path: storeOptions.db)
                let (loaded, _) = try loadQuestionnaire(questionnaire, store: store)
                let definition = try store.questionnaire(id: loaded.id)
                let target = try store.wave(for: definition, named: wave, unit: unit, create: false)
                let path = output ?? "Results/\(definition.id)-\(wave).csv"
                let url = URL(fileURLWithPath: path)
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let writer = try CSVWriter(url: url, encoding: excel ? .windows1251 : .utf8,
                                           delimiter: UInt8(ascii: excel ? ";" : ","), bom: !excel, crlf: true)
                let layout = ExportLayout(questionnaire: definition, decimalComma: excel)
                try writer.write(layout.header)
                var count = 0
                do {
                    try store.forEachResponse(in: target) { stored in
                        try writer.write(layout.row(stored.response))
                        count += 1
                    }
                    try writer.finish()
                } catch {
                    writer.cancel()
                    throw error
                }
                print("\(path): выгружено \(RussianPlural.answerSheet(count)).")
            }
        }
    }
}
