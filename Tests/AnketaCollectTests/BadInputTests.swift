import AnketaCollect
import AnketaCore
import Foundation
import Testing

/// One case of the bad-input corpus (Fixtures/BadInput/manifest.json).
struct BadInputCase: Decodable, Sendable, CustomTestStringConvertible {
    struct ExpectedAnswer: Decodable, Sendable {
        var line: Int
        var question: String
        var text: String?
        var option: String?
    }

    var file: String
    var covers: String
    var expect: String
    var accepted: Int?
    var rejected: [Int]?
    var blank: Int?
    var warnings: Int?
    var error: String?
    var summary: String?
    var reason: String?
    var lines: [Int]?
    var answers: [ExpectedAnswer]?
    var sheetLimit: UInt64?

    var testDescription: String { "\(file): \(covers)" }
}

@Suite("Bad-input corpus")
struct BadInputTests {
    struct Manifest: Decodable {
        var cases: [BadInputCase]
    }

    static let folder = "Fixtures/BadInput"

    static func manifest() throws -> Manifest {
        let url = try #require(Bundle.module.url(forResource: "manifest", withExtension: "json", subdirectory: folder))
        return try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: url))
    }

    static let cases: [BadInputCase] = (try? manifest().cases) ?? []

    @Test("The manifest loads, and every file in the folder has a case")
    func complete() throws {
        let cases = try Self.manifest().cases
        #expect(cases.count >= 50)
        let url = try #require(Bundle.module.url(forResource: "manifest", withExtension: "json", subdirectory: Self.folder))
        let files = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0 != "manifest.json" }
        #expect(Set(files) == Set(cases.map(\.file)))
    }

    @Test("Each file reads as the manifest says", arguments: cases)
    func read(_ item: BadInputCase) throws {
        let name = (item.file as NSString).deletingPathExtension
        let ext = (item.file as NSString).pathExtension
        let url = try fixture(name, ext, in: Self.folder)
        let questionnaire = try miniQuestionnaire()
        var outcomes: [ResponseReader.Outcome] = []
        var warnings: [Diagnostic] = []
        var summary = ""
        let result = Result {
            let reader: ResponseReader
            if let limit = item.sheetLimit {
                let source = try XLSXReader(url: url, limits: XLSXReader.Limits(sheetBytes: limit))
                reader = ResponseReader(source: source, questionnaire: questionnaire, displayPath: item.file)
            } else {
                reader = try ResponseReader(url: url, questionnaire: questionnaire, displayPath: item.file)
            }
            summary = reader.source.summary
            try reader.read(warning: { warnings.append($0) }) { outcomes.append($0) }
        }
        switch (item.expect, result) {
        case ("error", .failure(let error)):
            let text = String(describing: error)
            #expect(error is CollectError, "\(text)")
            #expect(text.contains(try #require(item.error)), "\(text)")
            #expect(!text.contains("ошибка разбора CSV"), "\(text)")
        case ("error", .success):
            Issue.record("\(item.file) was read (\(outcomes.count) rows) but should be refused with «\(item.error ?? "")»")
        case ("rows", .failure(let error)):
            Issue.record("\(item.file) was refused: \(error)")
        case ("rows", .success):
            let accepted = outcomes.compactMap { if case .accepted(let row) = $0 { row } else { nil } }
            let rejected = outcomes.compactMap { if case .rejected(let row) = $0 { row } else { nil } }
            let blank = outcomes.filter { if case .blank = $0 { true } else { false } }.count
            #expect(accepted.count == item.accepted, "accepted")
            #expect(rejected.map(\.line) == item.rejected, "rejected: \(rejected)")
            #expect(blank == (item.blank ?? 0), "blank rows")
            #expect(warnings.count == (item.warnings ?? 0), "warnings: \(warnings)")
            for warning in warnings {
                #expect(warning.location.file == item.file && warning.location.line != nil && warning.location.column != nil, "\(warning)")
            }
            if let expected = item.summary { #expect(summary.contains(expected), "\(summary)") }
            if let expected = item.reason { #expect(rejected.first?.reasons.joined().contains(expected) == true, "\(rejected)") }
            if let expected = item.lines { #expect(accepted.map(\.line) == expected) }
            for answer in item.answers ?? [] {
                let row = try #require(accepted.first { $0.line == answer.line }, "no accepted row at line \(answer.line)")
                let expected: Answer = if let option = answer.option { .option(option) } else { .text(answer.text ?? "") }
                #expect(row.response[answer.question] == expected, "line \(answer.line), \(answer.question)")
            }
        default:
            Issue.record("unknown expectation «\(item.expect)»")
        }
    }
}
