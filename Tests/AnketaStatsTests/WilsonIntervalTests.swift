import Testing
import AnketaStats

@Suite("Wilson score interval")
struct WilsonIntervalTests {
    @Test func matchesRPropTest() throws {
        // R: prop.test(3, 10, correct = FALSE)$conf.int → 0.1077913 0.6032219
        let w = try #require(WilsonInterval(successes: 3, trials: 10))
        #expect(isClose(w.lower, 0.1077913, 5e-8))
        #expect(isClose(w.upper, 0.6032219, 5e-8))
        #expect(w.proportion == 0.3)
        // statsmodels 0.15.0 proportion_confint(3, 10, method="wilson")
        #expect(isClose(w.lower, 0.10779126740630104, 1e-12))
        #expect(isClose(w.upper, 0.6032218525388546, 1e-12))
    }

    @Test func matchesStatsmodelsFormula() throws {
        // statsmodels 0.15.0 proportion_confint(x, n, alpha, method="wilson")
        let cases: [(Int, Int, Double, Double, Double)] = [
            (0, 20, 0.95, 0.0, 0.1611251580528194),
            (20, 20, 0.95, 0.8388748419471804, 0.9999999999999999),
            (47, 113, 0.95, 0.32928044896693853, 0.5081060387423808),
            (47, 113, 0.90, 0.3425004207068773, 0.49328964230304245),
        ]
        for (x, n, level, lo, hi) in cases {
            let w = try #require(WilsonInterval(successes: x, trials: n, confidence: level))
            #expect(isClose(w.lower, lo, 1e-12))
            #expect(isClose(w.upper, hi, 1e-12))
        }
        // Explicit z gives the same interval.
        let z = try #require(WilsonInterval(successes: 47, trials: 113, z: 1.959963984540054))
        #expect(isClose(z.lower, 0.32928044896693853, 1e-12))
    }

    @Test func invalidInputs() {
        #expect(WilsonInterval(successes: 0, trials: 0) == nil)
        #expect(WilsonInterval(successes: 5, trials: 4) == nil)
        #expect(WilsonInterval(successes: -1, trials: 4) == nil)
        #expect(WilsonInterval(successes: 1, trials: 4, confidence: 1) == nil)
    }
}
