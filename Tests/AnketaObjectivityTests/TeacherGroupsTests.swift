import AnketaObjectivity
import AnketaResults
import AnketaStats
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

    @Test func aTeacherOfPartOfAClassIsNotLeftToSubtraction() {
        // 5А: У-01 teaches 27, У-02 the other 3; У-03 teaches 6А. Hiding У-02 and У-03 (the old rule)
        // would leave 5А − У-01 = У-02: У-01 goes too; У-03 alone can then be shown.
        var data = teacherRows("У-01", 27) + teacherRows("У-02", 3, start: 100) + teacherRows("У-03", 30, start: 200)
        for index in data.indices where data[index].teacher == "У-03" { data[index].className = "6А"; data[index].grade = 6 }
        let result = split(data)
        #expect(result.hidden == ["У-01", "У-02"] && result.shown == ["У-03"])
    }

    @Test func theGroupThatEndsTheDisclosureIsHiddenNotJustTheSmallest() {
        // 5А: У-01 29 and a one-student group; 6А: У-03 (30); 7А: У-02 (60). Hiding У-03, the smallest, would
        // not help (5А − У-01 is still the small group): У-01 is hidden instead, and У-02, У-03 stay shown.
        var data = teacherRows("У-01", 29) + teacherRows("МО-1", 1, start: 50) + teacherRows("У-03", 30, start: 100) + teacherRows("У-02", 60, start: 200)
        for index in data.indices where data[index].teacher == "У-03" { data[index].className = "6А"; data[index].grade = 6 }
        for index in data.indices where data[index].teacher == "У-02" { data[index].className = "7А"; data[index].grade = 7 }
        let result = split(data)
        #expect(result.hidden == ["МО-1", "У-01"] && result.shown == ["У-02", "У-03"])
    }

    /// For random schools — classes split between teachers, small groups, several subjects — no
    /// teacher group under the minimum is shown, and no set of hidden groups with fewer than the
    /// minimum students together is determined by what is published: checked exactly, by the
    /// smallest and largest value its size can take over every table of non-negative class ×
    /// teacher counts that agrees with the published class and teacher sizes (`LinearProgram`).
    @Test func randomizedNoHiddenGroupCanBeWorkedOut() {
        var random = SeededRandom(seed: 14)
        for round in 0..<300 {
            let minimum = 2 + random.int(below: 5)
            var data: [ResultRow] = []
            let subjects = Array(["Математика", "Русский язык"].prefix(1 + random.int(below: 2)))
            for subject in subjects {
                let teachers = (1...(2 + random.int(below: 4))).map { "У-\($0)" }
                for (classIndex, className) in ["5А", "5Б", "6А", "7А"].prefix(1 + random.int(below: 4)).enumerated() {
                    // One or two teachers per class, a small part now and then.
                    var own = [teachers[(classIndex + random.int(below: 2)) % teachers.count]]
                    if random.int(below: 2) == 0 { own.append(teachers[random.int(below: teachers.count)]) }
                    for teacher in Set(own) {
                        let count = 1 + random.int(below: random.int(below: 2) == 0 ? 5 : 25)
                        var part = teacherRows(teacher, count, subject: subject, start: data.count)
                        for index in part.indices {
                            part[index].className = className
                            part[index].grade = Int(className.prefix(1)) ?? 5
                            part[index].student = "\(className)-\(teacher)-\(subject)-\(index)"
                        }
                        data += part
                    }
                }
            }
            random.shuffle(&data)
            let analysis = ObjectivityAnalysis(rows: data, thresholds: .init(minTeacherGroup: minimum))
            for subject in subjects {
                let rows = data.filter { $0.subject == subject }
                let sizes = Dictionary(grouping: rows, by: { $0.teacher ?? "" }).mapValues(\.count)
                let shown = analysis.teachers.filter { $0.scope.subject == subject }.compactMap(\.scope.teacher)
                let hidden = analysis.hiddenTeachers.filter { $0.subject == subject }.compactMap(\.teacher)
                if sizes.count < 2 {
                    #expect(shown.isEmpty && hidden.isEmpty, "round \(round)")
                    continue
                }
                #expect(Set(shown).union(hidden) == Set(sizes.keys) && Set(shown).isDisjoint(with: hidden), "round \(round)")
                #expect(shown.allSatisfy { sizes[$0] ?? 0 >= minimum }, "round \(round): a small group shown")
                if sizes.values.allSatisfy({ $0 >= minimum }) { #expect(hidden.isEmpty, "round \(round)") }
                guard !shown.isEmpty else { continue }
                // Unknowns: the size of every cell class × teacher. Published: each class, each shown teacher.
                let cells = Array(Set(rows.map { "\($0.className)|\($0.teacher ?? "")" })).sorted()
                func row(_ keep: (String, String) -> Bool) -> [Int] {
                    cells.map { cell in
                        let parts = cell.split(separator: "|").map(String.init)
                        return keep(parts[0], parts[1]) ? 1 : 0
                    }
                }
                var equalities: [([Int], Int)] = []
                for className in Set(rows.map(\.className)) {
                    equalities.append((row { c, _ in c == className }, rows.filter { $0.className == className }.count))
                }
                for teacher in shown { equalities.append((row { _, t in t == teacher }, sizes[teacher] ?? 0)) }
                let program = LinearProgram(variables: cells.count, equalities: equalities)
                let small = hidden.filter { sizes[$0] ?? 0 < minimum }
                for mask in 1..<(1 << small.count) {
                    let set = small.indices.filter { mask & (1 << $0) != 0 }.map { small[$0] }
                    let total = set.reduce(0) { $0 + (sizes[$1] ?? 0) }
                    guard total < minimum else { continue }
                    let objective = row { _, t in set.contains(t) }
                    let low = program.minimum(of: objective), high = program.maximum(of: objective)
                    #expect(low != nil && low != high, "round \(round): hidden \(set) (\(total) students) is determined")
                }
            }
        }
    }
}
