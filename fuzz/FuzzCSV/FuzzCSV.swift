import AnketaCollect
import AnketaCore
import Foundation
import FuzzSupport

/// The questionnaire the CSV inputs are read with.
enum FuzzCSV {
    static let questionnaire: Questionnaire = {
        let yaml = """
            id: fuzz
            version: 1
            title: Анкета для фаззинга
            audience: parents
            sections:
              - {id: main, title: Основное}
            scales:
              sat4:
                options:
                  - {code: 4, label: Полностью удовлетворён, score: 3, positive: true}
                  - {code: 1, label: Не удовлетворён, score: 0}
                no_answer: [Затрудняюсь ответить]
            questions:
              - {id: q1, text: Питанием в школе, section: main, type: single, scale: sat4}
              - {id: tags, text: Что нравится, section: main, type: multiple, scale: sat4}
              - {id: hours, text: Часы, section: main, type: number, min: 0, max: 12}
              - {id: class, text: Класс, section: main, type: short_text}
              - {id: comment, text: Предложения, section: main, type: long_text}
            """
        do { return try DefinitionLoader().load(yaml: yaml, file: "fuzz.yaml") } catch { FuzzHarness.fail("questionnaire: \(error)") }
    }()
}

/// CSV ingest: the bytes are an answers file, read through ResponseReader with a small
/// questionnaire. Must end in rows or a CollectError — never a crash, hang or other error.
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let url = FuzzHarness.file(data, size, extension: "csv")
    do {
        let reader = try ResponseReader(url: url, questionnaire: FuzzCSV.questionnaire, displayPath: "fuzz.csv")
        try reader.read(warning: { _ in }) { outcome in
            // A stored text never holds a NUL byte (it would be cut downstream).
            if case .accepted(let row) = outcome {
                for (_, answer) in row.response.answers {
                    if case .text(let text) = answer, text.utf8.contains(0) { FuzzHarness.fail("NUL in a stored text") }
                }
            }
        }
    } catch is CollectError {
    } catch {
        FuzzHarness.fail("unexpected error type: \(error)")
    }
    comparePositional(url)
    return 0
}

/// The report's byte path (`readPositional`, over `CSVScanner`) must accept, reject and answer
/// exactly as the usual reader (over libcsv) does — or both fail.
func comparePositional(_ url: URL) {
    var usual: [[String: Answer]?] = [], bytes: [[String: Answer]?] = []
    let questions = FuzzCSV.questionnaire.questions.map(\.id)
    do {
        let reader = try ResponseReader(url: url, questionnaire: FuzzCSV.questionnaire, displayPath: "fuzz.csv")
        reader.computesFingerprints = false
        try reader.read(warning: { _ in }) { outcome in
            if case .accepted(let row) = outcome { usual.append(row.response.answers) } else if case .rejected = outcome { usual.append(nil) }
        }
    } catch { return }
    do {
        let reader = try ResponseReader(url: url, questionnaire: FuzzCSV.questionnaire, displayPath: "fuzz.csv")
        reader.computesFingerprints = false
        try reader.readPositional(warning: { _ in }) { outcome in
            switch outcome {
            case .answers(let row):
                var answers: [String: Answer] = [:]
                for (index, answer) in row.answers.enumerated() { if let answer { answers[questions[index]] = answer } }
                bytes.append(answers)
            case .other(.accepted(let row)): bytes.append(row.response.answers)
            case .other(.rejected): bytes.append(nil)
            case .other(.blank): break
            }
        }
    } catch {
        FuzzHarness.fail("the usual reader read the file, the byte path failed: \(error)")
    }
    if usual != bytes { FuzzHarness.fail("the byte path read other rows than the usual reader: \(usual) vs \(bytes)") }
}

@main
enum Main {
    static func main() {
        _ = FuzzCSV.questionnaire
        FuzzHarness.main(fuzzCSV)
    }
}
