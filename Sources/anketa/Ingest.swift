import AnketaCollect
import AnketaCore
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Загрузить ответы из выгрузки (Google Формы, Яндекс Формы, Excel) в базу.",
            discussion: """
                Принимаются CSV и книги Excel (.xlsx, как выгружают Яндекс Формы; читается первый лист). Кодировка CSV (UTF-8 или Windows-1251) и разделитель (запятая, точка с запятой, табуляция) определяются сами; --encoding и --delimiter задают их явно. Столбцы сопоставляются с вопросами по id или тексту, ответы — с вариантами по тексту, синонимам или коду.

                Каждая строка файла либо сохраняется, либо попадает в файл отклонённых строк рядом с исходным (<файл>.rejects.csv) с номером строки и причиной. Исправьте его и загрузите снова — повторная загрузка того же файла не дублирует ответы. С --strict не сохраняется ничего, если есть хотя бы одна плохая строка.

                Пример:
                  anketa ingest Questionnaires/parents-satisfaction.yaml \\
                      "Анкета родителей (Ответы).csv" --wave 2026-весна --unit "СОШ № 1"
                Муниципальная выгрузка со столбцом школы — по реестру организаций (anketa units import):
                  anketa ingest Questionnaires/parents-satisfaction.yaml район.csv \\
                      --wave 2026 --split-by "Образовательная организация"
                """
        )

        @Argument(help: ArgumentHelp("Определение анкеты (YAML) или id анкеты в базе.", valueName: "анкета"))
        var questionnaire: String

        @Argument(help: ArgumentHelp("Файлы с ответами (CSV или XLSX).", valueName: "ответы.csv"))
        var files: [String]

        @Option(help: ArgumentHelp("Название волны анкетирования, например 2026-весна.", valueName: "волна"))
        var wave: String

        @Option(help: ArgumentHelp("Школа или подразделение.", valueName: "организация"))
        var unit: String?

        @Option(name: .customLong("split-by"), help: ArgumentHelp("Столбец с названием школы (заголовок или id вопроса): муниципальная выгрузка делится по реестру организаций (anketa units import), каждая школа — в свою волну.", valueName: "столбец"))
        var splitBy: String?

        @Option(help: ArgumentHelp("Кодировка: utf-8 или windows-1251 (по умолчанию определяется).", valueName: "кодировка"))
        var encoding: String?

        @Option(help: ArgumentHelp("Разделитель: ',' ';' или 'tab' (по умолчанию определяется).", valueName: "символ"))
        var delimiter: String?

        @Flag(help: "Не сохранять ничего, если хотя бы одна строка отклонена.")
        var strict = false

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if let encoding, TextEncoding(rawValue: encoding.lowercased()) == nil, !["cp1251", "1251"].contains(encoding.lowercased()) {
                throw ValidationError("неизвестная кодировка «\(encoding)»: укажите utf-8 или windows-1251")
            }
            if let delimiter, parsedDelimiter(delimiter) == nil {
                throw ValidationError("разделитель должен быть одним символом: ',' ';' или 'tab'")
            }
            if wave.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("название волны не может быть пустым") }
            if splitBy != nil, unit != nil { throw ValidationError("--split-by делит файл по школам сам: --unit с ним не указывается") }
        }

        func parsedDelimiter(_ text: String) -> UInt8? {
            if text.lowercased() == "tab" || text == "\\t" { return UInt8(ascii: "\t") }
            guard text.utf8.count == 1, let byte = text.utf8.first else { return nil }
            return byte
        }

        var format: CSVFormat {
            var format = CSVFormat()
            if let encoding {
                format.encoding = ["cp1251", "1251"].contains(encoding.lowercased()) ? .windows1251 : TextEncoding(rawValue: encoding.lowercased())
            }
            format.delimiter = delimiter.flatMap(parsedDelimiter)
            return format
        }

        func run() async throws {
            var anyRejected = false
            try await reportingErrors {
                let store = try await storeOptions.open()
                let (definition, source) = try await loadQuestionnaire(questionnaire, store: store)
                if let source { try await store.register(definition, source: source) }
                if let splitBy {
                    for file in files {
                        let outcome = try await SplitIngestJob(file: file, questionnaire: definition, format: format, strict: strict, column: splitBy, waveName: wave).run(store: store)
                        anyRejected = anyRejected || outcome.rejected > 0
                    }
                    return
                }
                let target = try await store.wave(for: definition, named: wave, unit: unit, create: true)
                for file in files {
                    let outcome = try await IngestJob(file: file, questionnaire: definition, format: format, strict: strict).run(into: target, store: store)
                    anyRejected = anyRejected || outcome.rejected > 0
                }
                print("Всего в волне «\(target.displayName)»: \(RussianPlural.respondent(try await store.responseCount(in: target))).")
            }
            if strict, anyRejected { throw ExitCode.failure }
        }
    }
}

