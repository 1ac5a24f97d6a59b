/// Tie-aware ranks: average ranks (1-based) and the sizes of tied groups.
///
/// Tied values share the mean of the ranks they occupy (R `rank(ties = "average")`,
/// scipy `rankdata(method = "average")`). NaN values are ordered after every number and never tie.
public struct AverageRanks: Sendable, Equatable, Hashable {
    /// Rank of each input value, in input order.
    public let ranks: [Double]
    /// Sizes t of the groups of tied values (only groups with t ≥ 2).
    public let tieGroupSizes: [Int]

    /// Ranks the given values.
    public init(_ values: [Double]) {
        let order = values.indices.sorted { i, j in
            let a = values[i], b = values[j]
            if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN }
            return a < b || (a == b && i < j)
        }
        var ranks = [Double](repeating: 0, count: values.count)
        var ties: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            let v = values[order[start]]
            while end < order.count, values[order[end]] == v { end += 1 }
            // Positions start..<end (0-based) hold ranks start+1 ... end.
            let average = Double(start + 1 + end) / 2
            for k in start..<end { ranks[order[k]] = average }
            if end - start > 1 { ties.append(end - start) }
            start = end
        }
        self.ranks = ranks
        self.tieGroupSizes = ties
    }

    /// Σ(t³ − t) over tied groups, the quantity used by tie corrections.
    public var tieSum: Double {
        tieGroupSizes.reduce(0) { sum, t in
            let d = Double(t)
            return sum + d * d * d - d
        }
    }
}
