import AnketaStats
import Testing
import AnketaTestSupport

// Reference values: scipy 1.17.1, computed with
//   x = [3,4,2,5,4,3,3,4,5,2,4,3] (external marks), y = [4,4,3,5,5,3,4,4,5,3,4,4] (school marks)
//   a = [1.2,2.5,3.1,4.8,5.0,6.7,7.1,8.4], b = [2.0,2.2,3.9,4.1,6.3,6.0,8.8,7.9]
private let external: [Double] = [3, 4, 2, 5, 4, 3, 3, 4, 5, 2, 4, 3]
private let school: [Double] = [4, 4, 3, 5, 5, 3, 4, 4, 5, 3, 4, 4]
private let a: [Double] = [1.2, 2.5, 3.1, 4.8, 5.0, 6.7, 7.1, 8.4]
private let b: [Double] = [2.0, 2.2, 3.9, 4.1, 6.3, 6.0, 8.8, 7.9]

@Suite("Spearman correlation")
struct SpearmanCorrelationTests {
    @Test func marksWithTies() throws {
        let result = try #require(SpearmanCorrelation(school, external))
        // scipy.stats.spearmanr(y, x) → 0.8528028654224419, p 0.0004227811936060164
        #expect(isClose(result.rho, 0.8528028654224419, 1e-12))
        #expect(isClose(result.pValue, 0.0004227811936060164, 1e-9))
        // scipy.stats.pearsonr(rankdata(y), rankdata(x)).confidence_interval(0.95)
        #expect(isClose(result.lower, 0.546249263134745, 1e-9))
        #expect(isClose(result.upper, 0.9578894785537423, 1e-9))
        #expect(result.n == 12)
    }

    @Test func continuousWithOtherLevel() throws {
        let result = try #require(SpearmanCorrelation(a, b, confidence: 0.90))
        // scipy.stats.spearmanr(a, b) → 0.9523809523809524, p 0.000260400024387251
        #expect(isClose(result.rho, 0.9523809523809524, 1e-12))
        #expect(isClose(result.pValue, 0.000260400024387251, 1e-9))
        // pearsonr(rankdata(a), rankdata(b)).confidence_interval(0.90)
        #expect(isClose(result.lower, 0.8079807484709431, 1e-9))
        #expect(isClose(result.upper, 0.9888599913715608, 1e-9))
    }

    @Test func undefinedCases() {
        #expect(SpearmanCorrelation([4, 4, 4, 4], [3, 4, 5, 2]) == nil)  // constant school marks
        #expect(SpearmanCorrelation([1, 2], [1, 2]) == nil)              // fewer than 3 pairs
        #expect(SpearmanCorrelation([1, 2, 3], [1, 2]) == nil)           // lengths differ
        let three = SpearmanCorrelation([1, 2, 3], [1, 3, 2])
        #expect(three?.lower == nil)                                     // no interval with n = 3
    }

    @Test func boundsHoldForRandomData() throws {
        var generator = SeededRandom(seed: 14)
        for _ in 0..<200 {
            let n = Int.random(in: 4...40, using: &generator)
            let x = (0..<n).map { _ in Double(Int.random(in: 2...5, using: &generator)) }
            let y = (0..<n).map { _ in Double(Int.random(in: 2...5, using: &generator)) }
            guard let result = SpearmanCorrelation(x, y) else { continue }
            #expect(result.rho >= -1 && result.rho <= 1)
            let lower = try #require(result.lower), upper = try #require(result.upper)
            #expect(lower <= result.rho && result.rho <= upper)
            #expect(result.pValue >= 0 && result.pValue <= 1)
            // Symmetric in its arguments.
            #expect(isClose(SpearmanCorrelation(y, x)?.rho ?? .nan, result.rho, 1e-12))
        }
    }
}

@Suite("Paired t-test")
struct PairedTTestTests {
    @Test func marks() throws {
        let result = try #require(PairedTTest(external, school))
        // scipy.stats.ttest_rel(x, y) → -3.3166247903554, p 0.006872303308921113, df 11
        #expect(isClose(result.t, -3.3166247903554, 1e-11))
        #expect(isClose(result.pValue, 0.006872303308921113, 1e-10))
        #expect(result.degreesOfFreedom == 11)
        #expect(isClose(result.meanDifference, -0.5, 1e-15))
        // numpy.std(x − y, ddof=1)
        #expect(isClose(result.standardDeviation, 0.5222329678670935, 1e-12))
        // ttest_rel(x, y).confidence_interval(0.95)
        #expect(isClose(result.lower, -0.8318109975074672, 1e-9))
        #expect(isClose(result.upper, -0.16818900249253282, 1e-9))
    }

    @Test func continuous() throws {
        let result = try #require(PairedTTest(a, b))
        // scipy.stats.ttest_rel(a, b) → -0.883281245421826, p 0.40639510344268165, CI (-1.103127292869278, 0.5031272928692778)
        #expect(isClose(result.t, -0.883281245421826, 1e-11))
        #expect(isClose(result.pValue, 0.40639510344268165, 1e-10))
        #expect(isClose(result.lower, -1.103127292869278, 1e-9))
        #expect(isClose(result.upper, 0.5031272928692778, 1e-9))
    }

    @Test func degenerate() throws {
        #expect(PairedTTest([4], [5]) == nil)
        let same = try #require(PairedTTest([4, 3, 5], [4, 3, 5]))
        #expect(same.t == 0 && same.pValue == 1)
        let shifted = try #require(PairedTTest([3, 2, 4], [4, 3, 5]))
        #expect(shifted.t == -.infinity && shifted.pValue == 0)
    }
}

@Suite("Wilcoxon signed-rank test")
struct WilcoxonSignedRankTests {
    @Test func marksWithZerosAndTies() throws {
        let result = try #require(WilcoxonSignedRank(external, school))
        // scipy.stats.wilcoxon(x − y, zero_method="wilcox", correction=False, method="approx")
        //   → statistic 0.0, p 0.014305878435429648, zstatistic -2.449489742783178
        #expect(result.statistic == 0)
        #expect(isClose(result.pValue, 0.014305878435429648, 1e-10))
        #expect(isClose(result.z, -2.449489742783178, 1e-12))
        #expect(result.n == 6 && result.zeros == 6)
        #expect(result.rankBiserial == -1)
    }

    @Test func continuous() throws {
        let result = try #require(WilcoxonSignedRank(a, b))
        // scipy.stats.wilcoxon(a, b, correction=False, method="approx") → 10.0, p 0.2620327985527309
        #expect(result.statistic == 10)
        #expect(isClose(result.pValue, 0.2620327985527309, 1e-10))
        #expect(result.wPlus + result.wMinus == 36)  // n(n + 1)/2 with n = 8
    }

    @Test func nothingToTest() {
        #expect(WilcoxonSignedRank([4, 3], [4, 3]) == nil)
        #expect(WilcoxonSignedRank([4, 3], [4]) == nil)
    }
}

