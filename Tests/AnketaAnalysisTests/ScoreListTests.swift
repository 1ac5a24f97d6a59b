@testable import AnketaAnalysis
import AnketaStats
import AnketaTestSupport
import Testing

/// `ScoreList` keeps respondents' scores as a tally of distinct values plus their moments in the
/// order added: reading must give back exactly the scores added (bit for bit, as a multiset), and
/// the moments must be those of one pass over the scores as added.
@Suite struct ScoreListTests {
    static func sortedBits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern).sorted() }

    @Test func givesBackTheScoresAddedAndTheirMomentsInOrder() {
        var random = SeededRandom(seed: 7)
        // Ratios of small integers, as indicator scores are, plus the awkward values.
        let pool = (0...40).map { Double($0) / 7 * 100 } + [0.0, -0.0, .nan, 1e-300, 66.66666666666667]
        var added: [Double] = []
        var list = ScoreList()
        #expect(list.isEmpty)
        for _ in 0..<10_000 {
            let value = pool[random.int(below: pool.count)]
            list.append(value)
            added.append(value)
        }
        #expect(list.count == added.count)
        #expect(Self.sortedBits(list.array) == Self.sortedBits(added))
        #expect(Self.sortedBits(Array(list)) == Self.sortedBits(added))
        // The moments of the scores in the order added, bit for bit (what the figures print).
        let reference = RunningMoments(added)
        #expect(list.moments.count == reference.count)
        #expect(list.moments.mean?.bitPattern == reference.mean?.bitPattern)
        #expect(list.moments.standardDeviation?.bitPattern == reference.standardDeviation?.bitPattern)
        #expect(list.moments.mean != nil)
    }

    @Test func keepsManyDistinctValues() {
        var list = ScoreList()
        var added: [Double] = []
        for index in 0..<70_000 {
            // Distinct values, with repeats in between.
            let value = index % 3 == 0 ? 1.5 : Double(index) / 3
            list.append(value)
            added.append(value)
        }
        #expect(list.count == 70_000)
        #expect(Self.sortedBits(list.array) == Self.sortedBits(added))
        #expect(list.moments.mean?.bitPattern == RunningMoments(added).mean?.bitPattern)
    }
}
