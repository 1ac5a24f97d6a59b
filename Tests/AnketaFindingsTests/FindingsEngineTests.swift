import AnketaAnalysis
import AnketaCore
import AnketaFindings
import AnketaTestSupport
import Foundation
import Testing

/// Findings on crafted figures: the MiniSurvey's real analysis with figures set by hand, so each
/// rule is seen firing (and not firing) on numbers chosen for it.
@Suite("Findings engine")
struct FindingsEngineTests {
    /// A wave with every indicator at «средний» and no deficit anywhere.
    static func calm() throws -> (Questionnaire, AnalysisResult) {
        let questionnaire = try MiniSurvey.questionnaire()
        var result = try MiniSurvey.analyze(MiniSurvey.waveA + MiniSurvey.waveA)
        for index in result.indicators.indices {
            result.indicators[index].figure = 70
            result.indicators[index].level = "средний"
            result.indicators[index].deficit = false
            result.indicators[index].threshold = result.indicators[index].method == .positiveShare ? 60 : 50
        }
        for index in result.questions.indices where result.questions[index].positivePercent != nil {
            result.questions[index].positivePercent = 75
            result.questions[index].index = 70
        }
        for b in result.breakdowns.indices {
            result.breakdowns[b].tests = []
            for g in result.breakdowns[b].groups.indices {
                for i in result.breakdowns[b].groups[g].indicators.indices { result.breakdowns[b].groups[g].indicators[i].deficit = false }
            }
        }
        return (questionnaire, result)
    }

    /// The first indicator (share, threshold 60) at «низкий», a deficit.
    static func makeDeficit(_ result: inout AnalysisResult, figure: Double) {
        result.indicators[0].figure = figure
        result.indicators[0].level = "низкий"
        result.indicators[0].deficit = true
        result.indicators[0].threshold = 60
    }

