import Testing
import AnketaStats

@Suite("Two-sample comparisons")
struct TwoSampleTests {
    @Test func newcombeIntervalExamples() throws {
        // Newcombe (1998) example 56/70 vs 48/80, method 10. Values computed with
        // statsmodels 0.15.0 confint_proportions_2indep(56, 70, 48, 80, method="newcomb", compare="diff")
        // → [0.05243147240236498, 0.33387265403690614] (Newcombe's table prints 0.0524, 0.3339).
        let a = try #require(ProportionDifference(successes1: 56, trials1: 70, successes2: 48, trials2: 80))
        #expect(isClose(a.difference, 0.2, 1e-15))
        #expect(isClose(a.lower, 0.0524, 5e-5))
        #expect(isClose(a.upper, 0.3339, 5e-5))
        #expect(isClose(a.lower, 0.05243147240236498, 1e-12))
        #expect(isClose(a.upper, 0.33387265403690614, 1e-12))
        // statsmodels 0.15.0 proportions_ztest([56, 48], [70, 80]) → z 2.6501719512585336, p 0.00804508136819656
        #expect(isClose(a.z, 2.6501719512585336, 1e-12))
        #expect(isClose(a.pValue, 0.00804508136819656, 1e-12))

        // Fagerland, Lydersen & Laake (2015), 7/34 vs 1/34: Newcombe hybrid score 0.019 to 0.34
        // (quoted in statsmodels' test_proportion.py); statsmodels 0.15.0 → [0.018921443885772937, 0.3403686870327074]
        let b = try #require(ProportionDifference(successes1: 7, trials1: 34, successes2: 1, trials2: 34))
        #expect(isClose(b.lower, 0.019, 5e-4))
        #expect(isClose(b.upper, 0.34, 5e-3))
        #expect(isClose(b.lower, 0.018921443885772937, 1e-12))
        #expect(isClose(b.upper, 0.3403686870327074, 1e-12))
        // statsmodels 0.15.0 proportions_ztest([7, 1], [34, 34]) → p 0.023925843480626655
        #expect(isClose(b.pValue, 0.023925843480626655, 1e-12))

        // statsmodels 0.15.0 newcomb: 9/10 vs 3/10 → [0.1705227239345029, 0.809017973535488]; z-test p 0.006169899320544151
        let c = try #require(ProportionDifference(successes1: 9, trials1: 10, successes2: 3, trials2: 10))
        #expect(isClose(c.lower, 0.1705227239345029, 1e-12))
        #expect(isClose(c.upper, 0.809017973535488, 1e-12))
        #expect(isClose(c.pValue, 0.006169899320544151, 1e-12))

        // statsmodels 0.15.0 newcomb: 10/10 vs 0/20 → [0.6790860371419145, 1.0]; p 4.320463057827506e-08
        let d = try #require(ProportionDifference(successes1: 10, trials1: 10, successes2: 0, trials2: 20))
        #expect(isClose(d.lower, 0.6790860371419145, 1e-12))
        #expect(isClose(d.upper, 1.0, 1e-12))
        #expect(isClose(d.pValue, 4.320463057827506e-08, 1e-9, relative: true))
    }

    @Test func proportionDifferenceEdgeCases() throws {
        // statsmodels 0.15.0 newcomb: 0/10 vs 0/20 → [-0.1611251580528194, 0.27753279986288926]; pooled p̄ = 0 → p = 1
        let zero = try #require(ProportionDifference(successes1: 0, trials1: 10, successes2: 0, trials2: 20))
        #expect(zero.difference == 0)
        #expect(isClose(zero.lower, -0.1611251580528194, 1e-12))
        #expect(isClose(zero.upper, 0.27753279986288926, 1e-12))
        #expect(zero.pValue == 1 && zero.z == 0)
        #expect(ProportionDifference(successes1: 1, trials1: 0, successes2: 0, trials2: 20) == nil)
        #expect(ProportionDifference(successes1: 3, trials1: 2, successes2: 0, trials2: 20) == nil)
    }

    @Test func welchFromSummaryStatistics() throws {
        // scipy 1.17.1 ttest_ind_from_stats(3.2, 1.1, 40, 2.9, 1.4, 35, equal_var=False) → t 1.0215078369104993, p 0.31084208575772565;
        // df by the Welch–Satterthwaite formula, CI = diff ± t.ppf(0.975, df)·se (scipy 1.17.1)
        let a = try #require(WelchTTest(n1: 40, mean1: 3.2, sd1: 1.1, n2: 35, mean2: 2.9, sd2: 1.4))
        #expect(isClose(a.t, 1.0215078369104993, 1e-12))
        #expect(isClose(a.pValue, 0.31084208575772565, 1e-12))
        #expect(isClose(a.degreesOfFreedom, 64.29700186339603, 1e-10))
        #expect(isClose(a.lower, -0.286648053547796, 1e-11))
        #expect(isClose(a.upper, 0.8866480535477965, 1e-11))

        // scipy 1.17.1 ttest_ind_from_stats(15.0, 4.0, 12, 10.5, 9.0, 8, equal_var=False) → t 1.3293881025767935, p 0.2169052971183398
        let b = try #require(WelchTTest(n1: 12, mean1: 15, sd1: 4, n2: 8, mean2: 10.5, sd2: 9))
        #expect(isClose(b.t, 1.3293881025767935, 1e-12))
        #expect(isClose(b.pValue, 0.2169052971183398, 1e-12))
        #expect(isClose(b.degreesOfFreedom, 8.8671584131127, 1e-10))
        #expect(isClose(b.lower, -3.174961081736927, 1e-10))
        #expect(isClose(b.upper, 12.174961081736928, 1e-10))
    }

    @Test func welchFromStreamingMoments() throws {
        let x: [Double] = [4.1, 5.3, 3.9, 6.2, 5.0, 4.4, 5.8]
        let y: [Double] = [3.0, 3.5, 4.9, 2.8, 3.7, 4.0]
        let result = try #require(WelchTTest(RunningMoments(x), RunningMoments(y)))
        // scipy 1.17.1 ttest_ind(x, y, equal_var=False) → t 2.8997979935773897, p 0.01446083099162513, df 10.991546837590683,
        // confidence_interval(0.95) → [0.31491098116454563, 2.2993747331211676]
        #expect(isClose(result.t, 2.8997979935773897, 1e-11))
        #expect(isClose(result.pValue, 0.01446083099162513, 1e-11))
        #expect(isClose(result.degreesOfFreedom, 10.991546837590683, 1e-10))
        #expect(isClose(result.lower, 0.31491098116454563, 1e-10))
        #expect(isClose(result.upper, 2.2993747331211676, 1e-10))
    }

    @Test func welchEdgeCases() {
        #expect(WelchTTest(n1: 1, mean1: 3, sd1: 1, n2: 5, mean2: 2, sd2: 1) == nil)
        #expect(WelchTTest(n1: 4, mean1: 3, sd1: 0, n2: 5, mean2: 2, sd2: 0) == nil)
        #expect(WelchTTest(n1: 4, mean1: 3, sd1: -1, n2: 5, mean2: 2, sd2: 1) == nil)
        #expect(WelchTTest(RunningMoments(), RunningMoments([1, 2])) == nil)
    }
}