/// Imports one file: maps columns, stores good rows in one transaction, writes the rejects file.
struct IngestJob {
    let file: String
    let questionnaire: Questionnaire
    let format: CSVFormat
    let strict: Bool

    struct Outcome {
        var counts: ImportCounts
        var rejected: Int
    }

    /// Thrown inside the transaction in strict mode so that nothing is stored.
    struct StrictFailure: Error {}

    func run(into wave: Wave, store: any SurveyStore) async throws -> Outcome {
        let url = URL(fileURLWithPath: file)
        let reader = try ResponseReader(url: url, questionnaire: questionnaire, format: format, displayPath: file)
        let rejectsURL = RejectsFile.url(for: url)
        var rejectsWriter: CSVWriter?
        var header: [String] = []
        var rejected = 0, blank = 0, rows = 0
        let sourceName = url.lastPathComponent
        print("\(file): \(reader.source.summary)")

        let counts: ImportCounts
        do {
            counts = try await store.importResponses(into: wave, source: sourceName, batchSize: 500, rejected: { rejected }) { sink in
                try reader.read(header: { columns in
                    header = columns.headers
                    // The two columns a rejects file adds are expected when it is imported again after fixing.
                    for (index, text) in columns.unmatchedHeaders where text != RejectsFile.lineHeader && text != RejectsFile.reasonHeader {
                        Console.error("\(file):1: предупреждение: столбец \(index + 1) «\(text)» не совпал ни с одним вопросом — пропущен")
                    }
                    for question in columns.missingQuestions {
                        Console.error("\(file):1: предупреждение: для вопроса «\(question.id)» («\(question.text)») нет столбца — ответы будут пустыми")
                    }
                }, warning: { diagnostic in
                    Console.endProgress()
                    Console.error(diagnostic.description)
                }) { outcome in
                    rows += 1
                    if rows % 1000 == 0 { Console.progress("\(file): прочитано \(RussianPlural.row(rows))…") }
                    switch outcome {
                    case .accepted(let row):
                        try sink.add(row.response, fingerprint: row.fingerprint)
                    case .rejected(let row):
                        rejected += 1
                        if rejectsWriter == nil {
                            rejectsWriter = try RejectsFile.writer(for: url, format: reader.source.rejectsFormat, header: header)
                        }
                        if let rejectsWriter { try RejectsFile.append(row, to: rejectsWriter) }
                        Console.endProgress()
                        Console.error("\(file):\(row.line): строка отклонена: \(row.reasons.joined(separator: "; "))")
                    case .blank:
                        blank += 1
                    }
                }
                Console.endProgress()
                if strict, rejected > 0 { throw StrictFailure() }
            }
        } catch is StrictFailure {
            try rejectsWriter?.finish()
            Console.error("\(file): ошибка: отклонено \(RussianPlural.row(rejected)), режим --strict — ничего не сохранено. Отклонённые строки: \(rejectsURL.relativePath)")
            return Outcome(counts: ImportCounts(), rejected: rejected)
        } catch {
            rejectsWriter?.cancel()
            throw error
        }
        try rejectsWriter?.finish()
        if rejected == 0, FileManager.default.fileExists(atPath: rejectsURL.path) {
            // A rejects file from an earlier run of this input no longer applies.
            try? FileManager.default.removeItem(at: rejectsURL)
        }
        var summary = "\(file): сохранено \(RussianPlural.answerSheet(counts.stored))"
        if counts.duplicates > 0 { summary += ", уже были в базе (пропущены): \(counts.duplicates)" }
        if blank > 0 { summary += ", пустых строк пропущено: \(blank)" }
        print(summary + ".")
        if rejected > 0 {
            Console.error("\(file): предупреждение: отклонено \(RussianPlural.row(rejected)) — см. \(rejectsURL.relativePath), исправьте и загрузите этот файл снова")
        }
        return Outcome(counts: counts, rejected: rejected)
    }
}

extension RussianPlural {
    static let answerSheet = RussianPlural("анкета", "анкеты", "анкет")
}
