import AnketaAnalysis
@testable import AnketaMunicipal
import AnketaStats
import AnketaTestSupport
import Testing

@Suite("PD topics by subject: small school × subject groups stay hidden")
struct SubjectTopicsTests {
    typealias Cell = SubjectTally.Cell

    /// Whether each cell's value is pinned by all row and column totals and x ≥ 0, by the exact
    /// linear program (min = max), the way `DisclosurePlan` decides it.
    static func pinnedByLP(_ cells: [Cell], _ values: [Cell: Int]) -> Set<Cell> {
        let rows = Set(cells.map(\.school)).sorted(), columns = Set(cells.map(\.subject)).sorted()
        var equalities: [([Int], Int)] = []
        for row in rows {
            equalities.append((cells.map { $0.school == row ? 1 : 0 }, cells.filter { $0.school == row }.reduce(0) { $0 + values[$1]! }))
        }
        for column in columns {
            equalities.append((cells.map { $0.subject == column ? 1 : 0 }, cells.filter { $0.subject == column }.reduce(0) { $0 + values[$1]! }))
        }
        let program = LinearProgram(variables: cells.count, equalities: equalities)
        var pinned = Set<Cell>()
        for (index, cell) in cells.enumerated() {
            var objective = [Int](repeating: 0, count: cells.count)
            objective[index] = 1
            if let low = program.minimum(of: objective), let high = program.maximum(of: objective), low == high { pinned.insert(cell) }
        }
        return pinned
    }

    @Test("the alternating-cycle search pins exactly the cells the linear program pins (random tables)")
    func determinedMatchesLinearProgram() {
        var random = SeededRandom(seed: 20_261_202)
        for _ in 0..<300 {
            let schools = Int.random(in: 2...5, using: &random), subjects = Int.random(in: 2...4, using: &random)
            var cells: [Cell] = []
            var values: [Cell: Int] = [:]
            for school in 0..<schools {
                for subject in 0..<subjects where Int.random(in: 0..<10, using: &random) < 6 {
                    let cell = Cell(school: "s\(school)", subject: "p\(subject)")
                    cells.append(cell)
                    // Zeros are common in difficulty counts; they are what pins cells beyond bridges.
                    values[cell] = Int.random(in: 0..<3, using: &random) == 0 ? 0 : Int.random(in: 1...6, using: &random)
                }
            }
            guard !cells.isEmpty else { continue }
            #expect(SubjectTopics.determined(cells: cells, values: values) == Self.pinnedByLP(cells, values), "\(values)")
        }
    }

    @Test("a subject taught by many only in one school would reveal that school's small group: it is merged")
    func lyceumCase() {
        // Physics only at the lyceum (8 teachers); chemistry at the lyceum (2) and at a school (6).
        // Published totals: the lyceum's, physics', chemistry's — lyceum − physics = its 2 chemists.
        let members: [Cell: Int] = [Cell(school: "licey", subject: "Физика"): 8, Cell(school: "licey", subject: "Химия"): 2,
                                    Cell(school: "sosh", subject: "Химия"): 6]
        let counts: [Cell: SubjectTally.Count] = [Cell(school: "licey", subject: "Физика"): .init(valid: 8, difficulty: 3),
                                                  Cell(school: "licey", subject: "Химия"): .init(valid: 2, difficulty: 2),
                                                  Cell(school: "sosh", subject: "Химия"): .init(valid: 6, difficulty: 1)]
        let cells = Array(members.keys)
        #expect(SubjectTopics.determined(cells: cells, values: counts.mapValues(\.difficulty)).contains(Cell(school: "licey", subject: "Химия")))
        let outcome = SubjectTopics.plan(members: members, counts: counts, subjects: ["Физика", "Химия"], schools: ["licey": "Лицей", "sosh": "СОШ"],
                                         minGroupSize: 5)
        // Merging one subject leaves one column: its total is the municipality's, nothing to subtract.
        #expect(outcome.merged.count == 2 || outcome.withheld)
        #expect(outcome.rows.allSatisfy { $0.subject == nil })
    }

