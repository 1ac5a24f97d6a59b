import AnketaAnalysis
import AnketaCore
import Testing

/// One disclosure decision for every table of a grouping question (docs/statistics.md).
@Suite("Disclosure control across groupings, options and blanks")
struct DisclosureTests {
    static func classes(groupings: String = "[class, parallel, level]") throws -> Questionnaire {
        try DefinitionLoader().load(yaml: """
            id: cls
            version: 1
            title: Классы
            audience: parents
            scales:
              agree: {options: [{code: 1, label: Нет, score: 1}, {code: 2, label: Да, score: 2, positive: true}]}
            sections: [{id: s, title: Раздел}]
            questions:
              - {id: cls, section: s, text: Класс, type: short_text}
              - {id: q, section: s, text: Вопрос, type: single, scale: agree}
            groupings:
              - {id: class, title: Класс, question: cls}
              - {id: parallel, title: Параллель, question: cls, derive: class_number}
              - {id: level, title: Уровень, question: cls, derive: level}
            indicators:
              - {id: share, title: Доля, method: positive_share, questions: [q], levels: [{name: высокий, from: 50}, {name: низкий, from: 0, deficit: true}]}
            """.replacingOccurrences(of: "[class, parallel, level]", with: groupings), file: "cls.yaml")
    }

    static func analyze(_ classes: [(String?, Int)], minimum: Int = 5, groupings: [String]? = nil) throws -> AnalysisResult {
        var analyzer = Analyzer(questionnaire: try Self.classes(), wave: "A", options: AnalysisOptions(minGroupSize: minimum, groupings: groupings))
        var index = 0
        for (name, count) in classes {
            for _ in 0..<count {
                var response = Response(answers: ["q": .option(index % 3 == 0 ? "1" : "2")])
                if let name { response["cls"] = .text(name) }
                analyzer.add(response)
                index += 1
            }
        }
        return analyzer.finish()
    }

    static func hidden(_ result: AnalysisResult, _ grouping: String) -> [String] {
        result.breakdowns.first { $0.grouping == grouping }?.groups.filter(\.suppressed).map(\.key) ?? []
    }

