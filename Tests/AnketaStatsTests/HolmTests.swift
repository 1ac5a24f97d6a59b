import Testing
import AnketaStats

@Suite("Holm–Bonferroni")
struct HolmTests {
    @Test func matchesStatsmodels() {
        // statsmodels 0.15.0 multipletests([0.01, 0.04, 0.03, 0.005, 0.20, 0.04], method="holm")[1]
        let adjusted = Holm.adjust([0.01, 0.04, 0.03, 0.005, 0.20, 0.04])
        let expected = [0.05, 0.12, 0.12, 0.03, 0.2, 0.12]
        #expect(adjusted.count == expected.count)
        for (a, e) in zip(adjusted, expected) { #expect(isClose(a, e, 1e-14)) }
        // statsmodels 0.15.0 multipletests([0.5, 0.3, 0.02, 0.6], method="holm")[1] → capped at 1
        let capped = Holm.adjust([0.5, 0.3, 0.02, 0.6])
        for (a, e) in zip(capped, [1.0, 0.8999999999999999, 0.08, 1.0]) { #expect(isClose(a, e, 1e-14)) }
    }

    @Test func edgeCases() {
        #expect(Holm.adjust([]).isEmpty)
        #expect(Holm.adjust([0.03]) == [0.03])
        // By hand, R p.adjust semantics (NA not counted in m = 2): 0.02, NA, max(0.02, 0.04)
        let withNaN = Holm.adjust([0.01, .nan, 0.04])
        #expect(isClose(withNaN[0], 0.02, 1e-15))
        #expect(withNaN[1].isNaN)
        #expect(isClose(withNaN[2], 0.04, 1e-15))
    }
}