    static func moments(n: Int, mean: Double, sd: Double) -> ScoreMoments {
        var moments = try! JSONDecoder().decode(ScoreMoments.self, from: Data(#"{"n": 0}"#.utf8))
        moments.n = n
        moments.mean = mean
        moments.standardDeviation = sd
        return moments
    }

    static func groupTest(indicator: String, pHolm: Double, groups: Int) throws -> GroupTest {
        let json = #"{"indicator": "\#(indicator)", "test": "kruskal_wallis", "statistic": 9, "degreesOfFreedom": 2, "p": 0.004, "pHolm": \#(pHolm), "effectSize": 0.2, "groups": \#(groups), "n": 24}"#
        return try JSONDecoder().decode(GroupTest.self, from: Data(json.utf8))
    }

    @Test("No deficit at any level: no finding that calls for action, and the справка may say so")
    func none() throws {
        let (questionnaire, result) = try Self.calm()
        let findings = FindingsEngine(questionnaire: questionnaire, result: result).findings
        #expect(findings.filter(\.callsForAction).isEmpty, "\(findings.map(\.id))")
    }

    @Test("An indicator at a deficit level is a finding with its figure and threshold")
    func indicatorDeficit() throws {
        var (questionnaire, result) = try Self.calm()
        Self.makeDeficit(&result, figure: 52)
        questionnaire.indicators[0].guidance = Guidance(recommendation: "Сделать то-то", responsible: "директор")
        let findings = FindingsEngine(questionnaire: questionnaire, result: result).findings
        let finding = try #require(findings.first)
        #expect(finding.kind == .indicatorDeficit && finding.indicator == "share" && finding.figure == 52 && finding.threshold == 60)
        #expect(finding.guidance.responsible == "директор")
        #expect(FindingWording.sentence(finding) == "показатель «Доля» на уровне дефицита: 52,0\u{00A0}% при пороге 60\u{00A0}%")
    }

    @Test("A question below the threshold is named even inside a «средний» indicator")
    func itemDeficit() throws {
        var (questionnaire, result) = try Self.calm()
        let q1 = try #require(result.questions.firstIndex { $0.id == "q1" })
        result.questions[q1].positivePercent = 47.9
        let findings = FindingsEngine(questionnaire: questionnaire, result: result).findings
        let items = findings.filter { $0.kind == .itemDeficit }
        #expect(items.map(\.question) == ["q1"])
        #expect(items.first?.parentFigure == 70 && items.first?.parentLevel == "средний")
        // The same question in a second indicator (index) is judged once, on the first.
        questionnaire.indicators[1].guidance = Guidance()
        #expect(items.count == 1)
        // Exactly at the threshold is not below it.
        result.questions[q1].positivePercent = 60
        #expect(FindingsEngine(questionnaire: questionnaire, result: result).findings.filter { $0.kind == .itemDeficit }.isEmpty)
    }

    @Test("A group at a deficit level is a finding; hidden groups and «не указано» are not")
    func groupDeficit() throws {
        var (questionnaire, result) = try Self.calm()
        let b = try #require(result.breakdowns.firstIndex { $0.grouping == "level" })
        let groups = result.breakdowns[b].groups
        let visible = try #require(groups.firstIndex { !$0.suppressed && $0.key != Analyzer.unspecifiedGroup })
        result.breakdowns[b].groups[visible].indicators[0].deficit = true
        result.breakdowns[b].groups[visible].indicators[0].figure = 41
        for g in groups.indices where g != visible {
            result.breakdowns[b].groups[g].suppressed = true
            result.breakdowns[b].groups[g].indicators[0].deficit = true
        }
        let findings = FindingsEngine(questionnaire: questionnaire, result: result).findings.filter { $0.kind == .groupDeficit }
        #expect(findings.map(\.group) == [groups[visible].key])
        #expect(findings.first?.figure == 41 && findings.first?.grouping == "Уровень")
        _ = questionnaire
    }

    @Test("A significant decline and a significant rise since the previous wave")
    func changes() throws {
        let (questionnaire, current) = try Self.calm()
        var now = current
        var before = current
        // share: 90 → 80 with n = 200, SD 10 on both sides (Welch p ≪ 0.05); index: 60 → 70 the same way.
        before.indicators[0].figure = 90
        before.indicators[0].scores = Self.moments(n: 200, mean: 90, sd: 10)
        now.indicators[0].figure = 80
        now.indicators[0].scores = Self.moments(n: 200, mean: 80, sd: 10)
        before.indicators[1].figure = 60
        before.indicators[1].scores = Self.moments(n: 200, mean: 60, sd: 10)
        now.indicators[1].figure = 70
        now.indicators[1].scores = Self.moments(n: 200, mean: 70, sd: 10)
        let findings = FindingsEngine(questionnaire: questionnaire, result: now, previous: before).findings
        let decline = try #require(findings.first { $0.kind == .decline })
        #expect(decline.indicator == "share" && decline.previous == 90 && decline.figure == 80 && decline.callsForAction)
        let rise = try #require(findings.first { $0.kind == .rise })
        #expect(rise.indicator == "index" && !rise.callsForAction)
        #expect(FindingWording.sentence(decline) == "показатель «Доля» значимо снизился: 90,0\u{00A0}% → 80,0\u{00A0}%")
        // No change at all: neither.
        let same = FindingsEngine(questionnaire: questionnaire, result: now, previous: now).findings
        #expect(!same.contains { $0.kind == .decline || $0.kind == .rise })
    }

    @Test("A significant difference between groups names the lowest and the highest group")
    func groupDifference() throws {
        var (questionnaire, result) = try Self.calm()
        let b = try #require(result.breakdowns.firstIndex { $0.grouping == "level" })
        let visible = result.breakdowns[b].groups.indices.filter { result.breakdowns[b].groups[$0].key != Analyzer.unspecifiedGroup }
        try #require(visible.count >= 2)
        for g in visible { result.breakdowns[b].groups[g].suppressed = false }
        for (rank, g) in visible.enumerated() { result.breakdowns[b].groups[g].indicators[1].figure = 50 + Double(rank) * 20 }
        result.breakdowns[b].tests = [try Self.groupTest(indicator: "index", pHolm: 0.008, groups: visible.count)]
        let finding = try #require(FindingsEngine(questionnaire: questionnaire, result: result).findings.first { $0.kind == .groupDifference })
        #expect(finding.groups.first?.figure == 50 && finding.groups.last?.figure == 50 + Double(visible.count - 1) * 20)
        #expect(finding.group == result.breakdowns[b].groups[visible[0]].key)
        // Not significant after Holm: no finding.
        result.breakdowns[b].tests[0].pHolm = 0.06
        #expect(!FindingsEngine(questionnaire: questionnaire, result: result).findings.contains { $0.kind == .groupDifference })
    }

    @Test("Recurring open answers go beside the finding they concern; thanks and one-word answers do not count")
    func openAnswers() throws {
        var questionnaire = try MiniSurvey.questionnaire()
        questionnaire.indicators[0].keywords = ["вахт", "вежлив"]
        var comments: [Int: String] = [:]
        for i in 0..<15 { comments[i] = i % 2 == 0 ? "Вежливее разговаривать с родителями на вахте." : "вежливее разговаривать с родителями на вахте" }
        for i in 15..<19 { comments[i] = "Добавить спортивные секции по вечерам" }
        for i in 19..<24 { comments[i] = "Спасибо учителям за работу!" }
        for i in 24..<28 { comments[i] = "Всё хорошо" }
        let rows = Array((MiniSurvey.waveA + MiniSurvey.waveA + MiniSurvey.waveA).prefix(28))
        var result = try MiniSurvey.analyze(rows, comments: comments)
        Self.makeDeficit(&result, figure: 50)
        let findings = FindingsEngine(questionnaire: questionnaire, result: result).findings
        let deficit = try #require(findings.first { $0.kind == .indicatorDeficit })
        #expect(deficit.openAnswers.map(\.count) == [15])
        let own = findings.filter { $0.kind == .openAnswers }
        #expect(own.count == 1)
        #expect(own.first?.openAnswers.map(\.text) == ["Добавить спортивные секции по вечерам"])
        #expect(!findings.flatMap(\.openAnswers).contains { $0.text.hasPrefix("Спасибо") || $0.text == "Всё хорошо" })
    }

    @Test("Findings are ranked: deficits of indicators, declines, questions, groups; within a kind the larger gap first")
    func ranking() throws {
        var (questionnaire, result) = try Self.calm()
        Self.makeDeficit(&result, figure: 55)
        for (id, value) in [("q1", 30.0), ("q2", 55.0)] {
            let at = try #require(result.questions.firstIndex { $0.id == id })
            result.questions[at].positivePercent = value
        }
        let findings = FindingsEngine(questionnaire: questionnaire, result: result).findings
        #expect(findings.map(\.kind) == [.indicatorDeficit, .itemDeficit, .itemDeficit])
        #expect(findings.compactMap(\.question) == ["q1", "q2"])
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
        _ = questionnaire
    }

    @Test("Randomised: a question is an item deficit exactly when it is below its indicator's threshold")
    func itemRuleHoldsForAllFigures() throws {
        var generator = SeededRandom(seed: 20261202)
        let (questionnaire, base) = try Self.calm()
        for _ in 0..<300 {
            var result = base
            var below: Set<String> = []
            for index in result.questions.indices where result.questions[index].positivePercent != nil {
                let value = Double(generator.next() % 1001) / 10
                result.questions[index].positivePercent = value
                if value < 60 { below.insert(result.questions[index].id) }
            }
            let items = FindingsEngine(questionnaire: questionnaire, result: result).findings.filter { $0.kind == .itemDeficit }
            #expect(Set(items.compactMap(\.question)) == below)
        }
    }
}


@Suite("Group names in prose")
struct GroupNameTests {
    @Test("A parallel's number reads as «9-е классы»; classes, levels and other groupings stay as they are",
          arguments: [("9", "Параллель", "9-е классы"), ("11", "параллель", "11-е классы"), ("7Б", "Класс", "7Б"),
                      ("ООО", "Уровень образования", "ООО"), ("9", "Стаж", "9"), ("9", nil, "9"), ("", "Параллель", "")])
    func parallels(group: String, grouping: String?, expected: String) {
        #expect(FindingWording.groupName(group, grouping: grouping) == expected)
    }
}