    static func shown(_ result: AnalysisResult, _ grouping: String) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: result.breakdowns.first { $0.grouping == grouping }?.groups
            .compactMap { group in group.respondents.map { (group.key, $0) } } ?? [])
    }

    @Test("A small «не указано» is left out and hides no real group (СОО stays)")
    func smallUnspecifiedHidesNothing() throws {
        let result = try Self.analyze([("5А", 30), ("6А", 25), ("10А", 23), (nil, 2)])
        let level = try #require(result.breakdowns.first { $0.grouping == "level" })
        #expect(level.groups.map(\.key) == ["ООО", "СОО"])
        #expect(level.groups.allSatisfy { !$0.suppressed })
        #expect(level.groupsOmitted)
        #expect(Self.shown(result, "level")["СОО"] == 23)
        // The blank count stays: «не указано» is nobody anyone can recognise.
        #expect(result.questions.first { $0.id == "cls" }?.blank == 2)
    }

    @Test("A class of 4 cannot be read as its parallel minus the visible classes (6Б = 6 − 6А)")
    func classesNestInParallelsAndLevels() throws {
        let result = try Self.analyze([("5А", 28), ("5Б", 27), ("6А", 30), ("6Б", 4), ("7А", 26), ("10А", 24), ("11А", 22)])
        let hiddenClasses = Self.hidden(result, "class")
        #expect(hiddenClasses.contains("6Б"))
        #expect(hiddenClasses.count >= 2)
        let classes = Self.shown(result, "class"), parallels = Self.shown(result, "parallel")
        // Whatever is hidden, no published parallel is exactly its visible classes plus 6Б's 4.
        if let six = parallels["6"], let a = classes["6А"] { #expect(six - a != 4) }
        if parallels["6"] != nil { #expect(classes["6А"] == nil) }
        // The level ООО cannot give 6Б either: 5 + 6 + 7 minus the visible classes.
        if let basic = Self.shown(result, "level")["ООО"] {
            let visible = ["5А", "5Б", "6А", "7А"].compactMap { classes[$0] }.reduce(0, +)
            #expect(visible < basic - 4 || hiddenClasses.count > 1)
        }
    }

    @Test("Options of a grouping question and its breakdown hide the same cells")
    func optionsAndBreakdownAgree() throws {
        let questionnaire = try DefinitionLoader().load(yaml: """
            id: exp
            version: 1
            title: Стаж
            audience: teachers
            scales:
              years: {options: [{code: a, label: до 3 лет}, {code: b, label: 3–10 лет}, {code: c, label: 10–20 лет}, {code: d, label: более 20 лет}]}
            sections: [{id: s, title: Раздел}]
            questions: [{id: exp, section: s, text: Стаж, type: single, scale: years}]
            groupings: [{id: exp, title: Стаж, question: exp}]
            """, file: "exp.yaml")
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "A")
        // The case from the issue: 3 + 70 + 120 + 152 = 345, with 7 blanks («не указано» ≥ 5 is a group).
        for (code, count) in [("a", 3), ("b", 70), ("c", 120), ("d", 152)] {
            for _ in 0..<count { analyzer.add(Response(answers: ["exp": .option(code)])) }
        }
        for _ in 0..<7 { analyzer.add(Response()) }
        let result = analyzer.finish()
        let options = try #require(result.questions.first).options
        let groups = try #require(result.breakdowns.first).groups
        let hiddenOptions = Set(options.filter(\.suppressed).map(\.label))
        let hiddenGroups = Set(groups.filter(\.suppressed).map(\.key))
        #expect(hiddenOptions.contains("до 3 лет"))
        #expect(hiddenOptions == hiddenGroups.subtracting([Analyzer.unspecifiedGroup]))
        #expect(hiddenGroups.count >= 2)
        // The cheapest complement: «не указано» (7), a group nobody is recognised by, when blanks are not published...
        // ...but blanks are published, so a real group is the complement: the smallest, «3–10 лет».
        #expect(hiddenGroups == ["до 3 лет", "3–10 лет"])
    }

    @Test("A tiny «не указано» alone hides nothing: «до 3 лет» (19) stays")
    func youngTeachersStay() throws {
        let questionnaire = try DefinitionLoader().load(yaml: """
            id: exp
            version: 1
            title: Стаж
            audience: teachers
            scales:
              years: {options: [{code: a, label: до 3 лет}, {code: b, label: 3–10 лет}, {code: c, label: более 10 лет}]}
            sections: [{id: s, title: Раздел}]
            questions: [{id: exp, section: s, text: Стаж, type: single, scale: years}]
            groupings: [{id: exp, title: Стаж, question: exp}]
            """, file: "exp.yaml")
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "A")
        for (code, count) in [("a", 19), ("b", 40), ("c", 60)] {
            for _ in 0..<count { analyzer.add(Response(answers: ["exp": .option(code)])) }
        }
        for _ in 0..<3 { analyzer.add(Response()) }
        let result = analyzer.finish()
        #expect(result.questions[0].options.allSatisfy { !$0.suppressed })
        #expect(result.breakdowns[0].groups.map(\.key) == ["до 3 лет", "3–10 лет", "более 10 лет"])
        #expect(result.breakdowns[0].groups[0].respondents == 19)
    }

    @Test("Free-text groups are matched as answers are: case, «ё», spaces, quotes, «№»")
    func freeTextGroupsAreNormalised() throws {
        let questionnaire = try DefinitionLoader().load(yaml: """
            id: sch
            version: 1
            title: Школа
            audience: parents
            scales: {}
            sections: [{id: s, title: Раздел}]
            questions: [{id: school, section: s, text: Школа, type: short_text}]
            groupings: [{id: school, title: Школа, question: school}]
            """, file: "sch.yaml")
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "A", options: AnalysisOptions(minGroupSize: 1))
        for text in ["Лицей «Звёздный»", "Лицей «Звездный»", "лицей «звёздный»", " Лицей  \"Звёздный\" ",
                     "Гимназия № 2", "Гимназия №2", "гимназия  №  2"] {
            analyzer.add(Response(answers: ["school": .text(text)]))
        }
        let groups = analyzer.finish().breakdowns[0].groups
        #expect(groups.map(\.key).sorted() == ["Гимназия № 2", "Лицей «Звёздный»"])
        #expect(Dictionary(uniqueKeysWithValues: groups.map { ($0.key, $0.respondents) }) == ["Лицей «Звёздный»": 4, "Гимназия № 2": 3])
    }

    @Test("When the answered total would give a small class away, the answer counts are withheld")
    func answerCountsWithheldAsALastResort() throws {
        // Only 3 respondents name a class at all, all 5А: valid = 3 = 5А.
        let result = try Self.analyze([("5А", 3), (nil, 40)], groupings: ["class"])
        let summary = try #require(result.questions.first { $0.id == "cls" })
        #expect(summary.answerCountsSuppressed)
        #expect(summary.valid == 0 && summary.blank == 0 && summary.noAnswer == 0)
        #expect(Self.hidden(result, "class").contains("5А"))
    }
}
