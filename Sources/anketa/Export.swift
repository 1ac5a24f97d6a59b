import AnketaCollect
import AnketaCore
import AnketaSpreadsheet
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Выгрузить ответы волны в CSV или Excel (XLSX).",
            discussion: """
                По умолчанию — CSV в UTF-8 с BOM и запятой (открывается в Excel и LibreOffice); с --excel — Windows-1251 с точкой с запятой, как сохраняет русский Excel; с --xlsx — книга Excel, где числа остаются числами. Вопрос с несколькими ответами выгружается и одной ячейкой, и отдельным столбцом 0/1 на каждый вариант. В CSV ячейки, которые электронная таблица приняла бы за формулу, защищены апострофом; в XLSX текст всегда записан как текст.

                Примеры:
                  anketa export parents-satisfaction --wave 2026-весна -o родители-2026.csv
                  anketa export parents-satisfaction --wave 2026-весна --xlsx
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

        @Flag(help: "Книга Excel (XLSX) вместо CSV.")
        var xlsx = false

        @Option(name: .shortAndLong, help: ArgumentHelp("Куда записать (по умолчанию Results/<анкета>-<волна>.csv или .xlsx).", valueName: "файл"))
        var output: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if excel && xlsx { throw ValidationError("--excel и --xlsx вместе не бывают: выберите CSV для Excel (--excel) или книгу Excel (--xlsx)") }
        }

        func run() async throws {
            try await reportingErrors {
                let store = try await storeOptions.open()
                let (loaded, _) = try await loadQuestionnaire(questionnaire, store: store)
                let definition = try await store.questionnaire(id: loaded.id, version: nil)
                let target = try await store.wave(for: definition, named: wave, unit: unit, create: false)
                let path = output ?? "Results/\(definition.id)-\(wave).\(xlsx ? "xlsx" : "csv")"
                let url = URL(fileURLWithPath: path)
                try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                if xlsx {
                    let layout = ExportLayout(questionnaire: definition)
                    let writer = try SpreadsheetWriter(layout: layout, url: url)
                    var count = 0
                    do {
                        try await store.forEachResponse(in: target) { stored in
                            try writer.write(layout: layout, stored.response)
                            count += 1
                        }
                        try writer.finish()
                    } catch {
                        writer.cancel()
                        throw error
                    }
                    print("\(path): выгружено \(RussianPlural.answerSheet(count)).")
                    return
                }
                let writer = try CSVWriter(url: url, encoding: excel ? .windows1251 : .utf8,
                                           delimiter: UInt8(ascii: excel ? ";" : ","), bom: !excel, crlf: true)
                let layout = ExportLayout(questionnaire: definition, decimalComma: excel)
                try writer.write(layout.header)
                var count = 0
                do {
                    try await store.forEachResponse(in: target) { stored in
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
