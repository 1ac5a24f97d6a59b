@testable import AnketaCollect
import AnketaCore
import AnketaTestSupport
import Testing

/// The byte-level fast path of answer matching (`CellMatcher`) must decide every cell exactly as the
/// general `String` way does — the same answer or the same problem.
@Suite struct CellMatcherTests {
    /// What a parse gave, comparable: the answer, or the problem's message.
    enum Outcome: Equatable {
        case answer(Answer?)
        case problem(String)
    }

    static func outcome(_ parse: () throws(AnswerParser.Problem) -> Answer?) -> Outcome {
        do { return .answer(try parse()) } catch { return .problem(error.description) }
    }

    @Test func everyScaleOfTheMiniQuestionnaireGetsAFastPath() throws {
        let questionnaire = try miniQuestionnaire()
        let parser = AnswerParser(questionnaire: questionnaire)
        for question in questionnaire.questions where question.kind == .single || question.kind == .multiple {
            #expect(parser.cellMatcher(for: question) != nil, "\(question.id)")
        }
    }

    @Test(arguments: [
        ("Полностью удовлетворён", Answer.option("4")),
        ("  ПОЛНОСТЬЮ   удовлетворен. ", .option("4")),
        ("скорее\u{A0}удовлетворена!", .option("3")),
        ("«Затрудняюсь ответить»", .noAnswer),
        ("2", .option("2")),
    ])
    func singleChoiceCells(cell: String, expected: Answer) throws {
        let questionnaire = try miniQuestionnaire()
        let question = try #require(questionnaire.question("q1"))
        let parser = AnswerParser(questionnaire: questionnaire)
        let matcher = try #require(parser.cellMatcher(for: question))
        var buffer: [UInt8] = []
        var text = cell
        let match = text.withUTF8 { matcher.match($0, buffer: &buffer) }
        #expect(match != nil, "the fast path decides «\(cell)» itself")
        #expect(try parser.parse(cell, for: question) == expected)
    }

    @Test func checkboxCellsWithCommasInsideLabels() throws {
        let questionnaire = try miniQuestionnaire()
        let question = try #require(questionnaire.question("sources"))
        let parser = AnswerParser(questionnaire: questionnaire)
        let matcher = try #require(parser.cellMatcher(for: question))
        var buffer: [UInt8] = []
        var text = "Электронный дневник, журнал, Сайт школы, родительский чат, мессенджеры"
        let answer = text.withUTF8 { matcher.choices($0, buffer: &buffer) }
        #expect(answer == .options(["site", "chat", "diary"]))
    }

    /// Random cells made of the scales' texts, changed the ways people and exports change them,
    /// and of characters the fast path must leave to the general way.
    @Test func fastPathAgreesWithTheGeneralWayOnRandomCells() throws {
        let questionnaire = try miniQuestionnaire()
        let parser = AnswerParser(questionnaire: questionnaire)
        let questions = questionnaire.questions.filter { $0.kind == .single || $0.kind == .multiple }
        var texts: [String] = []
        for scale in questionnaire.scales.values {
            for option in scale.options { texts += [option.label, option.code] + option.aliases }
            texts += scale.noAnswer
        }
        let junk = ["", " ", "  ", "\u{A0}", "\t", "\r\n", "ё", "Ё", "«", "»", "\"", "“", ".", ",", ";", "!", "?", "*", "…", "№", "№ 5",
                    "'", "'=", "й", "и\u{0306}", "Ї", "—", "A", "z", "5", "1, 3", "Скорее", "не", "\u{0}"]
        let separators = ["", " ", ", ", "; ", "  ", ",", " , ", "\u{A0}"]
        var random = SeededRandom(seed: 20261202)
        func pick<T>(_ items: [T]) -> T { items[random.int(below: items.count)] }
        func vary(_ text: String) -> String {
            switch random.int(below: 7) {
            case 0: return text.uppercased()
            case 1: return text.lowercased()
            case 2: return text.replacingOccurrences(of: "е", with: "ё")
            case 3: return text.replacingOccurrences(of: " ", with: "  ")
            case 4: return pick(junk) + text + pick(junk)
            default: return text
            }
        }
        var decidedFast = 0
        for _ in 0..<4000 {
            var cell = ""
            for index in 0..<(1 + random.int(below: 3)) {
                if index > 0 { cell += pick(separators) }
                cell += random.int(below: 5) == 0 ? pick(junk) : vary(pick(texts))
            }
            let question = pick(questions)
            let fast = Self.outcome { () throws(AnswerParser.Problem) in try parser.parse(cell, for: question) }
            let general = Self.outcome { () throws(AnswerParser.Problem) in
                var buffer: [UInt8] = []
                return try parser.parse(cell, for: question, fast: nil, buffer: &buffer)
            }
            #expect(fast == general, "«\(cell)» (\(question.id))")
            if let matcher = parser.cellMatcher(for: question) {
                var buffer: [UInt8] = []
                var text = cell
                let decided = text.withUTF8 { bytes in
                    question.kind == .single ? matcher.match(bytes, buffer: &buffer) != nil : matcher.choices(bytes, buffer: &buffer) != nil
                }
                if decided { decidedFast += 1 }
            }
        }
        // Most generated cells are texts of the scale, so the fast path decides many of them itself.
        #expect(decidedFast > 500)
    }
}
