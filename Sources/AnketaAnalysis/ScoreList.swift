/// Respondents' scores of one indicator, kept compactly: scores are ratios of small integers
/// (weights, scale scores), so a wave has few distinct values. Each score is stored as a 2-byte code
/// into a table of the distinct values (exact bit patterns, so nothing is rounded); past 65 536
/// distinct values the list falls back to plain `Double`s. Reading gives the scores back in the
/// order they were added.
struct ScoreList: Sequence {
    private var distinct: [Double] = []
    private var codeOf: [UInt64: UInt16] = [:]
    private var codes: [UInt16] = []
    /// Every score as added, once there were too many distinct values for codes.
    private var plain: [Double]?
    private var lastBits: UInt64 = 0
    private var lastCode: UInt16 = .max

    var count: Int { plain?.count ?? codes.count }
    var isEmpty: Bool { count == 0 }

    mutating func append(_ score: Double) {
        if plain != nil {
            plain!.append(score)
            return
        }
        let bits = score.bitPattern
        if bits == lastBits, lastCode != .max {
            codes.append(lastCode)
            return
        }
        let code: UInt16
        if let known = codeOf[bits] {
            code = known
        } else if distinct.count < Int(UInt16.max) {
            code = UInt16(distinct.count)
            distinct.append(score)
            codeOf[bits] = code
        } else {
            var all = array
            all.append(score)
            plain = all
            distinct = []
            codeOf = [:]
            codes = []
            return
        }
        lastBits = bits
        lastCode = code
        codes.append(code)
    }

    /// The scores in the order they were added.
    var array: [Double] {
        if let plain { return plain }
        return codes.map { distinct[Int($0)] }
    }

    func makeIterator() -> IndexingIterator<[Double]> {
        array.makeIterator()
    }
}
