import AnketaAnalysis
import AnketaCore
import AnketaStats
import AnketaTestSupport
import Testing

@Suite struct LevelShareAndDirectionTests {
    /// Sums 6, 4, 2, 1, 0: two of five respondents are «низкий» → 40 %, a deficit (≥ 20 %, lower is better).
    @Test func levelShareCountsRespondentsInLevels() throws {
        let result = try MotivationSurvey.analyze([("5А", 1, 1), ("5А", 1, 2), ("5А", 2, 2), ("6А", 2, 3), ("6А", 3, 3)], wave: "2026")
        let risk = try #require(result.indicators.first { $0.id == "risk" })
        #expect(risk.method == .levelShare)
        #expect(risk.figure == 40)
        #expect(risk.counted == 2)
        #expect(risk.respondentsScored == 5)
        #expect(risk.deficit)
        #expect(risk.level == "высокий")
        #expect(risk.direction == .lowerIsBetter)
        #expect(risk.threshold == 20)
        let total = try #require(result.indicators.first { $0.id == "total" })
        #expect(isClose(total.figure, 2.6))
        #expect(total.levelDistribution?.map(\.count) == [1, 2, 2])
        // Per class: 5А has nobody «низкий», 6А both.
        let classes = try #require(result.breakdowns.first { $0.grouping == "class" })
        let a5 = try #require(classes.groups.first { $0.key == "5А" }?.indicators.first { $0.id == "risk" })
        let a6 = try #require(classes.groups.first { $0.key == "6А" }?.indicators.first { $0.id == "risk" })
        #expect(a5.figure == 0 && !a5.deficit)
        #expect(a6.figure == 100 && a6.deficit)
        let distribution = try #require(classes.groups.first { $0.key == "6А" }?.indicators.first { $0.id == "total" }?.levelDistribution)
        #expect(distribution.map(\.count) == [0, 0, 2])
    }

    /// Lower is better: a high index is the deficit, and the map's gap is how far above the threshold.
    @Test func lowerIsBetterDeficitAndGap() throws {
        // a = «Да» (index 100) for four of five: index 80 ≥ 70 → deficit.
        let result = try MotivationSurvey.analyze([("5А", 1, 1), ("5А", 1, 2), ("5А", 1, 2), ("6А", 1, 3), ("6А", 3, 3)], wave: "2026")
        let pressure = try #require(result.indicators.first { $0.id == "pressure" })
        #expect(isClose(pressure.figure, 80))
        #expect(pressure.deficit)
        #expect(pressure.threshold == 70)
        let map = DeficitMap(result: result)
        let entry = try #require(map.deficits.first { $0.indicator == "pressure" })
        #expect(isClose(entry.gap, 10))
    }

    /// A fall of a lower-is-better figure is an improvement.
    @Test func dynamicsOfLowerIsBetterIsImprovement() throws {
        let before = try MotivationSurvey.analyze(Array(repeating: ("5А", 3, 3), count: 30) + Array(repeating: ("5А", 1, 1), count: 10), wave: "2025")
        let now = try MotivationSurvey.analyze(Array(repeating: ("5А", 3, 3), count: 5) + Array(repeating: ("5А", 1, 1), count: 35), wave: "2026")
        let dynamics = Dynamics(previous: before, current: now)
        let risk = try #require(dynamics.indicators.first { $0.id == "risk" })
        #expect(risk.direction == .down)
        #expect(risk.improvement == true)
        #expect(risk.test == "newcombe")
        let total = try #require(dynamics.indicators.first { $0.id == "total" })
        #expect(total.direction == .up && total.improvement == true)
    }
}

@Suite struct TrendAnalysisTests {
    static let waves: [[(String, Int, Int)]] = [
        Array(repeating: ("5А", 3, 3), count: 12) + Array(repeating: ("5А", 2, 2), count: 10) + Array(repeating: ("5А", 1, 2), count: 8),
        Array(repeating: ("5А", 3, 3), count: 8) + Array(repeating: ("5А", 2, 2), count: 12) + Array(repeating: ("5А", 1, 1), count: 10),
        Array(repeating: ("5А", 3, 3), count: 1) + Array(repeating: ("5А", 2, 3), count: 2) + Array(repeating: ("5А", 1, 1), count: 27),
    ]

