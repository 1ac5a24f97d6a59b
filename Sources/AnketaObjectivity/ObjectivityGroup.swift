import AnketaResults
import AnketaStats

/// The comparison of external and school marks for one group of students: a class in a subject,
/// a subject across classes, or everything.
///
/// Differences are external − school, so a negative mean difference means the external procedure
/// gave lower marks than the school did.
public struct ObjectivityGroup: Sendable, Equatable {
    /// What the group is.
    public struct Scope: Sendable, Equatable, Hashable {
        public var procedure: Procedure?
        public var subject: String?
        public var className: String?
        /// The teacher's code or the teacher group, for teacher groups.
        public var teacher: String?

        public init(procedure: Procedure? = nil, subject: String? = nil, className: String? = nil, teacher: String? = nil) {
            self.procedure = procedure
            self.subject = subject
            self.className = className
            self.teacher = teacher
        }
    }

    /// Why a group was flagged.
    public enum Flag: String, Sendable, Equatable, Hashable, Codable {
        /// «Понизили» above the threshold.
        case lowered
        /// Lowered + raised above the threshold.
        case mismatch
    }

    public var scope: Scope
    /// Students with both marks.
    public var n: Int
    public var lowered: ShiftShare
    public var confirmed: ShiftShare
    public var raised: ShiftShare
    public var meanSchool: Double
    public var meanExternal: Double
    /// Mean of external − school.
    public var meanDifference: Double
    /// Paired t-test of external against school marks; nil with fewer than 2 students.
    public var pairedT: PairedTTest?
    /// Wilcoxon signed-rank test; nil when every mark was confirmed.
    public var wilcoxon: WilcoxonSignedRank?
    /// Spearman's ρ of school and external marks with its Fisher-z interval; nil when either is constant.
    public var spearman: SpearmanCorrelation?
    /// Share of marks not confirmed (lowered + raised).
    public var mismatchShare: Double { lowered.share + raised.share }
    /// Flags raised against the definition's thresholds (classes only).
    public var flags: [Flag]
    /// Students per (school mark, external mark) pair.
    public var crossTable: MarkCrossTable
    /// The weighted average mark from the journal beside the school and external marks; nil
    /// when no student of the group has journal marks.
    public var weighted: WeightedMarks?

    /// Nil for an empty group.
    public init?(scope: Scope, rows: [ResultRow], thresholds: ResultsDefinition.Thresholds?, weights: [Double] = []) {
        guard !rows.isEmpty else { return nil }
        let school = rows.map { Double($0.schoolMark) }
        let external = rows.map { Double($0.externalMark) }
        var counts: [MarkShift: Int] = [:]
        for row in rows { counts[MarkShift(external: row.externalMark, school: row.schoolMark), default: 0] += 1 }
        guard let lowered = ShiftShare(count: counts[.lowered] ?? 0, total: rows.count),
              let confirmed = ShiftShare(count: counts[.confirmed] ?? 0, total: rows.count),
              let raised = ShiftShare(count: counts[.raised] ?? 0, total: rows.count) else { return nil }
        let count = Double(rows.count)
        self.scope = scope
        n = rows.count
        self.lowered = lowered
        self.confirmed = confirmed
        self.raised = raised
        meanSchool = school.reduce(0, +) / count
        meanExternal = external.reduce(0, +) / count
        meanDifference = zip(external, school).reduce(0) { $0 + $1.0 - $1.1 } / count
        pairedT = PairedTTest(external, school)
        wilcoxon = WilcoxonSignedRank(external, school)
        spearman = SpearmanCorrelation(school, external)
        var flags: [Flag] = []
        if let thresholds, rows.count >= thresholds.minStudents {
            if lowered.share > thresholds.lowered { flags.append(.lowered) }
            if lowered.share + raised.share > thresholds.mismatch { flags.append(.mismatch) }
        }
        self.flags = flags
        crossTable = MarkCrossTable(rows)
        weighted = WeightedMarks(rows: rows, weights: weights)
    }
}
