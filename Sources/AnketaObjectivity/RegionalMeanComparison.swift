import AnketaResults
import AnketaStats

/// The school's mean primary score in a subject and grade against the region's mean (ОГЭ, ЕГЭ):
/// the difference and the one-sample t-test of the scores against the regional mean
/// (`scipy.stats.ttest_1samp(scores, region_mean)`), with the 95 % interval of the school's mean.
public struct RegionalMeanComparison: Sendable, Equatable {
    public var procedure: Procedure
    public var subject: String
    public var grade: Int
    /// Students with a primary score.
    public var n: Int
    public var mean: Double
    public var regionMean: Double
    /// Students whose score is above the region's mean.
    public var above: Int
    /// The t-test of scores − region mean; nil with fewer than two scores or all scores equal.
    public var test: PairedTTest?

    /// School mean − region mean.
    public var difference: Double { mean - regionMean }

    /// One comparison per procedure, subject and grade that has a regional mean and scores.
    public static func compare(rows: [ResultRow], means: [RegionMean]) -> [RegionalMeanComparison] {
        guard !means.isEmpty else { return [] }
        struct Key: Hashable { var procedure: Procedure; var subject: String; var grade: Int }
        var order: [Key] = []
        var scores: [Key: [Double]] = [:]
        for row in rows {
            guard let score = row.score else { continue }
            let key = Key(procedure: row.procedure, subject: row.subject, grade: row.grade)
            if scores[key] == nil { order.append(key) }
            scores[key, default: []].append(score)
        }
        let subjects = order.map(\.subject).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let sorted = order.sorted { a, b in
            let sa = subjects.firstIndex(of: a.subject) ?? 0, sb = subjects.firstIndex(of: b.subject) ?? 0
            return sa != sb ? sa < sb : a.grade < b.grade
        }
        return sorted.compactMap { key in
            let matching = means.filter { $0.applies(subject: key.subject, procedure: key.procedure, grade: key.grade) }
            guard let region = matching.first(where: { $0.grade != nil }) ?? matching.first, let values = scores[key], !values.isEmpty else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let test = PairedTTest(values, Array(repeating: region.mean, count: values.count))
            return RegionalMeanComparison(procedure: key.procedure, subject: key.subject, grade: key.grade, n: values.count, mean: mean,
                                          regionMean: region.mean, above: values.filter { $0 > region.mean }.count,
                                          test: test.flatMap { $0.t.isFinite ? $0 : nil })
        }
    }
}
