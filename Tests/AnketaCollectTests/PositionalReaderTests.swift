@testable import AnketaCollect
import AnketaCore
import AnketaTestSupport
import Foundation
import Testing

/// The positional reader (bytes straight into answers by question position, for reports) must read
/// every file exactly as the usual reader does: the same rows accepted, rejected and blank, the same
/// answers and reasons, the same warnings, the same refusal.
@Suite("Positional reader")
struct PositionalReaderTests {
    /// What reading a file gave, comparable.
    struct Reading: Equatable {
        var outcomes: [ResponseReader.Outcome] = []
        var warnings: [String] = []
        var error: String?
    }

    static func reading(_ url: URL, _ questionnaire: Questionnaire, positional: Bool) -> Reading {
        var reading = Reading()
        do {
            let reader = try ResponseReader(url: url, questionnaire: questionnaire, displayPath: url.lastPathComponent)
            reader.computesFingerprints = false
            let warn: (Diagnostic) -> Void = { reading.warnings.append($0.description) }
            if positional {
                try reader.readPositional(warning: warn) { outcome in
                    switch outcome {
                    case .answers(let row):
                        var answers: [String: Answer] = [:]
                        for (index, answer) in row.answers.enumerated() {
                            if let answer { answers[questionnaire.questions[index].id] = answer }
                        }
                        let response = Response(submittedAt: row.submittedAt, answers: answers)
                        reading.outcomes.append(.accepted(AcceptedRow(line: row.line, response: response, fingerprint: "")))
                    case .other(let other):
                        reading.outcomes.append(other)
                    }
                }
            } else {
                try reader.read(warning: warn) { reading.outcomes.append($0) }
            }
        } catch {
            reading.error = "\(error)"
        }
        return reading
    }

    static var csvFixtures: [URL] {
        get throws {
            let folder = try fixture("responses", "csv").deletingLastPathComponent()
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path) + (try FileManager.default
                .contentsOfDirectory(atPath: folder.appendingPathComponent("BadInput").path).map { "BadInput/\($0)" })
            return names.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".tsv") }.sorted().map { folder.appendingPathComponent($0) }
        }
    }

    @Test("every CSV fixture and bad-input file reads the same both ways")
    func fixtures() throws {
        let questionnaire = try miniQuestionnaire()
        let files = try Self.csvFixtures
        #expect(files.count >= 30)
        var fastRows = 0
        for url in files {
            let usual = Self.reading(url, questionnaire, positional: false)
            let positional = Self.reading(url, questionnaire, positional: true)
            #expect(positional == usual, "\(url.lastPathComponent)")
            fastRows += usual.outcomes.count
        }
        #expect(fastRows > 50)
    }

    @Test("random exports read the same both ways, and most rows go over bytes", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomFiles(seed: UInt64) throws {
        let questionnaire = try miniQuestionnaire()
        var random = SeededRandom(seed: seed)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(RandomAnswerFile.csv(questionnaire, rows: 400, random: &random), named: "random-\(seed).csv", in: folder)
        let usual = Self.reading(url, questionnaire, positional: false)
        let positional = Self.reading(url, questionnaire, positional: true)
        #expect(usual.error == nil)
        #expect(positional.outcomes.count == usual.outcomes.count)
        for (a, b) in zip(positional.outcomes, usual.outcomes) where a != b { Issue.record("\(a)\n≠ \(b)") }
        #expect(positional.warnings == usual.warnings)
        // The generator makes every kind of row: accepted, rejected and blank.
        #expect(usual.outcomes.contains { if case .rejected = $0 { true } else { false } })
        #expect(usual.outcomes.contains { if case .blank = $0 { true } else { false } })
        // And most accepted rows are read over bytes.
        var overBytes = 0, accepted = 0
        let reader = try ResponseReader(url: url, questionnaire: questionnaire)
        reader.computesFingerprints = false
        try reader.readPositional { outcome in
            switch outcome {
            case .answers: overBytes += 1; accepted += 1
            case .other(.accepted): accepted += 1
            case .other: break
            }
        }
        #expect(accepted > 100 && overBytes * 10 >= accepted * 9, "\(overBytes) of \(accepted)")
    }

    @Test("line breaks inside quoted cells count as the usual reader counts them, at field boundaries too")
    func lineBreaksAcrossFields() throws {
        let questionnaire = try miniQuestionnaire()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = try String(contentsOf: fixture("responses", "csv"), encoding: .utf8).split(separator: "\n")[0]
        let ok = "Полностью удовлетворён,Скорее удовлетворён,Не удовлетворён,Сайт школы,2"
        // A CR ending one quoted cell and an LF starting the next (two breaks cell by cell), with
        // empty cells between, a CR LF inside a cell (one break), lone CRs and LFs.
        let rows = [
            "12.04.2026 19:03:11,\(ok),\"5А\r\",\"\nидеи\"",
            "12.04.2026 19:03:12,\(ok),5А,\"одна\r\nдве\rтри\nчетыре\"",
            "12.04.2026 19:03:13,\(ok),\"5А\r\",\"\r\nидеи\r\"",
            "12.04.2026 19:03:14,\(ok),5А,\"конец\"",
        ]
        let text = String(header) + "\n" + rows.joined(separator: "\n") + "\n"
        let url = try write(Array(text.utf8), named: "breaks.csv", in: folder)
        let usual = Self.reading(url, questionnaire, positional: false)
        let positional = Self.reading(url, questionnaire, positional: true)
        #expect(usual.error == nil)
        #expect(positional == usual)
        let lines = usual.outcomes.map { outcome -> Int in
            switch outcome {
            case .accepted(let row): row.line
            case .rejected(let row): row.line
            case .blank(let line): line
            }
        }
        // Row 1 spans lines 2–4 (a CR, then an LF starting the next cell), row 2 lines 5–8 (CR LF,
        // CR, LF), row 3 lines 9–12 (a CR; then CR, CR LF, CR).
        #expect(lines == [2, 5, 9, 13])
    }
}
