import AnketaCollect
import AnketaCore
import Foundation
import Testing

@Suite("Reading responses from an export")
struct ResponseReaderTests {
    static func outcomes(_ url: URL) throws -> (ColumnMap, [ResponseReader.Outcome]) {
        let reader = try ResponseReader(url: url, questionnaire: try miniQuestionnaire(), displayPath: url.lastPathComponent)
        var outcomes: [ResponseReader.Outcome] = []
        var headerCalls = 0
        let map = try reader.read(header: { _ in headerCalls += 1 }) { outcomes.append($0) }
        #expect(headerCalls == 1)
        return (map, outcomes)
    }

    @Test("Accepted, rejected and blank rows with their physical line numbers")
    func outcomes() throws {
        let (map, outcomes) = try Self.outcomes(try fixture("responses", "csv"))
        #expect(map.matchedQuestionCount == 7)
        #expect(outcomes.count == 7, "one outcome per record after the header: \(outcomes)")

        var accepted: [AcceptedRow] = []
        var rejected: [RejectedRow] = []
        var blank: [Int] = []
        for outcome in outcomes {
            switch outcome {
            case .accepted(let row): accepted.append(row)
            case .rejected(let row): rejected.append(row)
            case .blank(let line): blank.append(line)
            }
        }
        #expect(accepted.map(\.line) == [2, 7, 10])
        #expect(rejected.map(\.line) == [4, 8, 9])
        #expect(blank == [5])

        let first = try #require(accepted.first).response
        #expect(first == Response(submittedAt: "2026-04-12 19:03:11", answers: [
            "q1": .option("4"), "q2": .option("3"), "q3": .option("1"), "sources": .options(["site", "chat"]),
            "hours": .number(2.5), "class": .text("5А"), "comment": .text("Больше кружков\nи секций"),
        ]))
        // Codes, lowercase without «ё», no-answer; blank cells are no answer at all.
        #expect(accepted[1].response == Response(submittedAt: "2026-04-12 19:20:00", answers: [
            "q1": .option("4"), "q2": .option("3"), "q3": .noAnswer, "hours": .number(1), "class": .text("7 класс"),
        ]))
        // Two identical rows are two respondents: the same content, different fingerprints.
        #expect(accepted[2].response == first)
        #expect(accepted[2].fingerprint != accepted[0].fingerprint)
        #expect(accepted[2].fingerprint.hasPrefix(String(accepted[0].fingerprint.dropLast(2))))

        let typo = rejected[0]
        #expect(typo.reasons.count == 1)
        #expect(typo.reasons[0].contains("вопрос «q1»"))
        #expect(typo.reasons[0].contains("«Полностью удовлетворн»"))
        #expect(typo.fields.count == 8)
        #expect(typo.fields[1] == "Полностью удовлетворн", "rejected rows keep their cells as they were")

        let broken = rejected[1]
        #expect(broken.fields.count == 3)
        #expect(broken.reasons.count == 1)
        #expect(broken.reasons[0].contains("строка повреждена"))

        let twoProblems = rejected[2]
        #expect(twoProblems.reasons.count == 2, "every problem of a row is reported: \(twoProblems.reasons)")
        #expect(twoProblems.reasons.contains { $0.contains("вопрос «sources»") && $0.contains("телевизор") })
        #expect(twoProblems.reasons.contains { $0.contains("вопрос «hours»") && $0.contains("15") })
    }

    @Test("Fingerprints are stable across reads of the same file")
    func stableFingerprints() throws {
        let url = try fixture("responses", "csv")
        func prints() throws -> [String] {
            try Self.outcomes(url).1.compactMap { if case .accepted(let row) = $0 { row.fingerprint } else { nil } }
        }
        let a = try prints(), b = try prints()
        #expect(a == b)
        #expect(Set(a).count == a.count)
    }

    @Test("A Russian Excel file: Windows-1251, semicolon, numbered headers, lowercase, decimal comma")
    func excel() throws {
        let (map, outcomes) = try Self.outcomes(try fixture("excel-1251", "csv"))
        #expect(map.matchedQuestionCount == 7)
        #expect(map.roles.first == .timestamp)
        let responses = outcomes.compactMap { if case .accepted(let row) = $0 { row.response } else { nil } }
        try #require(responses.count == 2, "\(outcomes)")
        #expect(responses[0] == Response(submittedAt: "2026-04-12 19:03:00", answers: [
            "q1": .option("4"), "q2": .option("3"), "q3": .option("1"), "sources": .options(["site", "chat"]),
            "hours": .number(1.5), "class": .text("10 б"), "comment": .text("Всё хорошо; спасибо"),
        ]))
        #expect(responses[1] == Response(submittedAt: "2026-04-13 08:15:00", answers: [
            "q1": .noAnswer, "q2": .option("2"), "q3": .option("4"), "hours": .number(0.5), "class": .text("3"),
        ]))
    }

    @Test("A NUL byte rejects the row only in a column that is read; the text is never stored cut")
    func nulByte() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(Array("comment,Примечание\nдо\u{0}после,x\nтекст,a\u{0}b\n".utf8), named: "nul.csv", in: folder)
        let (_, outcomes) = try Self.outcomes(url)
        guard outcomes.count == 2, case .rejected(let row) = outcomes[0], case .accepted(let kept) = outcomes[1] else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(row.line == 2)
        #expect(row.fields[0] == "до\u{0}после", "the rejects file gets the cell as it was")
        #expect(row.reasons == ["столбец 1 («comment»): в ячейке нулевой байт (NUL) — файл повреждён; удалите этот символ"])
        #expect(kept.response["comment"] == .text("текст"))
    }

    @Test("A file without a single matching column is refused")
    func noMatchingColumns() throws {
        let url = try fixture("semicolon-commas", "csv")
        let reader = try ResponseReader(url: url, questionnaire: try miniQuestionnaire(), displayPath: "other.csv")
        let error = try #require(throws: CollectError.self) { try reader.read { _ in } }
        #expect(error == .noMatchingColumns("other.csv", readAs: reader.source.summary, firstHeader: "Класс"))
        #expect(error.description.contains("файл прочитан так: utf-8 (все буквы в файле — корректный UTF-8), разделитель — точка с запятой"))
        #expect(error.description.contains("первый заголовок: «Класс»"))
    }

    @Test("An empty file is refused")
    func emptyFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write([], named: "empty.csv", in: folder)
        let reader = try ResponseReader(url: url, questionnaire: try miniQuestionnaire(), displayPath: "empty.csv")
        let error = try #require(throws: CollectError.self) { try reader.read { _ in } }
        #expect(error == .emptyFile("empty.csv"))
    }

    @Test("A bad timestamp rejects the row")
    func badTimestamp() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(Array("Отметка времени,q1\nвчера,1\n12.04.2026,2\n".utf8), named: "t.csv", in: folder)
        let (_, outcomes) = try Self.outcomes(url)
        guard outcomes.count == 2, case .rejected(let row) = outcomes[0], case .accepted(let good) = outcomes[1] else {
            Issue.record("unexpected outcomes \(outcomes)")
            return
        }
        #expect(row.line == 2)
        #expect(row.reasons == ["столбец «Отметка времени»: не удалось прочитать дату «вчера»"])
        #expect(good.response.submittedAt == "2026-04-12 00:00:00")
    }
}

