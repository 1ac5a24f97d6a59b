import AnketaCollect
import AnketaCore
import AnketaStore
import Foundation

/// Imports a municipal export: each row goes to the wave of the unit named in its school column.
///
/// A first pass reads the school column only (``UnitSplit``); the second reads the answers and
/// routes each row to its unit's sink. The units' imports are made visible together in one last
/// transaction, so a failure anywhere stores nothing of any unit.
/// Rows whose school is missing or not in the registry go to the rejects file with the value.
struct SplitIngestJob {
    let file: String
    let questionnaire: Questionnaire
    let format: CSVFormat
    let strict: Bool
    let column: String
    let waveName: String

    struct StrictFailure: Error {}

    func run(store: any SurveyStore) async throws -> IngestJob.Outcome {
        let url = URL(fileURLWithPath: file)
        let registry = try await store.unitRegistry()
        guard !registry.units.isEmpty else {
            throw DiagnosticsError([Diagnostic(at: SourceLocation(file: file), "реестр организаций пуст — делить выгрузку не по чему",
                                               hint: "загрузите реестр: anketa units import <реестр.csv>")])
        }
        let split = try UnitSplit(url: url, format: format, column: column, questionnaire: questionnaire, registry: registry, displayPath: file)
        let reader = try ResponseReader(url: url, questionnaire: questionnaire, format: format, displayPath: file)
        print("\(file): \(reader.source.summary); организаций в файле: \(split.units.count)")
        var waves: [(index: Int, wave: Wave)] = []
        for index in split.units {
            waves.append((index, try await store.wave(for: questionnaire, named: waveName, unit: registry.units[index].code, create: true)))
        }
        let rejectsURL = RejectsFile.url(for: url)
        var rejectsWriter: CSVWriter?
        var header: [String] = []
        var rejected = 0, blank = 0
        let sourceName = url.lastPathComponent

        func reject(_ row: RejectedRow) throws {
            rejected += 1
            if rejectsWriter == nil { rejectsWriter = try RejectsFile.writer(for: url, format: reader.source.rejectsFormat, header: header) }
            if let rejectsWriter { try RejectsFile.append(row, to: rejectsWriter) }
            Console.error("\(file):\(row.line): строка отклонена: \(row.reasons.joined(separator: "; "))")
        }

        func readAll(_ sinks: [Int: ImportSink]) throws {
            // As `IngestJob`: rows of a UTF-8 CSV go over their bytes straight into the stored form.
            let questionIDs = EncodedQuestionIDs(questionnaire.questions.map(\.id))
            var encoded: [UInt8] = []
            try reader.readForStore(header: { columns in
                header = columns.headers
                for (index, text) in columns.unmatchedHeaders where index != split.column && text != RejectsFile.lineHeader && text != RejectsFile.reasonHeader {
                    Console.error("\(file):1: предупреждение: столбец \(index + 1) «\(text)» не совпал ни с одним вопросом — пропущен")
                }
            }, warning: { Console.error($0.description) }) { read in
                let outcome: ResponseReader.Outcome
                switch read {
                case .answers(let row, let fingerprint):
                    if let unit = split.unit(ofLine: row.line), let sink = sinks[unit] {
                        AnswerCodec.encode(row.answers, questionIDs: questionIDs, into: &encoded)
                        try sink.add(submittedAt: row.submittedAt, answers: encoded, fingerprint: fingerprint)
                    } else if let unmatched = split.unmatched[row.line] {
                        try reject(unmatched)
                    }
                    return
                case .other(let other):
                    outcome = other
                }
                switch outcome {
                case .accepted(let row):
                    if let unit = split.unit(ofLine: row.line), let sink = sinks[unit] {
                        try sink.add(row.response, fingerprint: row.fingerprint)
                    } else if let unmatched = split.unmatched[row.line] {
                        try reject(unmatched)
                    }
                case .rejected(var row):
                    row.reasons += split.unmatched[row.line]?.reasons ?? []
                    try reject(row)
                case .blank:
                    blank += 1
                }
            }
            if strict, rejected > 0 { throw StrictFailure() }
        }

        let counts: [Int: ImportCounts]
        do {
            let stored = try await store.importResponses(into: waves.map(\.wave), source: sourceName, batchSize: IngestJob.batchSize, rejected: { rejected }) { sinks in
                try readAll(Dictionary(uniqueKeysWithValues: zip(waves.map(\.index), sinks)))
            }
            counts = Dictionary(uniqueKeysWithValues: zip(waves.map(\.index), stored))
        } catch is StrictFailure {
            try rejectsWriter?.finish()
            Console.error("\(file): ошибка: отклонено \(RussianPlural.row(rejected)), режим --strict — ничего не сохранено. Отклонённые строки: \(rejectsURL.relativePath)")
            return IngestJob.Outcome(counts: ImportCounts(), rejected: rejected)
        } catch {
            rejectsWriter?.cancel()
            throw error
        }
        try rejectsWriter?.finish()
        if rejected == 0, FileManager.default.fileExists(atPath: rejectsURL.path) { try? FileManager.default.removeItem(at: rejectsURL) }
        var total = ImportCounts()
        for index in split.units {
            let unit = registry.units[index]
            let count = counts[index] ?? ImportCounts()
            total.stored += count.stored
            total.duplicates += count.duplicates
            let typed = (split.spellings[index] ?? []).sorted()
            let spelled = typed.count > 1 ? " (написания: " + typed.map { "«\($0)»" }.joined(separator: ", ") + ")" : ""
            print("  \(unit.shortName): \(RussianPlural.answerSheet(count.stored))" + (count.duplicates > 0 ? ", уже были в базе: \(count.duplicates)" : "") + spelled)
        }
        var summary = "\(file): сохранено \(RussianPlural.answerSheet(total.stored)) в \(RussianPlural.organizationLocative(split.units.count))"
        if total.duplicates > 0 { summary += ", уже были в базе (пропущены): \(total.duplicates)" }
        if blank > 0 { summary += ", пустых строк пропущено: \(blank)" }
        print(summary + ".")
        if rejected > 0 {
            Console.error("\(file): предупреждение: отклонено \(RussianPlural.row(rejected)) — см. \(rejectsURL.relativePath), исправьте и загрузите этот файл снова")
        }
        return IngestJob.Outcome(counts: total, rejected: rejected)
    }
}

extension RussianPlural {
    /// «в 1 организации», «в 30 организациях».
    static let organizationLocative = RussianPlural("организации", "организациях", "организациях")
}
