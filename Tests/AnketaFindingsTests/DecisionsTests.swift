import AnketaAnalysis
import AnketaCore
import AnketaFindings
import AnketaTestSupport
import Testing

@Suite("Management decisions: the drafter, the decisions file, last period's review")
struct DecisionsTests {
    @Test("A decisions file round-trips any text: quotes, backslashes, new lines, «ёлочки», YAML markers")
    func roundTrip() throws {
        let hostile = ["plain", "«Ёлочки» и \"кавычки\"", "back\\slash", "two\nlines", "- starts like a list", "# like a comment",
                       "key: value", "tab\there", "inner  spaces", "null", "true", "123", "", "\u{0}nul", "emoji 📋", "line\u{2028}separator"]
        var decisions: [DecisionList.Decision] = []
        for (index, text) in hostile.enumerated() {
            decisions.append(DecisionList.Decision(problem: "Проблема \(index): «\(text)»", action: text.isEmpty ? "—" : text, deadline: text,
                                                   responsible: "заместитель директора по АХЧ", person: index % 2 == 0 ? text : nil, document: text,
                                                   target: index % 3 == 0 ? DecisionList.Target(indicator: "staff") : DecisionList.Target(question: "q\(index)"),
                                                   finding: index % 2 == 1 ? "item-deficit:q\(index)" : nil))
        }
        let list = DecisionList(questionnaire: "parents-satisfaction", period: "2025/2026", decisions: decisions)
        let text = list.yaml(header: ["Черновик: отредактируйте строки"])
        let loaded = try DecisionLoader().load(yaml: text, file: "decisions.yaml")
        for (a, b) in zip(loaded.decisions, list.decisions) { #expect(a == b) }
        #expect(loaded == list)
        // Surrounding spaces are not kept: values are trimmed as every hand-written field is.
        let spaced = DecisionList(decisions: [DecisionList.Decision(problem: "  p  ", action: "a", deadline: "", responsible: "", document: "")])
        #expect(try DecisionLoader().load(yaml: spaced.yaml(), file: "d.yaml").decisions.first?.problem == "p")
    }

    @Test("A decisions file with an unknown key or a missing action is refused with its line")
    func badFile() throws {
        let yaml = """
        decisions:
          - problem: Питание
            acton: Создать комиссию
        """
        do {
            _ = try DecisionLoader().load(yaml: yaml, file: "decisions.yaml")
            Issue.record("a misspelt key must be an error")
        } catch let error as DiagnosticsError {
            let text = error.description
            #expect(text.contains("decisions.yaml:3:"))
            #expect(text.contains("acton"))
            #expect(text.contains("action"))
        }
    }

    static func profile() -> OrganizationProfile {
        OrganizationProfile(fullName: "МБОУ СОШ № 1", staff: ["Заместитель директора по АХЧ": "П. С. Орлов"])
    }

    @Test("The drafter takes the definition's recommendation, role, deadline and document, and the profile names the person")
    func fromDefinition() throws {
        var questionnaire = try MiniSurvey.questionnaire()
        let q1 = try #require(questionnaire.questions.firstIndex { $0.id == "q1" })
        questionnaire.questions[q1].guidance = Guidance(recommendation: "Создать комиссию по питанию.", responsible: "заместитель директора по АХЧ",
                                                        deadline: "до 1 октября", document: "приказ")
        let finding = Finding(id: "item-deficit:q1", kind: .itemDeficit, severity: 3.2, indicator: "share", question: "q1", subject: "Первый",
                              method: .positiveShare, figure: 47.9, threshold: 60, guidance: questionnaire.questions[q1].guidance)
        let list = DecisionDrafter(questionnaire: questionnaire, profile: Self.profile(), year: AcademicYear(startYear: 2025), spring: true)
            .draft([finding], period: "2025/2026")
        let row = try #require(list.decisions.first)
        #expect(row.action == "Создать комиссию по питанию.")
        #expect(row.responsible == "заместитель директора по АХЧ" && row.person == "П. С. Орлов")
        #expect(row.deadline == "до 1 октября" && row.document == "приказ")
        #expect(row.target == DecisionList.Target(question: "q1") && row.finding == "item-deficit:q1")
        #expect(row.problem == "Низкая оценка: «Первый» — 47,9\u{00A0}% положительных ответов (порог — 60\u{00A0}%)")
    }

    @Test("A deadline without a year gets the year of the first such date after the survey", arguments: [
        ("до 1 октября", "2026-04-19 10:00:00", "до 1 октября 2026 г."), ("до 1 марта", "2026-04-19", "до 1 марта 2027 г."),
        ("в течение I четверти", "2026-04-19", "в течение I четверти"), ("до 1 октября 2027 г.", "2026-04-19", "до 1 октября 2027 г."),
    ])
    func datedDeadline(deadline: String, end: String, expected: String) throws {
        var drafter = DecisionDrafter(questionnaire: try MiniSurvey.questionnaire(), profile: nil, year: nil, spring: true)
        drafter.surveyEnd = end
        #expect(drafter.dated(deadline) == expected)
    }

    @Test("Without guidance the drafter writes a generic measure with defaults; rises get no row; one recommendation, one row")
    func generic() throws {
        let questionnaire = try MiniSurvey.questionnaire()
        let drafter = DecisionDrafter(questionnaire: questionnaire, profile: nil, year: AcademicYear(startYear: 2025), spring: true)
        let shared = Guidance(recommendation: "Общая мера.")
        let findings = [
            Finding(id: "decline:index", kind: .decline, severity: 4.5, indicator: "index", subject: "Индекс", method: .meanIndex,
                    figure: 60, previous: 70, p: 0.01),
            Finding(id: "group-deficit:share:СОО", kind: .groupDeficit, severity: 2.7, indicator: "share", subject: "Доля", method: .positiveShare,
                    figure: 41, threshold: 60, grouping: "Уровень", group: "СОО", guidance: shared),
            Finding(id: "group-difference:share:level", kind: .groupDifference, severity: 2.3, indicator: "share", subject: "Доля", method: .positiveShare,
                    p: 0.01, grouping: "Уровень", guidance: shared),
            Finding(id: "rise:share", kind: .rise, severity: 0.5, indicator: "share", subject: "Доля", method: .positiveShare, figure: 80, previous: 70),
        ]
        let list = drafter.draft(findings, period: nil)
        #expect(list.decisions.count == 2)
        let first = try #require(list.decisions.first)
        #expect(first.action.hasPrefix("Выяснить причины снижения показателя «Индекс»"))
        #expect(first.deadline == "до 1 октября 2026 г.")
        #expect(first.responsible == "заместитель директора по ВР" && first.person == nil)
        #expect(list.decisions[1].problem.contains("Дефицит в группе «СОО»") && list.decisions[1].problem.contains("Различия по группам"))
    }

    @Test("One row names its indicator once: the group deficits and the group difference after the indicator's deficit drop the repeated name and threshold")
    func indicatorNamedOnce() throws {
        let questionnaire = try MiniSurvey.questionnaire()
        let drafter = DecisionDrafter(questionnaire: questionnaire, profile: nil, year: AcademicYear(startYear: 2025), spring: true)
        let shared = Guidance(recommendation: "Общая мера.")
        func group(_ name: String, _ figure: Double) -> Finding {
            Finding(id: "group-deficit:share:\(name)", kind: .groupDeficit, severity: 2, indicator: "share", subject: "Доля", method: .positiveShare,
                    figure: figure, threshold: 60, grouping: "Класс", group: name, guidance: shared)
        }
        let findings = [
            Finding(id: "indicator-deficit:share", kind: .indicatorDeficit, severity: 3, indicator: "share", subject: "Доля", method: .positiveShare,
                    figure: 52, threshold: 60, guidance: shared),
            group("7Б", 41), group("9А", 45),
            Finding(id: "group-difference:share:class", kind: .groupDifference, severity: 1, indicator: "share", subject: "Доля", method: .positiveShare,
                    p: 0.01, grouping: "Класс", groups: [Finding.GroupFigure(group: "7Б", figure: 41), Finding.GroupFigure(group: "7А", figure: 88)], guidance: shared),
        ]
        let problem = drafter.draft(findings, period: nil).decisions.first?.problem ?? ""
        #expect(problem == "Дефицит: «Доля» — 52,0\u{00A0}% (порог — 60\u{00A0}%). Дефицит в группах: «7Б» — 41,0\u{00A0}%, «9А» — 45,0\u{00A0}%. "
                + "Различия по группам (класс) — от 41,0\u{00A0}% («7Б») до 88,0\u{00A0}% («7А»)")
        // Alone, each keeps its name.
        #expect(drafter.draft([group("7Б", 41)], period: nil).decisions.first?.problem == "Дефицит в группе «7Б»: «Доля» — 41,0\u{00A0}% (порог — 60\u{00A0}%)")
    }

    @Test("Last period's decisions: the targeted indicator then and now, and whether it moved")
    func review() throws {
        let questionnaire = try MiniSurvey.questionnaire()
        let now = try MiniSurvey.analyze(MiniSurvey.waveA)
        let before = try MiniSurvey.analyze(MiniSurvey.waveB, wave: "2025-весна")
        let decisions = DecisionList(decisions: [
            DecisionList.Decision(problem: "p", action: "a", deadline: "d", responsible: "r", document: "doc", target: DecisionList.Target(indicator: "share")),
            DecisionList.Decision(problem: "p", action: "b", deadline: "d", responsible: "r", document: "doc"),
        ])
        let review = DecisionReview(decisions: decisions, questionnaire: questionnaire, result: now, previous: before)
        #expect(review.rows[0].target == "Доля")
        #expect(review.rows[0].previous == before.indicators[0].figure && review.rows[0].current == now.indicators[0].figure)
        #expect(review.rows[0].direction != .unknown)
        #expect(review.rows[1].target == nil && review.rows[1].direction == .unknown)
    }
}
