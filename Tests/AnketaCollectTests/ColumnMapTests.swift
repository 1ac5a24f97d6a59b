import AnketaCollect
import AnketaCore
import Testing

@Suite("Mapping columns to questions")
struct ColumnMapTests {
    static let googleHeaders = [
        "Отметка времени",
        "Насколько вы удовлетворены [Питанием в школе]",
        "Насколько вы удовлетворены [Безопасностью ребёнка]",
        "Отношением педагогов к ребёнку",
        "Откуда вы узнаёте о жизни школы?",
        "Сколько часов в день ребёнок тратит на домашние задания?",
        "Класс ребёнка",
        "Ваши предложения",
    ]

    @Test("Google Forms headers: timestamp, grid rows `Grid [Row]`, plain texts")
    func google() throws {
        let map = try ColumnMap(headers: Self.googleHeaders, questionnaire: try miniQuestionnaire(), file: "g.csv")
        #expect(map.roles == [.timestamp, .question("q1"), .question("q2"), .question("q3"), .question("sources"),
                              .question("hours"), .question("class"), .question("comment")])
        #expect(map.matchedQuestionCount == 7)
        #expect(map.unmatchedHeaders.isEmpty)
        #expect(map.missingQuestions.isEmpty)
    }

    @Test("Question ids as headers")
    func byID() throws {
        let map = try ColumnMap(headers: ["q1", "Q2", "sources", "hours"], questionnaire: try miniQuestionnaire(), file: "ids.csv")
        #expect(map.roles == [.question("q1"), .question("q2"), .question("sources"), .question("hours")])
        #expect(map.missingQuestions.map(\.id) == ["q3", "class", "comment"])
    }

    @Test("Headers by text ignoring numbering prefix, case, «ё» and trailing punctuation", arguments: [
        ("3. ОТНОШЕНИЕМ ПЕДАГОГОВ К РЕБЕНКУ", "q3"),
        ("12) откуда вы узнаете о жизни школы", "sources"),
        ("  Класс   ребёнка:  ", "class"),
        ("5. Сколько часов в день ребёнок тратит на домашние задания", "hours"),
        ("1. Питанием в школе", "q1"), // an Excel header: a grid row without its grid title
        ("насколько вы удовлетворены [безопасностью ребенка]", "q2"),
        ("№7 Ваши предложения.", "comment"),
    ])
    func byText(_ header: String, _ id: String) throws {
        let map = try ColumnMap(headers: [header], questionnaire: try miniQuestionnaire(), file: "x.csv")
        #expect(map.roles == [.question(id)])
    }

    @Test("Timestamp columns in the services' spellings", arguments: [
        "Отметка времени", "Timestamp", "Время создания", "\u{FEFF}Отметка времени", "отметка времени",
    ])
    func timestamp(_ header: String) throws {
        let map = try ColumnMap(headers: [header, "q1"], questionnaire: try miniQuestionnaire(), file: "x.csv")
        #expect(map.roles.first == .timestamp)
    }

    @Test("Unmatched columns are reported with their index; questions without a column are listed")
    func unmatchedAndMissing() throws {
        let headers = ["Отметка времени", "Адрес электронной почты", "Питанием в школе", "Баллы", "Класс ребёнка"]
        let map = try ColumnMap(headers: headers, questionnaire: try miniQuestionnaire(), file: "x.csv")
        #expect(map.unmatchedHeaders.map(\.index) == [1, 3])
        #expect(map.unmatchedHeaders.map(\.header) == ["Адрес электронной почты", "Баллы"])
        #expect(map.missingQuestions.map(\.id) == ["q2", "q3", "sources", "hours", "comment"])
    }

    @Test("Two columns for one question are refused, naming both")
    func duplicateColumn() throws {
        let error = try #require(throws: CollectError.self) {
            try ColumnMap(headers: ["q1", "Отметка времени", "Насколько вы удовлетворены [Питанием в школе]"],
                          questionnaire: try miniQuestionnaire(), file: "dup.csv")
        }
        #expect(error.description.hasPrefix("dup.csv:1: ошибка: столбцы 1 («q1») и 3"))
        #expect(error.description.contains("«q1»"))
    }

    @Test("0/1 columns of a multiple-choice question, as anketa export writes them")
    func optionFlags() throws {
        let q = try miniQuestionnaire()
        let layout = ExportLayout(questionnaire: q)
        let map = try ColumnMap(headers: layout.header, questionnaire: q, file: "export.csv")
        #expect(map.unmatchedHeaders.isEmpty, "\(map.unmatchedHeaders)")
        #expect(map.missingQuestions.isEmpty)
        let flags = map.roles.compactMap { role -> String? in
            if case .optionFlag(let question, let code) = role { "\(question):\(code)" } else { nil }
        }
        #expect(flags == ["sources:site", "sources:chat", "sources:diary"])
    }
}

