import AnketaResults
import AnketaStats

/// The school's external marks in a subject and grade against the region's distribution: the
/// shares of marks 2–5 side by side and Pearson's chi-square goodness of fit
/// (`scipy.stats.chisquare(observed, f_exp=n · region shares)`).
public struct RegionalComparison: Sendable, Equatable {
    public var procedure: Procedure
    public var subject: String
    public var grade: Int
    /// The class, when the comparison is of one class (`byClass`).
    public var className: String?
    /// The school's counts of external marks 2, 3, 4, 5.
    public var counts: [Int]
    /// The region's shares of marks 2, 3, 4, 5.
    public var regionShares: [Double]
    /// Nil when the test is undefined (e.g. a mark the region never gave).
    public var test: ChiSquareGoodnessOfFit?

    public var n: Int { counts.reduce(0, +) }
    /// The school's shares of marks 2, 3, 4, 5.
    public var shares: [Double] { counts.map { Double($0) / Double(max(n, 1)) } }

    /// One comparison per procedure, subject and grade (and class, with `byClass`) that has a
    /// regional distribution, in the order of the rows' subjects, then by grade and class.
    public static func compare(rows: [ResultRow], region: [RegionDistribution], byClass: Bool = false) -> [RegionalComparison] {
        guard !region.isEmpty else { return [] }
        struct Key: Hashable { var procedure: Procedure; var subject: String; var grade: Int; var className: String? }
        var order: [Key] = []
        var counts: [Key: [Int]] = [:]
        for row in rows {
            let key = Key(procedure: row.procedure, subject: row.subject, grade: row.grade, className: byClass ? row.className : nil)
            if counts[key] == nil { order.append(key); counts[key] = [0, 0, 0, 0] }
            if (2...5).contains(row.externalMark) { counts[key]![row.externalMark - 2] += 1 }
        }
        let subjects = order.map(\.subject).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let sorted = order.sorted { a, b in
            let sa = subjects.firstIndex(of: a.subject) ?? 0, sb = subjects.firstIndex(of: b.subject) ?? 0
            if sa != sb { return sa < sb }
            if a.grade != b.grade { return a.grade < b.grade }
            return (a.className ?? "") < (b.className ?? "")
        }
        return sorted.compactMap { key in
            let matching = region.filter { $0.applies(subject: key.subject, procedure: key.procedure, grade: key.grade) }
            guard let distribution = matching.first(where: { $0.grade != nil }) ?? matching.first, let observed = counts[key] else { return nil }
            return RegionalComparison(procedure: key.procedure, subject: key.subject, grade: key.grade, className: key.className, counts: observed,
                                      regionShares: distribution.shares,
                                      test: ChiSquareGoodnessOfFit(observed: observed, proportions: distribution.shares))
        }
    }
}
