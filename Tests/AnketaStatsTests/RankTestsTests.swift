import Testing
import AnketaStats

@Suite("Ranking, Mann–Whitney U, Kruskal–Wallis")
struct RankTestsTests {
    @Test func averageRanksMatchScipy() {
        let r = AverageRanks([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        // scipy 1.17.1 stats.rankdata([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
        #expect(r.ranks == [4.5, 1.5, 6.0, 1.5, 8.0, 11.0, 3.0, 10.0, 8.0, 4.5, 8.0])
        #expect(r.tieGroupSizes.sorted() == [2, 2, 3])
        #expect(r.tieSum == 6 + 6 + 24)
        #expect(AverageRanks([]).ranks.isEmpty)
        let withNaN = AverageRanks([2, .nan, 1])
        #expect(withNaN.ranks == [2, 3, 1])
    }

    @Test func mannWhitneyReference() throws {
        let result = try #require(MannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4, 5]))
        // scipy 1.17.1 mannwhitneyu(x, y, method="asymptotic", use_continuity=True) → U = 8.0, p = 0.7086240584439221
        #expect(result.u == 8)
        #expect(result.uSecond == 12)
        #expect(isClose(result.pValue, 0.7086240584439221, 1e-12))
        // pingouin 0.7.0 mwu: RBC = -0.2, CLES = 0.4 (pingouin's sign convention matches ours here)
        #expect(isClose(result.rankBiserial, -0.2, 1e-12))
        #expect(isClose(result.commonLanguageEffectSize, 0.4, 1e-12))
    }

    @Test func mannWhitneyTieHeavyLikert() throws {
        let x: [Double] = [5, 4, 4, 5, 3, 4, 5, 5, 4, 2, 5, 4]
        let y: [Double] = [3, 4, 2, 3, 3, 4, 1, 3, 2, 4, 3, 5, 3, 2]
        let result = try #require(MannWhitneyU(x, y))
        // scipy 1.17.1 mannwhitneyu(x, y, method="asymptotic", use_continuity=True) → U = 134.5, p = 0.00788105404899189
        #expect(result.u == 134.5)
        #expect(isClose(result.pValue, 0.00788105404899189, 1e-12))
        // numpy 2.4.6 by hand from scipy.stats.rankdata: corrected z, r = |z|/√N, rank-biserial 2U/(n₁n₂) − 1
        #expect(isClose(result.z, 2.6571236091259447, 1e-12))
        #expect(isClose(result.effectSizeR, 0.5211048128062031, 1e-12))
        // pingouin 0.7.0 mwu(x, y): RBC = 0.60119, CLES = 0.800595
        #expect(isClose(result.rankBiserial, 0.6011904761904763, 1e-12))
        #expect(isClose(result.commonLanguageEffectSize, 0.800595, 5e-7))
    }

    @Test func mannWhitneyEdgeCases() throws {
        #expect(MannWhitneyU([], [1, 2]) == nil)
        #expect(MannWhitneyU([.nan], [1, 2]) == nil)
        let tied = try #require(MannWhitneyU([3, 3, 3], [3, 3]))
        #expect(tied.pValue == 1 && tied.z == 0)
    }

    /// R datasets::airquality Ozone by Month (NA dropped), from /work/shared/testdata/reliability/airquality.csv.
    static let ozoneByMonth: [[Double]] = [
        [41, 36, 12, 18, 28, 23, 19, 8, 7, 16, 11, 14, 18, 14, 34, 6, 30, 11, 1, 11, 4, 32, 23, 45, 115, 37],
        [29, 71, 39, 23, 21, 37, 20, 12, 13],
        [135, 49, 32, 64, 40, 77, 97, 97, 85, 10, 27, 7, 48, 35, 61, 79, 63, 16, 80, 108, 20, 52, 82, 50, 64, 59],
        [39, 9, 16, 78, 35, 66, 122, 89, 110, 44, 28, 65, 22, 59, 23, 31, 44, 21, 9, 45, 168, 73, 76, 118, 84, 85],
        [96, 78, 73, 91, 47, 32, 20, 23, 21, 24, 44, 21, 28, 9, 13, 46, 18, 13, 24, 16, 13, 23, 36, 7, 14, 30,
         14, 18, 20],
    ]

    @Test func kruskalWallisAirquality() throws {
        let result = try #require(KruskalWallis(Self.ozoneByMonth))
        // R kruskal.test(Ozone ~ Month, data = airquality) → Kruskal-Wallis chi-squared = 29.267, df = 4, p-value = 6.901e-06
        #expect(isClose(result.h, 29.267, 5e-4))
        #expect(result.degreesOfFreedom == 4)
        #expect(isClose(result.pValue, 6.901e-06, 5e-10))
        // scipy 1.17.1 stats.kruskal(*groups) → 29.26657630611694, 6.900714118546782e-06
        #expect(isClose(result.h, 29.26657630611694, 1e-10))
        #expect(isClose(result.pValue, 6.900714118546782e-06, 1e-9, relative: true))
        #expect(result.n == 116)
        #expect(result.groupCount == 5)
        // By hand from the scipy H: ε² = H/((N² − 1)/(N + 1)), η²_H = (H − k + 1)/(N − k)
        #expect(isClose(result.epsilonSquared, 0.25449196787927775, 1e-12))
        #expect(isClose(result.etaSquared, 0.22762681356862108, 1e-12))
    }

    @Test func kruskalWallisTieHeavyLikert() throws {
        let groups: [[Double]] = [[1, 2, 2, 3, 3, 3, 4], [2, 3, 3, 4, 4, 5, 5, 5], [1, 1, 2, 2, 3]]
        let result = try #require(KruskalWallis(groups))
        // scipy 1.17.1 stats.kruskal(g1, g2, g3) → 8.456622554009721, 0.014576986266801963
        #expect(isClose(result.h, 8.456622554009721, 1e-11))
        #expect(isClose(result.pValue, 0.014576986266801963, 1e-11))
        #expect(isClose(result.epsilonSquared, 0.44508539757945903, 1e-11))
        #expect(isClose(result.etaSquared, 0.37980132670645417, 1e-11))
    }

    @Test func kruskalWallisEdgeCases() throws {
        #expect(KruskalWallis([]) == nil)
        #expect(KruskalWallis([[1, 2, 3]]) == nil)
        #expect(KruskalWallis([[1, 2, 3], [], [.nan]]) == nil)
        let tied = try #require(KruskalWallis([[2, 2], [2, 2, 2]]))
        #expect(tied.h == 0 && tied.pValue == 1)
        let singletons = try #require(KruskalWallis([[1], [2]]))
        #expect(singletons.etaSquared == nil)
        // Empty groups are dropped before counting k.
        let dropped = try #require(KruskalWallis([[1, 2, 3, 4], [], [1, 2, 3, 4, 5]]))
        #expect(dropped.groupCount == 2 && dropped.degreesOfFreedom == 1)
    }
}