@Suite("Form timestamps")
struct TimestampTests {
    @Test("Canonical form of the services' timestamps", arguments: [
        ("12.04.2026 19:03:11", "2026-04-12 19:03:11"),
        ("12.04.2026 9:03:11", "2026-04-12 09:03:11"),
        ("12.04.2026 19:03", "2026-04-12 19:03:00"),
        ("12.04.2026", "2026-04-12 00:00:00"),
        ("2026/04/12 7:03:11 PM GMT+3", "2026-04-12 19:03:11"),
        ("2026/04/12 7:03:11 AM GMT+3", "2026-04-12 07:03:11"),
        ("2026/04/12 12:30:00 AM GMT+3", "2026-04-12 00:30:00"),
        ("2026/04/12 12:30:00 PM GMT+3", "2026-04-12 12:30:00"),
        ("2026-04-12 19:03:11", "2026-04-12 19:03:11"),
        ("2026-04-12T19:03:11", "2026-04-12T19:03:11".replacingOccurrences(of: "T", with: " ")),
        ("2026-04-12T19:03", "2026-04-12 19:03:00"),
        ("  01.09.26 08:00:00 ", "2026-09-01 08:00:00"),
    ])
    func canonical(_ text: String, _ expected: String) {
        #expect(Timestamp.canonical(text) == expected)
    }

    @Test("Not timestamps", arguments: ["", "вчера", "32.01.2026 10:00", "12.13.2026", "2026-04-12 25:00:00", "12.04.2026 10", "1.2"])
    func invalid(_ text: String) {
        #expect(Timestamp.canonical(text) == nil)
    }

    @Test("Russian display form round-trips")
    func russian() {
        #expect(Timestamp.russian("2026-04-12 19:03:11") == "12.04.2026 19:03:11")
        #expect(Timestamp.canonical(Timestamp.russian("2026-04-12 19:03:11")) == "2026-04-12 19:03:11")
    }
}
