import AnketaResults
import Foundation

/// Splits the rows of each procedure × subject by teacher (or teacher group) and decides which
/// groups may be shown.
///
/// What is published about a subject: every class (whatever its teachers) and the teacher groups
/// shown; all of them are sums over the cells class × teacher. A teacher group under `minimum`
/// students is hidden, and so that no hidden group — and no set of hidden groups with fewer than
/// `minimum` students together — can be worked out from the published sums (the subject's total
/// minus the shown groups; a class minus the part of it another, shown teacher teaches), a shown
/// group is hidden beside them — the smallest whose hiding ends the disclosure, else the smallest
/// (the last in natural order among equal sizes) — until none can, or nothing is shown. «Worked out» is exact: the set's cells are a linear combination
/// of the published sums. A subject taught by one teacher gets no teacher breakdown — it would
/// repeat the subject's figures.
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
            // Every row of the subject counts in its class, including rows without a teacher.
            let subjectRows = rows.filter { $0.procedure == subject.procedure && $0.subject == subject.subject }
            let cells = Cells(rows: subjectRows)
            var small = groups.filter { $0.rows.count < minimum }
            var large = groups.filter { $0.rows.count >= minimum }
            func disclosed(_ hidden: [Group], _ shown: [Group]) -> Bool {
                cells.disclosed(hidden: hidden.map { ($0.scope.teacher ?? "", $0.rows.count) }, shown: shown.map { $0.scope.teacher ?? "" }, minimum: minimum)
            }
            while !small.isEmpty, !large.isEmpty, disclosed(small, large) {
                // The smallest shown group whose hiding ends the disclosure (the last in natural order
                // among equal sizes); when none does alone, the smallest.
                let candidates = large.indices.sorted { (large[$0].rows.count, -$0) < (large[$1].rows.count, -$1) }
                let index = candidates.first { index in
                    var shown = large
                    let moved = shown.remove(at: index)
                    return !disclosed(small + [moved], shown)
                } ?? candidates[0]
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

    /// The cells class × teacher of one subject and the published sums over them.
    struct Cells {
        /// (class, teacher) of each cell; a nil teacher for rows without one.
        var keys: [(className: String, teacher: String?)] = []
        var classes: [String] = []

        init(rows: [ResultRow]) {
            for row in rows where !keys.contains(where: { $0.className == row.className && $0.teacher == row.teacher }) {
                keys.append((row.className, row.teacher))
                if !classes.contains(row.className) { classes.append(row.className) }
            }
        }

        func vector(_ include: ((className: String, teacher: String?)) -> Bool) -> [Double] {
            keys.map { include($0) ? 1 : 0 }
        }

        /// Whether some set of hidden groups with fewer than `minimum` students together (a single
        /// one of any size under the minimum included) is a linear combination of the classes and
        /// the shown teachers.
        func disclosed(hidden: [(teacher: String, n: Int)], shown: [String], minimum: Int) -> Bool {
            let basis = classes.map { name in vector { $0.className == name } } + shown.map { code in vector { $0.teacher == code } }
            let reduced = Self.echelon(basis)
            // Sets of fewer than `minimum` students have fewer than `minimum` members.
            for set in Self.subsets(of: hidden.indices.filter { hidden[$0].n < minimum }, maxSize: minimum - 1)
            where set.reduce(0, { $0 + hidden[$1].n }) < minimum {
                let teachers = Set(set.map { hidden[$0].teacher })
                if Self.inSpan(vector { $0.teacher.map(teachers.contains) ?? false }, reduced) { return true }
            }
            return false
        }

        /// Non-empty subsets of `items` with at most `maxSize` members.
        static func subsets(of items: [Int], maxSize: Int) -> [[Int]] {
            var result: [[Int]] = []
            func extend(_ current: [Int], from start: Int) {
                if !current.isEmpty { result.append(current) }
                guard current.count < maxSize else { return }
                for index in start..<items.count { extend(current + [items[index]], from: index + 1) }
            }
            extend([], from: 0)
            return result
        }

        /// Rows reduced to echelon form (Gaussian elimination with partial pivoting); entries of
        /// 0/1 sums stay small rationals, so a tolerance of 1e-9 is safe.
        static func echelon(_ rows: [[Double]]) -> [[Double]] {
            var matrix = rows
            var result: [[Double]] = []
            guard let width = matrix.first?.count else { return [] }
            for column in 0..<width {
                guard let pivot = matrix.indices.max(by: { abs(matrix[$0][column]) < abs(matrix[$1][column]) }),
                      abs(matrix[pivot][column]) > 1e-9 else { continue }
                var row = matrix.remove(at: pivot)
                let value = row[column]
                row = row.map { $0 / value }
                for index in matrix.indices where abs(matrix[index][column]) > 1e-9 {
                    let factor = matrix[index][column]
                    matrix[index] = zip(matrix[index], row).map { $0 - factor * $1 }
                }
                result.append(row)
            }
            return result
        }

        /// Whether `vector` is a combination of the echelon `rows`.
        static func inSpan(_ vector: [Double], _ rows: [[Double]]) -> Bool {
            var rest = vector
            for row in rows {
                guard let lead = row.firstIndex(where: { abs($0) > 1e-9 }) else { continue }
                let factor = rest[lead] / row[lead]
                if abs(factor) > 1e-12 { rest = zip(rest, row).map { $0 - factor * $1 } }
            }
            return rest.allSatisfy { abs($0) < 1e-9 }
        }
    }
}