    @Test("subjects with enough teachers everywhere are shown with the schools where 30 % need the topic")
    func shownRows() {
        var members: [Cell: Int] = [:]
        var counts: [Cell: SubjectTally.Count] = [:]
        for (school, physics, maths) in [("a", (6, 3), (5, 0)), ("b", (5, 1), (7, 4)), ("c", (5, 0), (6, 1))] {
            members[Cell(school: school, subject: "Физика")] = 5 + (school == "a" ? 1 : 0)
            members[Cell(school: school, subject: "Математика")] = maths.0
            counts[Cell(school: school, subject: "Физика")] = .init(valid: physics.0, difficulty: physics.1)
            counts[Cell(school: school, subject: "Математика")] = .init(valid: maths.0, difficulty: maths.1)
        }
        let outcome = SubjectTopics.plan(members: members, counts: counts, subjects: ["Физика", "Математика"],
                                         schools: ["a": "Школа А", "b": "Школа Б", "c": "Школа В"], minGroupSize: 5)
        #expect(outcome.withheld == false)
        #expect(outcome.merged.isEmpty)
        let maths = outcome.rows.first { $0.subject == "Математика" }
        #expect(maths?.teachers == 5)
        #expect(maths?.valid == 18)
        #expect(maths?.schools == ["Школа Б"])  // 4 of 7 = 57 %; «а» 0 %, «в» 17 %
        let physics = outcome.rows.first { $0.subject == "Физика" }
        #expect(physics?.teachers == 4)
        #expect(physics?.schools == ["Школа А"])  // 3 of 6 = 50 %; «б» 20 %
    }

    @Test("whatever the table, no published by-subject figure pins a small school × subject group (random tables)")
    func neverExposesSmallGroups() {
        var random = SeededRandom(seed: 12)
        for _ in 0..<200 {
            var members: [Cell: Int] = [:]
            var counts: [Cell: SubjectTally.Count] = [:]
            let subjects = ["p0", "p1", "p2", "p3"]
            for school in 0..<Int.random(in: 2...5, using: &random) {
                for subject in subjects + [Analyzer.unspecifiedGroup] where Int.random(in: 0..<10, using: &random) < 6 {
                    let cell = Cell(school: "s\(school)", subject: subject)
                    let size = Int.random(in: 1...9, using: &random)
                    let valid = Int.random(in: 0...size, using: &random)
                    members[cell] = size
                    counts[cell] = .init(valid: valid, difficulty: Int.random(in: 0...valid, using: &random))
                }
            }
            let outcome = SubjectTopics.plan(members: members, counts: counts, subjects: subjects, schools: [:], minGroupSize: 5)
            if outcome.withheld { continue }
            // Rebuild the published columns and check every small cell with the linear program.
            let merged = Set(outcome.merged)
            var cellMembers: [Cell: Int] = [:], valid: [Cell: Int] = [:], difficulty: [Cell: Int] = [:]
            for (cell, size) in members {
                let column = cell.subject == Analyzer.unspecifiedGroup ? cell.subject : merged.contains(cell.subject) ? SubjectTopics.others : cell.subject
                let key = Cell(school: cell.school, subject: column)
                cellMembers[key, default: 0] += size
                valid[key, default: 0] += counts[cell]!.valid
                difficulty[key, default: 0] += counts[cell]!.difficulty
            }
            let small = Set(cellMembers.filter { $0.key.subject != Analyzer.unspecifiedGroup && $0.value < 5 }.map(\.key))
            let cells = Array(cellMembers.keys)
            // A cell on a line whose total is 0 is told by that large group's own 0 (not by this table).
            func onZeroLine(_ values: [Cell: Int]) -> Set<Cell> {
                Set(cells.filter { cell in
                    cells.filter { $0.school == cell.school }.allSatisfy { values[$0] == 0 } || cells.filter { $0.subject == cell.subject }.allSatisfy { values[$0] == 0 }
                })
            }
            #expect(Self.pinnedByLP(cells, valid).intersection(small).subtracting(onZeroLine(valid)).isEmpty, "\(members) \(counts)")
            #expect(Self.pinnedByLP(cells, difficulty).intersection(small).subtracting(onZeroLine(difficulty)).isEmpty, "\(members) \(counts)")
            // Every shown subject (and «другие») has at least the minimum teachers.
            for row in outcome.rows {
                let column = row.subject ?? SubjectTopics.others
                #expect(cellMembers.filter { $0.key.subject == column }.values.reduce(0, +) >= 5)
            }
        }
    }
}
