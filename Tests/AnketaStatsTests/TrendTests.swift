import AnketaStats
import AnketaTestSupport
import Testing

/// Reference values: scipy 1.17.1 and statsmodels 0.15.0 (script `docs/reference/trend_reference.py`).
/// Cochran–Armitage z from Agresti's formula in numpy, cross-checked with statsmodels'
/// `Table(...).test_ordinal_association()` z·√(N/(N − 1)), which agrees to 1e-12.
@Suite struct TrendTests {
    @Test func cochranArmitageRisingShare() throws {
        let test = try #require(CochranArmitage(successes: [61, 70, 80], trials: [100, 100, 100]))
        #expect(isClose(test.z, 2.9411936987933656, 1e-12))
        #expect(isClose(test.pValue, 0.0032695001545506803, 1e-9))
        #expect(isClose(test.statistic, 2.9411936987933656 * 2.9411936987933656, 1e-10))
        // Equal trials: the weighted slope is the mean change per wave, (0,80 − 0,61)/2.
        #expect(isClose(test.slope, 0.095, 1e-12))
    }

    @Test func cochranArmitageUnequalTrials() throws {
        let test = try #require(CochranArmitage(successes: [12, 15, 9, 20], trials: [40, 52, 38, 44]))
        #expect(isClose(test.z, 1.372039288194127, 1e-12))
        #expect(isClose(test.pValue, 0.17005120754631897, 1e-9))
    }

    @Test func cochranArmitageWithScores() throws {
        let test = try #require(CochranArmitage(successes: [30, 25, 21], trials: [80, 75, 90], scores: [2023, 2024, 2026]))
        #expect(isClose(test.z, -2.058019014617337, 1e-9))
        #expect(isClose(test.pValue, 0.039588308153794896, 1e-9))
        #expect(test.slope < 0)
    }

    @Test func cochranArmitageRefusesDegenerateInput() {
        #expect(CochranArmitage(successes: [5], trials: [10]) == nil)
        #expect(CochranArmitage(successes: [0, 0, 0], trials: [10, 10, 10]) == nil)
        #expect(CochranArmitage(successes: [10, 10], trials: [10, 10]) == nil)
        #expect(CochranArmitage(successes: [11, 2], trials: [10, 10]) == nil)
        #expect(CochranArmitage(successes: [1, 2], trials: [0, 10]) == nil)
    }

    @Test func linearTrendMatchesLinregress() throws {
        let x: [Double] = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
        let y: [Double] = [50, 60, 40, 55, 65, 70, 45, 70, 75, 80]
        let trend = try #require(LinearTrend(x: x, y: y))
        #expect(isClose(trend.slope, 12.499999999999998, 1e-10))
        #expect(isClose(trend.intercept, 48.5, 1e-10))
        #expect(isClose(trend.standardError, 3.6869703009381567, 1e-10))
        #expect(isClose(trend.t, 3.3903175181040512, 1e-9))
        #expect(isClose(trend.pValue, 0.009495498032904772, 1e-9))
        #expect(isClose(trend.lower, 3.997831239661661, 1e-6))
        #expect(isClose(trend.upper, 21.002168760338336, 1e-6))
        #expect(trend.degreesOfFreedom == 8)
    }

    @Test func linearTrendFromGroupSummaries() throws {
        let y: [Double] = [60.0, 64.5, 55.9, 46.6, 53.2, 48.1, 63.9, 83.1, 55.6, 56.7, 73.3, 71.4, 67.6, 52.0, 65.6]
        let x: [Double] = Array(repeating: 0, count: 5) + Array(repeating: 1, count: 4) + Array(repeating: 2, count: 6)
        var groups: [LinearTrend.Group] = []
        for wave in 0...2 {
            let values = zip(x, y).filter { $0.0 == Double(wave) }.map { $0.1 }
            let moments = RunningMoments(values)
            groups.append(.init(x: Double(wave), n: values.count, mean: moments.mean!, standardDeviation: moments.standardDeviation!))
        }
        let trend = try #require(LinearTrend(groups: groups))
        #expect(isClose(trend.slope, 4.13719512195122, 1e-10))
        #expect(isClose(trend.intercept, 56.75365853658536, 1e-10))
        #expect(isClose(trend.standardError, 2.9488536512276076, 1e-10))
        #expect(isClose(trend.pValue, 0.1840517677601987, 1e-9))
    }

    /// Property: the grouped formula equals the raw one for any data.
    @Test func groupedEqualsRaw() throws {
        var random = SeededRandom(seed: 13)
        for _ in 0..<50 {
            let waves = Int.random(in: 2...5, using: &random)
            var x: [Double] = [], y: [Double] = []
            for wave in 0..<waves {
                for _ in 0..<Int.random(in: 2...12, using: &random) {
                    x.append(Double(wave)); y.append(Double(Int.random(in: 0...100, using: &random)))
                }
            }
            let raw = try #require(LinearTrend(x: x, y: y))
            let groups = (0..<waves).map { wave -> LinearTrend.Group in
                let values = zip(x, y).filter { $0.0 == Double(wave) }.map { $0.1 }
                let moments = RunningMoments(values)
                return .init(x: Double(wave), n: values.count, mean: moments.mean!, standardDeviation: moments.standardDeviation ?? 0)
            }
            let grouped = try #require(LinearTrend(groups: groups))
            #expect(isClose(grouped.slope, raw.slope, 1e-9))
            #expect(isClose(grouped.pValue, raw.pValue, 1e-9))
        }
    }

    @Test func linearTrendRefusesDegenerateInput() {
        #expect(LinearTrend(x: [0, 1], y: [1, 2]) == nil)
        #expect(LinearTrend(x: [1, 1, 1], y: [1, 2, 3]) == nil)
        #expect(LinearTrend(x: [0, 1, 2], y: [1, 2]) == nil)
    }
}

