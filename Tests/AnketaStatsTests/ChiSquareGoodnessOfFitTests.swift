import AnketaStats
import Testing

@Suite struct ChiSquareGoodnessOfFitTests {
    @Test func matchesScipy() throws {
        // scipy 1.17.1: stats.chisquare([3, 10, 12, 5], f_exp=[3, 10.5, 12, 4.5])
        //   → statistic 0.07936507936507936, pvalue 0.9941930763069584
        let close = try #require(ChiSquareGoodnessOfFit(observed: [3, 10, 12, 5], proportions: [0.1, 0.35, 0.4, 0.15]))
        #expect(abs(close.statistic - 0.07936507936507936) < 1e-12)
        #expect(abs(close.pValue - 0.9941930763069584) < 1e-10)
        #expect(close.degreesOfFreedom == 3 && close.n == 30)
        // stats.chisquare([0, 9, 14, 7], f_exp=[6, 12, 9, 3]) → 14.86111111111111, 0.0019392691019269872;
        // proportions given as percent are rescaled.
        let far = try #require(ChiSquareGoodnessOfFit(observed: [0, 9, 14, 7], proportions: [20, 40, 30, 10]))
        #expect(abs(far.statistic - 14.86111111111111) < 1e-12)
        #expect(abs(far.pValue - 0.0019392691019269872) < 1e-10)
        #expect(far.minExpected == 3)
    }

    @Test func undefinedCases() {
        #expect(ChiSquareGoodnessOfFit(observed: [1, 2], proportions: [1]) == nil)
        #expect(ChiSquareGoodnessOfFit(observed: [0, 0], proportions: [0.5, 0.5]) == nil)
        #expect(ChiSquareGoodnessOfFit(observed: [1, 2, 0], proportions: [0, 0.5, 0.5]) == nil)   // a mark the region never gave
        // A zero proportion with no observations drops the category: df = 1.
        #expect(ChiSquareGoodnessOfFit(observed: [0, 2, 3], proportions: [0, 0.5, 0.5])?.degreesOfFreedom == 1)
    }
}
