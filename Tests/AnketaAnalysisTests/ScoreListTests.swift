@testable import AnketaAnalysis
import AnketaTestSupport
import Testing

/// `ScoreList` keeps respondents' scores in 2-byte codes; reading must give back exactly what was
/// added, bit for bit and in order, whatever the values.
@Suite struct ScoreListTests {
    static func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    @Test func givesBackScoresExactlyInOrder() {
        var random = SeededRandom(seed: 7)
        // Ratios of small integers, as indicator scores are, plus the awkward values.
        let pool = (0...40).map { Double($0) / 7 * 100 } + [0.0, -0.0, .nan, .infinity, 1e-300, 66.66666666666667]
        var added: [Double] = []
        var list = ScoreList()
        #expect(list.isEmpty)
        for _ in 0..<10_000 {
            let value = pool[random.int(below: pool.count)]
            list.append(value)
            added.append(value)
        }
        #expect(list.count == added.count)
        #expect(Self.bits(list.array) == Self.bits(added))
        #expect(Self.bits(Array(list)) == Self.bits(added))
    }

    @Test func fallsBackToPlainValuesPastTheCodeLimit() {
        var list = ScoreList()
        var added: [Double] = []
        for index in 0..<70_000 {
            // Distinct values first, with repeats in between (the fallback must keep the earlier ones).
            let value = index % 3 == 0 ? 1.5 : Double(index) / 3
            list.append(value)
            added.append(value)
        }
        #expect(list.count == 70_000)
        #expect(Self.bits(list.array) == Self.bits(added))
    }
}
