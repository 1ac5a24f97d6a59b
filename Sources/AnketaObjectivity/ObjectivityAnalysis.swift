import AnketaResults
import Foundation

/// The objectivity analysis of a results file: every class in every subject and procedure, every
/// subject across classes, and all rows together. Pure: rows in, figures out.
///
/// ```swift
/// let analysis = ObjectivityAnalysis(rows: imported.rows, thresholds: definition.thresholds)
/// for group in analysis.flagged { print(group.scope.className!, group.lowered.share) }
/// ```
public struct ObjectivityAnalysis: Sendable, Equatable {
    public var thresholds: ResultsDefinition.Thresholds
    /// Procedure × subject, in order of first appearance.
    public var subjects: [ObjectivityGroup]
    /// Procedure × subject × class, subjects as in `subjects`, classes in natural order (5А, 5Б, 6А, 10А).
    public var classes: [ObjectivityGroup]
    /// Everything together; nil without rows.
    public var overall: ObjectivityGroup?
    /// External marks against the region's distribution, per procedure, subject and grade.
    public var regional: [RegionalComparison] = []
    /// External marks of each class against the region's distribution for its grade.
    public var regionalClasses: [RegionalComparison] = []
    /// The school's mean score against the region's mean, per procedure, subject and grade.
    public var regionalMeans: [RegionalMeanComparison] = []
    /// Teacher groups shown: procedure × subject × teacher with at least `thresholds.minTeacherGroup`
    /// students (and not hidden beside a smaller one), subjects as in `subjects`, teachers in
    /// natural order. Empty when the rows name no teacher or a subject has one teacher only.
    public var teachers: [ObjectivityGroup] = []
    /// Teacher groups hidden for anonymity: no figures, only what they are.
    public var hiddenTeachers: [ObjectivityGroup.Scope] = []

    /// `weights`: the weight of each kind of work in the journal (the definition's `journal`), for
    /// the weighted average mark; empty when the rows have no journal marks.
    public init(rows: [ResultRow], thresholds: ResultsDefinition.Thresholds = .init(), weights: [Double] = [],
                region: [RegionDistribution] = [], regionMeans: [RegionMean] = []) {
        self.thresholds = thresholds
        var subjectKeys: [ObjectivityGroup.Scope] = []
        var bySubject: [ObjectivityGroup.Scope: [ResultRow]] = [:]
        var byClass: [ObjectivityGroup.Scope: [ResultRow]] = [:]
        for row in rows {
            let subject = ObjectivityGroup.Scope(procedure: row.procedure, subject: row.subject)
            if bySubject[subject] == nil { subjectKeys.append(subject) }
            bySubject[subject, default: []].append(row)
            byClass[ObjectivityGroup.Scope(procedure: row.procedure, subject: row.subject, className: row.className), default: []].append(row)
        }
        subjects = subjectKeys.compactMap { ObjectivityGroup(scope: $0, rows: bySubject[$0] ?? [], thresholds: nil, weights: weights) }
        classes = subjectKeys.flatMap { subject -> [ObjectivityGroup] in
            let keys = byClass.keys.filter { $0.procedure == subject.procedure && $0.subject == subject.subject }
                .sorted { Self.classOrder($0.className ?? "", $1.className ?? "") }
            return keys.compactMap { ObjectivityGroup(scope: $0, rows: byClass[$0] ?? [], thresholds: thresholds, weights: weights) }
        }
        overall = ObjectivityGroup(scope: ObjectivityGroup.Scope(), rows: rows, thresholds: nil, weights: weights)
        regional = RegionalComparison.compare(rows: rows, region: region)
        regionalClasses = RegionalComparison.compare(rows: rows, region: region, byClass: true)
        regionalMeans = RegionalMeanComparison.compare(rows: rows, means: regionMeans)
        let split = TeacherGroups.split(rows: rows, subjects: subjectKeys, minimum: thresholds.minTeacherGroup)
        teachers = split.shown.compactMap { ObjectivityGroup(scope: $0.scope, rows: $0.rows, thresholds: thresholds, weights: weights) }
        hiddenTeachers = split.hidden
    }

    /// Classes with at least one flag, the highest «понизили» first.
    public var flagged: [ObjectivityGroup] {
        classes.filter { !$0.flags.isEmpty }.sorted { $0.lowered.share > $1.lowered.share }
    }

    /// «5А» < «5Б» < «10А»: by grade number, then by letter.
    static func classOrder(_ a: String, _ b: String) -> Bool {
        let ga = Int(a.prefix { $0.isNumber }) ?? 0, gb = Int(b.prefix { $0.isNumber }) ?? 0
        return ga != gb ? ga < gb : a < b
    }
}
