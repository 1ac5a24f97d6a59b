import AnketaObjectivity
import AnketaResults
import Testing

@Suite("Mean score against the region")
struct RegionalMeanTests {
    func scored(_ scores: [Double], grade: Int = 9, procedure: Procedure = .oge) -> [ResultRow] {
        scores.enumerated().map { index, score in
            ResultRow(line: index + 2, student: "С-\(index)", className: "\(grade)А", grade: grade, subject: "Математика", procedure: procedure,
                      score: score, externalMark: 4, schoolMark: 4)
        }
    }

    @Test func oneSampleTTestAgainstTheRegionalMean() throws {
        let rows = scored([12, 15, 9, 14, 11, 18, 10])
        let comparison = try #require(RegionalMeanComparison.compare(rows: rows, means: [RegionMean(subject: "математика", procedure: .oge, mean: 11.4)]).first)
        #expect(comparison.n == 7 && comparison.above == 4)
        #expect(abs(comparison.mean - 89.0 / 7) < 1e-12)
        let test = try #require(comparison.test)
        // scipy 1.17.1: ttest_1samp([12, 15, 9, 14, 11, 18, 10], 11.4) → statistic 1.1048842612551004,
        // pvalue 0.3115357381956796, df 6; confidence_interval(0.95) → (9.80362674044615, 15.624944688125277)
        #expect(abs(test.t - 1.1048842612551004) < 1e-12)
        #expect(abs(test.pValue - 0.3115357381956796) < 1e-10)
        #expect(test.degreesOfFreedom == 6)
        #expect(abs(test.lower + 11.4 - 9.80362674044615) < 1e-10 && abs(test.upper + 11.4 - 15.624944688125277) < 1e-10)
    }

    @Test func gradeSpecificMeanWinsAndRowsWithoutScoresAreLeftOut() throws {
        var rows = scored([10, 20]) + scored([5, 7], grade: 11, procedure: .ege)
        rows.append(ResultRow(line: 99, student: "С-99", className: "9Б", grade: 9, subject: "Математика", procedure: .oge, externalMark: 3, schoolMark: 3))
        let means = [RegionMean(subject: "Математика", procedure: .oge, mean: 1), RegionMean(subject: "Математика", procedure: .oge, grade: 9, mean: 14)]
        let comparisons = RegionalMeanComparison.compare(rows: rows, means: means)
        #expect(comparisons.count == 1)                        // ЕГЭ has no regional mean
        #expect(comparisons[0].regionMean == 14 && comparisons[0].n == 2 && comparisons[0].difference == 1)
        // Every score equal: the t-test is undefined.
        #expect(RegionalMeanComparison.compare(rows: scored([12, 12, 12]), means: means).first?.test == nil)
    }

    @Test func eachClassAgainstItsGradesDistribution() throws {
        let data = rows("5А", [(2, 3), (3, 3), (3, 4), (3, 3), (4, 4), (4, 4)]) + rows("5Б", [(5, 5), (4, 4)])
        let region = [RegionDistribution(subject: "Математика", procedure: .vpr, grade: 5, shares: [0.1, 0.4, 0.4, 0.1])]
        let classes = RegionalComparison.compare(rows: data, region: region, byClass: true)
        #expect(classes.map(\.className) == ["5А", "5Б"])
        #expect(classes[0].counts == [1, 3, 2, 0])
        // scipy 1.17.1: chisquare([1, 3, 2, 0], f_exp=[0.6, 2.4, 2.4, 0.6]) → statistic 1.083333333333333, pvalue 0.7810989302402304
        let test = try #require(classes[0].test)
        #expect(abs(test.statistic - 1.083333333333333) < 1e-12 && abs(test.pValue - 0.7810989302402304) < 1e-10)
    }
}
