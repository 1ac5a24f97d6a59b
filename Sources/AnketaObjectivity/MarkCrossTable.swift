import AnketaResults

/// How many students got each pair of marks: the school's mark against the external one.
///
/// Marks are 2–5 (the import rejects anything else), so the table is 4 × 4: `counts[s − 2][e − 2]`
/// is the number of students with school mark `s` and external mark `e`. Cells on the diagonal
/// are «подтвердили», below it (e < s) «понизили», above it «повысили».
///
/// ```swift
/// let table = MarkCrossTable(rows)
/// table.count(school: 5, external: 3)   // students whose 5 became a 3
/// ```
public struct MarkCrossTable: Sendable, Equatable, Codable {
    /// The marks along both axes.
    public static let marks = Array(2...5)

    /// Rows: school mark 2…5; columns: external mark 2…5.
    public private(set) var counts: [[Int]]

    public init(_ rows: [ResultRow]) {
        var counts = Array(repeating: Array(repeating: 0, count: Self.marks.count), count: Self.marks.count)
        for row in rows where Self.marks.contains(row.schoolMark) && Self.marks.contains(row.externalMark) {
            counts[row.schoolMark - 2][row.externalMark - 2] += 1
        }
        self.counts = counts
    }

    /// Students with this school mark and this external mark (0 outside 2–5).
    public func count(school: Int, external: Int) -> Int {
        guard Self.marks.contains(school), Self.marks.contains(external) else { return 0 }
        return counts[school - 2][external - 2]
    }

    /// All students in the table.
    public var total: Int { counts.joined().reduce(0, +) }
}
