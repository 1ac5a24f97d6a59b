import AnketaResults
import Foundation

/// Splits the rows of each procedure × subject by teacher (or teacher group) and decides which
/// groups may be shown.
///
/// A group under `minimum` students is hidden. So that a hidden group cannot be worked out as the
/// subject's total minus the shown groups, the hidden groups of a subject are never one alone and
/// never fewer than `minimum` students together: the smallest shown group is hidden beside them
/// until both hold (or nothing is shown). A subject taught by one teacher only gets no teacher
/// breakdown — it would repeat the subject's figures.
public enum TeacherGroups {
    public struct Group: Sendable, Equatable {
        public var scope: ObjectivityGroup.Scope
        public var rows: [ResultRow]
    }

    /// The groups to show (subjects in the order of `subjects`, teachers in natural order: «У-2» before «У-10»)
    /// and the scopes of the hidden ones.
    public static func split(rows: [ResultRow], subjects: [ObjectivityGroup.Scope], minimum: Int) -> (shown: [Group], hidden: [ObjectivityGroup.Scope]) {
        var byTeacher: [ObjectivityGroup.Scope: [ResultRow]] = [:]
        for row in rows {
            guard let teacher = row.teacher else { continue }
            byTeacher[ObjectivityGroup.Scope(procedure: row.procedure, subject: row.subject, teacher: teacher), default: []].append(row)
        }
        var shown: [Group] = []
        var hidden: [ObjectivityGroup.Scope] = []
        for subject in subjects {
            let groups = byTeacher.filter { $0.key.procedure == subject.procedure && $0.key.subject == subject.subject }
                .map { Group(scope: $0.key, rows: $0.value) }
                .sorted { order($0.scope.teacher ?? "", $1.scope.teacher ?? "") }
            guard groups.count >= 2 else { continue }
            var small = groups.filter { $0.rows.count < minimum }
            var large = groups.filter { $0.rows.count >= minimum }
            // Complementary suppression: the smallest shown group (the last in natural order among equals) joins the hidden ones.
            while !small.isEmpty, !large.isEmpty, small.count == 1 || small.reduce(0, { $0 + $1.rows.count }) < minimum {
                let index = large.indices.min { (large[$0].rows.count, -$0) < (large[$1].rows.count, -$1) }!
                small.append(large.remove(at: index))
            }
            shown += large
            hidden += small.sorted { order($0.scope.teacher ?? "", $1.scope.teacher ?? "") }.map(\.scope)
        }
        return (shown, hidden)
    }

    /// Natural order of codes: «У-2» < «У-10» < «У-11».
    public static func order(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: [.numeric, .caseInsensitive]) == .orderedAscending
    }
}
