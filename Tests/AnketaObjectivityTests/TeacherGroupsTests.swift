import AnketaObjectivity
import AnketaResults
import AnketaTestSupport
import Testing

/// `count` rows of a teacher in a subject, external and school marks alternating so groups differ.
func teacherRows(_ teacher: String, _ count: Int, subject: String = "Математика", start: Int = 0) -> [ResultRow] {
    (0..<count).map { index in
        var row = ResultRow(line: start + index + 2, student: "\(teacher)-\(subject)-\(index)", className: "5А", grade: 5, subject: subject,
                            procedure: .vpr, externalMark: 2 + (index * 7 + count) % 4, schoolMark: 2 + (index * 3 + 1) % 4)
        row.teacher = teacher
        return row
    }
}

@Suite("Teacher groups")
struct TeacherGroupsTests {
    func split(_ rows: [ResultRow], minimum: Int = 5) -> (shown: [String], hidden: [String]) {
        let analysis = ObjectivityAnalysis(rows: rows, thresholds: .init(minTeacherGroup: minimum))
        return (analysis.teachers.map { $0.scope.teacher ?? "" }, analysis.hiddenTeachers.map { $0.teacher ?? "" })
    }

    @Test func aSmallGroupIsHiddenWithTheNextSmallest() {
        // У-03 (3 students) alone could be worked out as the subject minus У-01 and У-02: У-02, the smaller shown, goes too.
        let result = split(teacherRows("У-01", 30) + teacherRows("У-02", 12) + teacherRows("У-03", 3))
        #expect(result.shown == ["У-01"] && result.hidden == ["У-02", "У-03"])
    }

    @Test func twoSmallGroupsOfTheMinimumTogetherAreEnough() {
        let result = split(teacherRows("У-01", 30) + teacherRows("У-02", 2) + teacherRows("У-03", 4))
        #expect(result.shown == ["У-01"] && result.hidden == ["У-02", "У-03"])
        // Together 1 + 2 = 3 < 5: the smallest shown (20) is hidden too, in natural order У-2 < У-10.
        let tiny = split(teacherRows("У-10", 30) + teacherRows("У-2", 20) + teacherRows("У-3", 1) + teacherRows("У-4", 2))
        #expect(tiny.shown == ["У-10"] && tiny.hidden == ["У-2", "У-3", "У-4"])
    }

    @Test func oneTeacherPerSubjectHasNoBreakdownAndNoSmallGroupIsLeftAlone() {
        let result = split(teacherRows("У-01", 30) + teacherRows("У-02", 40, subject: "Русский язык") + teacherRows("У-03", 25, subject: "Русский язык"))
        #expect(result.shown == ["У-02", "У-03"] && result.hidden.isEmpty)
        let groups = ObjectivityAnalysis(rows: teacherRows("У-02", 40, subject: "Русский язык")).teachers
        #expect(groups.isEmpty)
    }

    @Test func shownGroupsCarryTheFiguresOfTheirRows() throws {
        let data = teacherRows("У-01", 30) + teacherRows("У-02", 12)
        let analysis = ObjectivityAnalysis(rows: data)
        let second = try #require(analysis.teachers.first { $0.scope.teacher == "У-02" })
        let direct = try #require(ObjectivityGroup(scope: second.scope, rows: teacherRows("У-02", 12), thresholds: .init()))
        #expect(second == direct)
        #expect(second.scope.subject == "Математика" && second.scope.procedure == .vpr && second.n == 12)
    }

    /// For random schools: no teacher group under the minimum is shown, and no hidden group can be
    /// worked out from the subject's total — the hidden groups of a subject are two or more, and
    /// (unless nothing is shown) at least the minimum together.
    @Test func randomizedNoHiddenGroupCanBeWorkedOut() {
        var random = SeededRandom(seed: 14)
        for round in 0..<400 {
            let minimum = 1 + random.int(below: 8)
            var data: [ResultRow] = []
            let subjects = ["Математика", "Русский язык", "Физика"].prefix(1 + random.int(below: 3))
            var sizes: [String: [String: Int]] = [:]
            for subject in subjects {
                for teacher in 0..<(1 + random.int(below: 6)) {
                    let code = "У-\(teacher + 1)"
                    let count = 1 + random.int(below: random.int(below: 2) == 0 ? 6 : 30)
                    sizes[subject, default: [:]][code] = count
                    data += teacherRows(code, count, subject: subject, start: data.count)
                }
            }
            random.shuffle(&data)
            let analysis = ObjectivityAnalysis(rows: data, thresholds: .init(minTeacherGroup: minimum))
            for subject in subjects {
                let all = sizes[subject] ?? [:]
                let shown = analysis.teachers.filter { $0.scope.subject == subject }
                let hidden = analysis.hiddenTeachers.filter { $0.subject == subject }.compactMap(\.teacher)
                if all.count < 2 {
                    #expect(shown.isEmpty && hidden.isEmpty, "round \(round)")
                    continue
                }
                #expect(Set(shown.compactMap(\.scope.teacher)).union(hidden) == Set(all.keys), "round \(round): every group shown or hidden")
                #expect(Set(shown.compactMap(\.scope.teacher)).isDisjoint(with: hidden), "round \(round)")
                #expect(shown.allSatisfy { $0.n >= minimum && $0.n == all[$0.scope.teacher ?? ""] }, "round \(round): a small group shown")
                #expect(hidden.count != 1, "round \(round): \(hidden) alone is the subject minus the shown groups")
                let hiddenTotal = hidden.reduce(0) { $0 + (all[$1] ?? 0) }
                #expect(hidden.isEmpty || shown.isEmpty || hiddenTotal >= minimum, "round \(round): hidden total \(hiddenTotal) < \(minimum)")
                // Nothing is hidden that did not need to be: without a small group, everything is shown.
                if all.values.allSatisfy({ $0 >= minimum }) { #expect(hidden.isEmpty, "round \(round)") }
            }
        }
    }
}
