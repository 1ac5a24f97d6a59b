import Testing
import AnketaStats

@Suite("RunningMoments and Descriptive")
struct RunningMomentsTests {
    let a: [Double] = [2.5, 3.1, 4.7, 1.2, 9.8, 5.5, 3.3]
    let b: [Double] = [10.1, 0.4, 7.7, 6.2, 2.2]

    @Test func welfordMatchesNumpy() {
        let m = RunningMoments(a + b)
        #expect(m.count == 12)
        // numpy 2.4.6: np.mean(a+b), np.var(a+b, ddof=1), np.std(a+b, ddof=1)
        #expect(isClose(m.mean, 4.7250000000000005, 1e-13))
        #expect(isClose(m.variance, 10.30931818181818, 1e-12))
        #expect(isClose(m.standardDeviation, 3.210812698028052, 1e-12))
        #expect(m.min == 0.4)
        #expect(m.max == 10.1)
    }

    @Test func mergeEqualsSinglePass() {
        var left = RunningMoments(a)
        let right = RunningMoments(b)
        // numpy 2.4.6: np.mean(a) = 4.3, np.std(a, ddof=1)
        #expect(isClose(left.mean, 4.3, 1e-13))
        #expect(isClose(left.standardDeviation, 2.802974610421341, 1e-12))
        left.merge(right)
        #expect(left.count == 12)
        #expect(isClose(left.mean, 4.7250000000000005, 1e-13))
        #expect(isClose(left.variance, 10.30931818181818, 1e-12))
        #expect(left.min == 0.4)
        #expect(left.max == 10.1)
        // Merging with empty accumulators is the identity.
        #expect(RunningMoments().merging(right) == right)
        #expect(right.merging(RunningMoments()) == right)
    }

    @Test func numericallyStableWithLargeOffset() {
        // numpy 2.4.6: np.var([1e9+4, 1e9+7, 1e9+13, 1e9+16], ddof=1) = 30.0
        let m = RunningMoments([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
        #expect(isClose(m.variance, 30.0, 1e-6))
        #expect(isClose(m.mean, 1_000_000_010.0, 1e-6))
        let merged = RunningMoments([1e9 + 4, 1e9 + 7]).merging(RunningMoments([1e9 + 13, 1e9 + 16]))
        #expect(isClose(merged.variance, 30.0, 1e-6))
    }

    @Test func emptyAndSingle() {
        let empty = RunningMoments()
        #expect(empty.count == 0)
        #expect(empty.mean == nil && empty.variance == nil && empty.min == nil && empty.max == nil)
        let one = RunningMoments([5])
        #expect(one.mean == 5 && one.variance == nil && one.standardDeviation == nil)
        #expect(RunningMoments([1, .nan, 3]).count == 2)
    }

    @Test func quantilesMatchNumpyPercentile() {
        let data: [Double] = [7, 1, 3, 9, 4, 4, 12, 0.5, 6, 2]
        let ps = [0, 0.1, 0.25, 0.33, 0.5, 0.75, 0.9, 1]
        // numpy 2.4.6: np.percentile(data, [0, 10, 25, 33, 50, 75, 90, 100]) (default linear = type 7)
        let expected = [0.5, 0.95, 2.25, 2.97, 4.0, 6.75, 9.299999999999999, 12.0]
        let q = Descriptive.quantiles(data, ps)
        #expect(q != nil)
        for (actual, e) in zip(q ?? [], expected) { #expect(isClose(actual, e, 1e-12)) }
        #expect(Descriptive.median(data) == 4.0)
        // numpy 2.4.6: np.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75])
        let quartiles = Descriptive.quartiles([4, 2, 1, 3])
        #expect(quartiles == Quartiles(q1: 1.75, median: 2.5, q3: 3.25))
        #expect(quartiles?.interquartileRange == 1.5)
    }

    @Test func descriptiveEdgeCases() {
        #expect(Descriptive.mean([]) == nil)
        #expect(Descriptive.median([]) == nil)
        #expect(Descriptive.quartiles([]) == nil)
        #expect(Descriptive.standardDeviation([3]) == nil)
        #expect(Descriptive.quantile([1, 2], 1.5) == nil)
        #expect(Descriptive.quantile([42], 0.3) == 42)
        #expect(isClose(Descriptive.standardDeviation(a + b), 3.210812698028052, 1e-12))
        #expect(isClose(Descriptive.mean(a + b), 4.7250000000000005, 1e-13))
    }
}
