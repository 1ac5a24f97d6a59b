import AnketaStats

/// Respondents' scores of one indicator, kept as a tally: scores are ratios of small integers
/// (weights, scale scores), so a wave has few distinct values, and every figure drawn from the
/// scores needs only how often each value occurs (the level distribution, the rank tests) or
/// their moments in the order they were added (the mean and SD, kept as they come, so they are
/// exactly what one pass over the scores gives). Memory grows with the distinct values (exact bit
/// patterns, nothing rounded), not with the respondents.
struct ScoreList: Sequence {
    private var distinct: [Double] = []
    private var counts: [Int] = []
    private var indexOf: [UInt64: Int] = [:]
    private var lastBits: UInt64 = 0
    private var lastIndex = -1
    /// How many scores were added.
    private(set) var count = 0
    /// Count, mean, SD, minimum and maximum of the scores in the order they were added.
    private(set) var moments = RunningMoments()

    var isEmpty: Bool { count == 0 }

    mutating func append(_ score: Double) {
        count += 1
        moments.add(score)
        let bits = score.bitPattern
        if lastIndex >= 0, bits == lastBits {
            counts[lastIndex] += 1
            return
        }
        let index: Int
        if let known = indexOf[bits] {
            index = known
        } else {
            index = distinct.count
            distinct.append(score)
            counts.append(0)
            indexOf[bits] = index
        }
        counts[index] += 1
        lastBits = bits
        lastIndex = index
    }

    /// The scores as a multiset: each distinct value as often as it was added, values in the order
    /// first seen (not the order added — what reads this only counts or ranks).
    var array: [Double] {
        var all: [Double] = []
        all.reserveCapacity(count)
        for (score, times) in zip(distinct, counts) { all.append(contentsOf: repeatElement(score, count: times)) }
        return all
    }

    func makeIterator() -> IndexingIterator<[Double]> {
        array.makeIterator()
    }
}
