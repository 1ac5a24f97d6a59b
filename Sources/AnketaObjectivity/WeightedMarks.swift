import AnketaResults
import AnketaStats

/// The weighted average mark (средневзвешенный балл) of a group's students from their journal
/// marks, set beside the plain mean of the same marks, the school's term mark and the external mark.
///
/// For a student with marks `mᵢ` of kinds with weights `wᵢ`: weighted = Σwᵢmᵢ / Σwᵢ, plain =
/// Σmᵢ / n. The weighted average rounded half up (4,5 → 5) is the mark it supports; a term mark
/// above it is «выше средневзвешенного». Students without journal marks are left out.
///
/// ```swift
/// let w = WeightedMarks(rows: rows, weights: definition.journal.map(\.weight))
/// w?.meanWeighted   // mean over students of their weighted averages
/// ```
public struct WeightedMarks: Sendable, Equatable {
    /// Students with at least one journal mark.
    public var n: Int
    /// Mean over students of the plain mean of their journal marks.
    public var meanPlain: Double
    /// Mean over students of their weighted averages.
    public var meanWeighted: Double
    /// Mean school (term) mark and external mark of the same students.
    public var meanSchool: Double
    public var meanExternal: Double
    /// Students whose school mark is above / below their rounded weighted average.
    public var schoolAbove: ShiftShare
    public var schoolBelow: ShiftShare
    /// Spearman's ρ of the weighted average with the external mark, and of the school mark with
    /// the external mark for the same students; nil when either is constant.
    public var weightedVsExternal: SpearmanCorrelation?
    public var schoolVsExternal: SpearmanCorrelation?

    /// A student's weighted and plain averages; nil without marks.
    public static func averages(_ marks: [[Int]], weights: [Double]) -> (weighted: Double, plain: Double)? {
        var sum = 0.0, weightSum = 0.0, plainSum = 0.0, count = 0
        for (kind, list) in marks.enumerated() where kind < weights.count {
            for mark in list {
                sum += weights[kind] * Double(mark)
                weightSum += weights[kind]
                plainSum += Double(mark)
                count += 1
            }
        }
        guard count > 0, weightSum > 0 else { return nil }
        return (sum / weightSum, plainSum / Double(count))
    }

    /// The mark a weighted average supports: rounded half up (3,5 → 4).
    public static func roundedMark(_ average: Double) -> Int { Int((average + 0.5).rounded(.down)) }

    /// Nil when no student has journal marks.
    public init?(rows: [ResultRow], weights: [Double]) {
        var weighted: [Double] = [], plain: [Double] = [], school: [Double] = [], external: [Double] = []
        var above = 0, below = 0
        for row in rows {
            guard let a = Self.averages(row.journalMarks, weights: weights) else { continue }
            weighted.append(a.weighted)
            plain.append(a.plain)
            school.append(Double(row.schoolMark))
            external.append(Double(row.externalMark))
            let supported = Self.roundedMark(a.weighted)
            if row.schoolMark > supported { above += 1 }
            if row.schoolMark < supported { below += 1 }
        }
        guard !weighted.isEmpty, let schoolAbove = ShiftShare(count: above, total: weighted.count),
              let schoolBelow = ShiftShare(count: below, total: weighted.count) else { return nil }
        let count = Double(weighted.count)
        n = weighted.count
        meanWeighted = weighted.reduce(0, +) / count
        meanPlain = plain.reduce(0, +) / count
        meanSchool = school.reduce(0, +) / count
        meanExternal = external.reduce(0, +) / count
        self.schoolAbove = schoolAbove
        self.schoolBelow = schoolBelow
        weightedVsExternal = SpearmanCorrelation(weighted, external)
        schoolVsExternal = SpearmanCorrelation(school, external)
    }
}
