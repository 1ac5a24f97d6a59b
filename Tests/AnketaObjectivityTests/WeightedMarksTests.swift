import AnketaObjectivity
import AnketaResults
import Testing

@Suite("Weighted average mark")
struct WeightedMarksTests {
    func row(school: Int, external: Int, _ journal: [[Int]]) -> ResultRow {
        var row = rows("5А", [(external, school)])[0]
        row.journalMarks = journal
        return row
    }

    @Test func studentAveragesByHand() throws {
        // Контрольные 4, 3 (weight 3), текущие 5, 5, 4 (weight 1):
        // weighted (12 + 9 + 5 + 5 + 4) / (3 + 3 + 1 + 1 + 1) = 35 / 9 = 3,888…; plain 21 / 5 = 4,2.
        let a = try #require(WeightedMarks.averages([[4, 3], [5, 5, 4]], weights: [3, 1]))
        #expect(abs(a.weighted - 35.0 / 9) < 1e-15)
        #expect(abs(a.plain - 4.2) < 1e-15)
        #expect(WeightedMarks.averages([[], []], weights: [3, 1]) == nil)
        #expect(WeightedMarks.roundedMark(3.5) == 4 && WeightedMarks.roundedMark(3.49) == 3 && WeightedMarks.roundedMark(4.5) == 5)
    }

    @Test func groupComparesTermMarksWithTheWeightedAverage() throws {
        let group = [
            row(school: 5, external: 4, [[4, 3], [5, 5, 4]]),   // weighted 3,89 → 4: school above
            row(school: 4, external: 4, [[4], [4]]),            // 4 → 4: equal
            row(school: 3, external: 4, [[4, 4], [3]]),         // (24 + 3) / 7 = 3,857 → 4: school below
            row(school: 4, external: 3, [[], []]),              // no journal marks: left out
        ]
        let w = try #require(WeightedMarks(rows: group, weights: [3, 1]))
        #expect(w.n == 3)
        #expect(abs(w.meanWeighted - (35.0 / 9 + 4 + 27.0 / 7) / 3) < 1e-12)
        #expect(abs(w.meanPlain - (4.2 + 4 + 11.0 / 3) / 3) < 1e-12)
        #expect(abs(w.meanSchool - 4) < 1e-15 && abs(w.meanExternal - 4) < 1e-15)
        #expect(w.schoolAbove.count == 1 && w.schoolBelow.count == 1)
        #expect(w.weightedVsExternal == nil)                  // every external mark is 4
        #expect(WeightedMarks(rows: [group[3]], weights: [3, 1]) == nil)
    }
}
