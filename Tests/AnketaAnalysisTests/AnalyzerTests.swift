import AnketaAnalysis
import AnketaCore
import AnketaTestSupport
import Testing

/// Reference values: the script in docs/statistics.md ("Analysis reference data"),
/// computed with numpy 2.4.6, scipy 1.17.1, statsmodels 0.15.0 and pingouin 0.7.0 on the data below.
@Suite("Questionnaire-level figures")
struct AnalyzerTests {
    static let waveA = MiniSurvey.waveA
    static let waveB = MiniSurvey.waveB

    static func analyze(_ rows: [MiniSurvey.Row], minGroupSize: Int = 1) throws -> AnalysisResult {
        try MiniSurvey.analyze(rows, minGroupSize: minGroupSize, wave: "A")
    }

    @Test func questionFigures() throws {
        let result = try Self.analyze(Self.waveA)
        let q1 = try #require(result.questions.first { $0.id == "q1" })
        #expect(q1.valid == 12)
        #expect(abs(try #require(q1.mean) - 2.9166666666666665) < 1e-12)           // numpy.mean
        #expect(abs(try #require(q1.standardDeviation) - 0.9962049198956218) < 1e-12) // numpy.std(ddof=1)
        #expect(q1.median == 3.0)                                                   // numpy.median
        #expect(abs(try #require(q1.positivePercent) - 66.66666666666666) < 1e-9)
        let ci = try #require(q1.positiveInterval)                                  // statsmodels proportion_confint(8, 12, 'wilson')
        #expect(abs(ci[0] - 39.06220888727995) < 1e-7 && abs(ci[1] - 86.18799089087868) < 1e-7)
        #expect(abs(try #require(q1.index) - 63.888888888888886) < 1e-9)           // (mean − 1)/3·100 by hand

        let q2 = try #require(result.questions.first { $0.id == "q2" })
        #expect(q2.valid == 10 && q2.noAnswer == 1 && q2.blank == 1)
        #expect(q2.median == 3.0)                                                   // numpy.median of 10 values
        #expect(abs(try #require(q2.standardDeviation) - 1.1595018087284057) < 1e-12)
        let ci2 = try #require(q2.positiveInterval)                                 // wilson(6, 10)
        #expect(abs(ci2[0] - 31.267376973365824) < 1e-7 && abs(ci2[1] - 83.18196702937638) < 1e-7)

        // Reverse-keyed: positive = the mirror of a positive option (codes 1–2); index flipped.
        let q3 = try #require(result.questions.first { $0.id == "q3" })
        #expect(q3.positiveCount == 8)
        #expect(q3.median == 2.0)                                                   // numpy.median (raw scores)
        #expect(abs(try #require(q3.index) - 61.111111111111114) < 1e-9)
    }

    @Test func indicatorFigures() throws {
        let result = try Self.analyze(Self.waveA)
        let share = try #require(result.indicators.first { $0.id == "share" })
        #expect(abs(try #require(share.figure) - 64.70588235294117) < 1e-9)         // 22 of 34 answers, by hand
        #expect(share.level == "средний" && !share.deficit)
        let index = try #require(result.indicators.first { $0.id == "index" })
        #expect(abs(try #require(index.figure) - 61.11111111111109) < 1e-9)         // numpy mean of respondents' indices
        #expect(index.scores.n == 12)
        #expect(abs(try #require(index.scores.standardDeviation) - 33.66835012626052) < 1e-9)
        #expect(index.reliability.n == 10)                                          // complete cases
        #expect(abs(try #require(index.reliability.alpha) - 0.953187250996016) < 1e-9) // pingouin.cronbach_alpha
        let distribution = try #require(index.levelDistribution)
        #expect(distribution.map(\.count).reduce(0, +) == 12)
    }

