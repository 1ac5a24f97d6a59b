import Testing
import AnketaStats

@Suite("Cronbach's alpha")
struct CronbachAlphaTests {
    /// /work/shared/testdata/reliability/cronbach_alpha.csv (pingouin's long-format example),
    /// pivoted to 15 subjects (rows, Subj 0…14) × 10 items (columns Q1…Q10).
    static let pingouinExample: [[Double?]] = [
        [3, 2, 4, 1, 4, 5, 1, 4, 3, 2], [5, 4, 6, 3, 5, 1, 2, 5, 5, 5], [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
        [2, 4, 3, 3, 2, 2, 2, 6, 6, 3], [6, 5, 6, 5, 4, 4, 4, 6, 7, 5], [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
        [4, 3, 5, 3, 5, 2, 1, 2, 4, 3], [2, 4, 4, 3, 7, 2, 2, 4, 6, 5], [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
        [5, 4, 6, 4, 3, 5, 3, 1, 7, 2], [4, 3, 5, 2, 5, 3, 2, 3, 4, 1], [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
        [5, 5, 6, 2, 3, 3, 2, 4, 4, 5], [6, 5, 5, 4, 2, 2, 1, 4, 6, 5], [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
    ]

    /// /work/shared/testdata/reliability/cronbach_wide_missing.csv (12 respondents × 11 items, blanks = nil).
    static let wideMissing: [[Double?]] = [
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        [1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0],
        [nil, 0, 1, 1, nil, 1, 1, 1, 1, 0, 0],
        [1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 0],
        [1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0],
        [0, 1, nil, 0, 1, 1, 1, 1, 0, 0, 0],
        [1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
        [0, 1, 0, 1, 1, 0, 0, 0, 0, 1, 0],
        [1, 0, 0, 1, 0, 1, 0, 0, nil, 0, 0],
        [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        [1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
    ]

    @Test func matchesPingouinExample() throws {
        let result = try #require(CronbachAlpha.compute(Self.pingouinExample).value)
        // pingouin 0.7.0 cronbach_alpha(data=df, items="Items", scores="Scores", subject="Subj") → 0.5917188485995826
        #expect(isClose(result.alpha, 0.5917188485995826, 1e-12))
        #expect(result.casesUsed == 15)
        #expect(result.casesDropped == 0)
        #expect(result.itemCount == 10)
        // numpy 2.4.6 by hand: r̄ = mean off-diagonal of np.corrcoef(items), k·r̄/(1 + (k − 1)·r̄)
        #expect(isClose(result.standardizedAlpha, 0.6343498015417943, 1e-12))
    }

    @Test func listwiseDeletionMatchesPingouin() throws {
        let result = try #require(CronbachAlpha.compute(Self.wideMissing).value)
        // pingouin 0.7.0 cronbach_alpha(data=wide, nan_policy="listwise") → 0.8016949152542373
        #expect(isClose(result.alpha, 0.8016949152542373, 1e-12))
        #expect(result.casesUsed == 9)
        #expect(result.casesDropped == 3)
        #expect(result.itemCount == 11)
    }

    @Test func edgeCases() {
        #expect(CronbachAlpha.compute([]) == .unavailable(.fewerThanTwoItems(itemCount: 0)))
        #expect(CronbachAlpha.compute([[1], [2], [3]]) == .unavailable(.fewerThanTwoItems(itemCount: 1)))
        #expect(CronbachAlpha.compute([[1, 2, 3], [nil, 2, 3], [4, 5, nil]])
            == .unavailable(.fewerThanTwoCompleteCases(completeCases: 1)))
        #expect(CronbachAlpha.compute([[1, 2, 3], [1, 2]])
            == .unavailable(.fewerThanTwoCompleteCases(completeCases: 1)))
        #expect(CronbachAlpha.compute([[2, 2, 2], [2, 2, 2], [2, 2, 2]]) == .unavailable(.zeroTotalVariance))
        // Items vary but cancel out in the total: total variance zero.
        #expect(CronbachAlpha.compute([[1, 3], [2, 2], [3, 1]]) == .unavailable(.zeroTotalVariance))
        // NaN counts as missing: two complete rows (2, 2), (3, 3) remain; by hand α = 2·(1 − 1/2) = 1.
        let nanRow = CronbachAlpha.compute([[1, .nan], [2, 2], [3, 3]]).value
        #expect(nanRow?.casesUsed == 2)
        #expect(isClose(nanRow?.alpha, 1.0, 1e-12))
    }

    @Test func constantItemHasNoStandardizedAlpha() throws {
        // By hand: items (1,2,3), (1,2,3), (5,5,5): item variances 1, 1, 0; total variance 4 → α = 1.5·(1 − 2/4) = 0.75
        let result = try #require(CronbachAlpha.compute([[1, 1, 5], [2, 2, 5], [3, 3, 5]]).value)
        #expect(isClose(result.alpha, 0.75, 1e-12))
        #expect(result.standardizedAlpha == nil)
    }
}