    /// The trend of a level share is Cochran–Armitage on the respondents counted; that of a sum is
    /// the OLS slope of respondents' sums on the wave's index — the same as from the raw scores.
    @Test func trendMatchesTheTestsOnRawData() throws {
        let results = try Self.waves.enumerated().map { try MotivationSurvey.analyze($1, wave: "\(2024 + $0)") }
        let trend = Trend(results: results)
        #expect(trend.waves == ["2024", "2025", "2026"])
        let risk = try #require(trend.indicators.first { $0.id == "risk" })
        let counted = Self.waves.map { rows in rows.filter { MotivationSurvey.sum($0.1, $0.2) < 2 }.count }
        let expected = try #require(CochranArmitage(successes: counted, trials: Self.waves.map(\.count)))
        #expect(risk.test == "cochran_armitage")
        #expect(isClose(risk.statistic, expected.z, 1e-12))
        #expect(isClose(risk.p, expected.pValue, 1e-12))
        #expect(risk.direction == .down && risk.improvement == true)
        #expect(risk.values.count == 3)

        let total = try #require(trend.indicators.first { $0.id == "total" })
        var x: [Double] = [], y: [Double] = []
        for (index, rows) in Self.waves.enumerated() {
            for row in rows { x.append(Double(index)); y.append(MotivationSurvey.sum(row.1, row.2)) }
        }
        let raw = try #require(LinearTrend(x: x, y: y))
        #expect(total.test == "linear_trend")
        #expect(isClose(total.slope, raw.slope, 1e-9))
        #expect(isClose(total.p, raw.pValue, 1e-9))
        #expect(total.direction == .up && total.improvement == true)

        let pressure = try #require(trend.indicators.first { $0.id == "pressure" })
        #expect(pressure.direction == .up && pressure.improvement == false)
        // Questions: a share of positive answers needs positive options; this scale has none marked, so
        // options above the middle count (score 3): Cochran–Armitage on answers.
        #expect(trend.questions.allSatisfy { $0.test == nil || $0.test == "cochran_armitage" })
    }
}

func isClose(_ actual: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance
}

@Suite struct CommonScaleTests {
    /// A mean index beside a share of positive answers under one `audience_key`: both cells show the
    /// pooled share of positive answers; levels stay each indicator's own.
    @Test func triangulationOfDifferentMethodsUsesPositiveShares() throws {
        var parents = try MiniSurvey.analyze(MiniSurvey.waveA)
        var teachers = try MiniSurvey.analyze(MiniSurvey.waveB)
        parents.indicators = parents.indicators.filter { $0.id == "share" }
        teachers.indicators = teachers.indicators.filter { $0.id == "index" }
        teachers.audience = .teachers
        parents.indicators[0].audienceKey = "k"
        teachers.indicators[0].audienceKey = "k"
        let map = DeficitMap(triangulating: [parents, teachers])
        let row = try #require(map.rows.first)
        #expect(row.commonScale)
        #expect(row.percent)
        #expect(row.cells[0].figure == parents.indicators[0].positivePercent)
        #expect(row.cells[0].figure == parents.indicators[0].figure)
        #expect(row.cells[1].figure == teachers.indicators[0].positivePercent)
        #expect(row.cells[1].level == teachers.indicators[0].level)
        // Same methods: figures as they are.
        teachers.indicators = try MiniSurvey.analyze(MiniSurvey.waveB).indicators.filter { $0.id == "share" }
        teachers.indicators[0].audienceKey = "k"
        let same = DeficitMap(triangulating: [parents, teachers])
        #expect(same.rows.first?.commonScale == false)
    }
}
