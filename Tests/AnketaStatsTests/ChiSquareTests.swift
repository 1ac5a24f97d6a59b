import Testing
import AnketaStats

@Suite("Chi-square test of independence")
struct ChiSquareTests {
    @Test func threeByFour() throws {
        let table = [[12, 5, 7, 9], [8, 14, 6, 3], [4, 9, 15, 11]]
        let result = try #require(ChiSquareIndependence(counts: table))
        // scipy 1.17.1 stats.chi2_contingency(table, correction=False) → 17.176007100270777, dof 6, p 0.008657699560830288
        #expect(isClose(result.statistic, 17.176007100270777, 1e-11))
        #expect(result.degreesOfFreedom == 6)
        #expect(isClose(result.pValue, 0.008657699560830288, 1e-12))
        // scipy 1.17.1 stats.contingency.association(table, method="cramer", correction=False)
        #expect(isClose(result.cramersV, 0.2887536584080501, 1e-12))
        // scipy expected_freq[0][0], [2][3]
        #expect(isClose(result.expected[0][0], 7.689320388349515, 1e-12))
        #expect(isClose(result.expected[2][3], 8.70873786407767, 1e-12))
        #expect(result.total == 103)
        #expect(!result.hasSparseExpectedCounts)
    }

    @Test func twoByTwoWithoutYates() throws {
        // We never apply Yates' correction. scipy applies it by default on 2 × 2 tables
        // (chi2_contingency(table) → 4.725, p 0.029727183306054526), so compare with correction=False.
        let result = try #require(ChiSquareIndependence(counts: [[20, 15], [10, 25]]))
        // scipy 1.17.1 stats.chi2_contingency([[20, 15], [10, 25]], correction=False) → 5.833333333333334, dof 1, p 0.0157252997545054
        #expect(isClose(result.statistic, 5.833333333333334, 1e-12))
        #expect(result.degreesOfFreedom == 1)
        #expect(isClose(result.pValue, 0.0157252997545054, 1e-12))
        // scipy 1.17.1 association(method="cramer", correction=False)
        #expect(isClose(result.cramersV, 0.2886751345948129, 1e-12))
    }

    @Test func zeroRowsAndColumnsAreDropped() throws {
        let padded = [[0, 0, 0, 0], [20, 0, 15, 0], [10, 0, 25, 0]]
        let result = try #require(ChiSquareIndependence(counts: padded))
        #expect(result.keptRows == [1, 2])
        #expect(result.keptColumns == [0, 2])
        #expect(result.degreesOfFreedom == 1)
        #expect(isClose(result.statistic, 5.833333333333334, 1e-12))
    }

    @Test func sparseFlag() throws {
        // scipy 1.17.1 chi2_contingency([[3, 1, 0], [2, 4, 0], [1, 1, 2]], correction=False) → 7.777777777777777, dof 4, p 0.10006614793682463; all 9 expected < 5
        let result = try #require(ChiSquareIndependence(counts: [[3, 1, 0], [2, 4, 0], [1, 1, 2]]))
        #expect(isClose(result.statistic, 7.777777777777777, 1e-12))
        #expect(isClose(result.pValue, 0.10006614793682463, 1e-12))
        #expect(result.fractionExpectedBelowFive == 1)
        #expect(result.hasSparseExpectedCounts)
    }

    @Test func invalidTables() {
        #expect(ChiSquareIndependence(counts: [[Int]]()) == nil)
        #expect(ChiSquareIndependence(counts: [[1, 2], [3]]) == nil)
        #expect(ChiSquareIndependence(counts: [[1, -2], [3, 4]]) == nil)
        #expect(ChiSquareIndependence(counts: [[1, 2, 3]]) == nil)
        #expect(ChiSquareIndependence(counts: [[1, 0], [3, 0]]) == nil)
        #expect(ChiSquareIndependence(counts: [[0, 0], [0, 0]]) == nil)
    }
}