    @Test func groupTestsAgainstScipy() throws {
        let result = try Self.analyze(Self.waveA)
        let breakdown = try #require(result.breakdowns.first { $0.grouping == "level" })
        #expect(breakdown.groups.map(\.key) == ["НОО", "ООО", "СОО"])
        let test = try #require(breakdown.tests.first { $0.indicator == "index" })
        #expect(test.test == "kruskal_wallis")
        #expect(abs(test.statistic - 2.4783212560386536) < 1e-9)                   // scipy.stats.kruskal
        #expect(abs(test.p - 0.28962722091391463) < 1e-9)
        #expect(abs(test.effectSize - 0.22530193236715032) < 1e-9)                 // H/((n²−1)/(n+1))
        #expect(test.pHolm >= test.p)

        // Answers to q1 × level: scipy.stats.chi2_contingency(correction=False) on [[0,0,0,1],[0,1,3,2],[1,2,1,1]].
        let chi = try #require(breakdown.questionTests.first { $0.question == "q1" })
        #expect(abs(chi.statistic - 4.966666666666667) < 1e-9)
        #expect(chi.degreesOfFreedom == 6)
        #expect(abs(chi.p - 0.5480954458785534) < 1e-9)
        #expect(abs(chi.cramersV - 0.4549114687985394) < 1e-9)                      // √(χ²/(n·(min(r, c) − 1)))
        #expect(chi.sparse)
    }

    @Test func smallGroupsAreSuppressedWithTheirComplement() throws {
        let result = try Self.analyze(Self.waveA, minGroupSize: 5)
        let breakdown = try #require(result.breakdowns.first)
        let hidden = breakdown.groups.filter(\.suppressed).map(\.key)
        // НОО has 1 respondent; СОО (5) is hidden too, or НОО = total − ООО − СОО would reveal it.
        #expect(hidden == ["НОО", "СОО"])
        #expect(breakdown.groups.filter(\.suppressed).allSatisfy { $0.respondents == nil && $0.indicators.allSatisfy { $0.figure == nil } })
        #expect(breakdown.tests.isEmpty)
    }

    @Test func dynamicsAgainstScipyAndStatsmodels() throws {
        let a = try Self.analyze(Self.waveA), b = try Self.analyze(Self.waveB)
        let dynamics = Dynamics(previous: b, current: a)
        let index = try #require(dynamics.indicators.first { $0.id == "index" })
        #expect(abs(try #require(index.p) - 0.1229579984901083) < 1e-6)            // scipy.stats.ttest_ind(equal_var=False)
        #expect(index.direction == .none)
        let q1 = try #require(dynamics.questions.first { $0.id == "q1" })
        #expect(abs(try #require(q1.change) - 26.666666666666664) < 1e-9)
        let interval = try #require(q1.interval)                                    // statsmodels confint_proportions_2indep(newcomb)
        #expect(abs(interval[0] - (-13.177651815202385)) < 1e-6 && abs(interval[1] - 56.97319558071258) < 1e-6)
        #expect(abs(try #require(q1.p) - 0.21101565288469493) < 1e-9)              // pooled two-proportion z-test
    }

    @Test func deficitMapRanksDeficits() throws {
        let b = try Self.analyze(Self.waveB)
        let map = DeficitMap(result: b, breakdown: b.breakdowns.first)
        #expect(map.columns.first == "Все")
        let whole = map.deficits.filter { $0.column == "Все" }
        #expect(whole.map(\.indicator) == ["share", "index"])                      // 60 − 36,7 = 23,3 > 50 − 40 = 10
        #expect(abs(whole[0].gap - (60 - 36.666666666666664)) < 1e-9)
    }

    @Test func aWaveSmallerThanTheMinimumGivesNoFigures() throws {
        let result = try Self.analyze(Array(Self.waveA.prefix(3)), minGroupSize: 5)
        #expect(result.suppressed)
        #expect(result.respondents == 3)
        #expect(result.questions.isEmpty && result.indicators.isEmpty && result.breakdowns.isEmpty && result.overall == nil)
    }

    @Test func smallAnswersOfAGroupingQuestionAreHidden() throws {
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
        for code in Array(repeating: "a", count: 7) + Array(repeating: "b", count: 6) + ["c", "c"] {
            analyzer.add(Response(answers: ["exp": .option(code)]))
        }
        let result = analyzer.finish()
        // Groups of a choice question keep the scale's order, not the alphabet's.
        #expect(result.breakdowns.first?.groups.map(\.key) == ["до 3 лет", "3–10 лет", "более 10 лет"])
        let options = try #require(result.questions.first).options
        // «c» (2) is under 5; «b» (6), the next smallest, goes with it so that 15 − 7 reveals nothing.
        #expect(options.map(\.suppressed) == [false, true, true])
        #expect(options.map(\.count) == [7, 0, 0])
    }
}