@Suite("Parsing answers")
struct AnswerParserTests {
    static func parse(_ cell: String, _ questionID: String) throws -> Answer? {
        let q = try miniQuestionnaire()
        let question = try #require(q.question(questionID))
        return try AnswerParser(questionnaire: q).parse(cell, for: question)
    }

    /// The problem a cell causes, or `nil` when it parses.
    static func problem(_ cell: String, _ questionID: String) throws -> AnswerParser.Problem? {
        let q = try miniQuestionnaire()
        let question = try #require(q.question(questionID))
        do {
            _ = try AnswerParser(questionnaire: q).parse(cell, for: question)
            return nil
        } catch {
            return error
        }
    }

    @Test("Single choice: labels, lowercase, without «ё», aliases, codes, no-answer", arguments: [
        ("Полностью удовлетворён", Answer.option("4")),
        ("полностью удовлетворен", .option("4")),
        ("  СКОРЕЕ НЕ УДОВЛЕТВОРЕН. ", .option("2")),
        ("Скорее удовлетворена", .option("3")),
        ("1", .option("1")),
        ("4", .option("4")),
        ("Затрудняюсь ответить", .noAnswer),
        ("затрудняюсь ответить", .noAnswer),
    ])
    func single(_ cell: String, _ expected: Answer) throws {
        #expect(try Self.parse(cell, "q1") == expected)
    }

    @Test("Blank cells are missing answers", arguments: ["", "   ", "\t"])
    func blank(_ cell: String) throws {
        for id in ["q1", "sources", "hours", "class"] {
            #expect(try Self.parse(cell, id) == nil)
        }
    }

    @Test("A label with a typo is rejected with a message naming the question and the options", arguments: [
        "Полностью удовлетворн", "Удовлетворён", "5", "Да",
    ])
    func typo(_ cell: String) throws {
        let problem = try #require(try Self.problem(cell, "q2"))
        #expect(problem.question == "q2")
        #expect(problem.description.hasPrefix("вопрос «q2»: ответ «\(cell)» не совпадает ни с одним вариантом"))
        #expect(problem.description.contains("«Полностью удовлетворён»"))
        #expect(problem.description.contains("«Затрудняюсь ответить»"))
    }

    @Test("Multiple choice: option labels holding commas are not torn apart", arguments: [
        ("Родительский чат, мессенджеры, Сайт школы", ["site", "chat"]),
        ("Сайт школы, Родительский чат, мессенджеры", ["site", "chat"]),
        ("Электронный дневник, журнал, Родительский чат, мессенджеры, Сайт школы", ["site", "chat", "diary"]),
        ("родительский чат, мессенджеры", ["chat"]),
        ("Сайт школы;Электронный дневник, журнал", ["site", "diary"]),
        ("site, diary", ["site", "diary"]),
        ("Сайт школы, Сайт школы", ["site"]),
    ])
    func multiple(_ cell: String, _ codes: [String]) throws {
        #expect(try Self.parse(cell, "sources") == .options(codes))
    }

    @Test("Multiple choice: an unknown or partial option is rejected", arguments: [
        ("Телевизор", "телевизор"), // the cell as typed, then the normalised part not recognised
        ("Сайт школы, Телевизор", "телевизор"),
        ("Родительский чат", "родительский чат"),
    ])
    func multipleUnknown(_ cell: String, _ token: String) throws {
        let problem = try #require(try Self.problem(cell, "sources"))
        #expect(problem.question == "sources")
        #expect(problem.message.contains("в ответе «\(cell)» не распознан вариант «\(token)»"), "\(problem.message)")
    }

    @Test("Numbers: decimal comma or point, spaces", arguments: [
        ("2,5", 2.5), ("2.5", 2.5), ("0", 0), ("12", 12), (" 1,25 ", 1.25),
    ] as [(String, Double)])
    func number(_ cell: String, _ value: Double) throws {
        #expect(try Self.parse(cell, "hours") == .number(value))
    }

    @Test("Numbers out of range or not numbers are rejected", arguments: [
        ("13", "больше допустимого максимума 12"),
        ("12,5", "больше допустимого максимума 12"),
        ("-1", "меньше допустимого минимума 0"),
        ("два", "не число"),
        ("2,5 часа", "не число"),
        ("nan", "не число"),
    ])
    func numberProblem(_ cell: String, _ message: String) throws {
        let problem = try #require(try Self.problem(cell, "hours"))
        #expect(problem.question == "hours")
        #expect(problem.message.contains(message), "\(problem.message)")
    }

    @Test("Texts are kept, and the CSV-injection apostrophe is removed")
    func text() throws {
        #expect(try Self.parse("  5 А ", "class") == .text("5 А"))
        #expect(try Self.parse("'=1+1", "comment") == .text("=1+1"))
        #expect(try Self.parse("'-x", "comment") == .text("-x"))
        #expect(try Self.parse("'обычный апостроф", "comment") == .text("'обычный апостроф"))
    }
}
