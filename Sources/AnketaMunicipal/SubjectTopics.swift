import AnketaAnalysis
import AnketaCore

/// Which by-subject figures of one PD topic may be published without revealing a small
/// school × subject group (pure; see docs/municipal.md, «PD topics by subject»).
///
/// Published per subject area: teachers who answered, teachers with a difficulty, and the names
/// (no counts) of schools whose own group of that subject has at least the minimum and where at
/// least 30 % report the difficulty. Already published elsewhere in the справка: every shown
/// school's total and the municipal total. A school × subject cell with 1 … minimum − 1 teachers
/// is *sensitive*: its counts must not follow from the published totals.
///
/// The check assumes, to be safe, that the outsider knows every row (school) and column (subject,
/// «другие», «не указано») total of both counts and which cells are non-empty. A cell is then
/// determined when it is a bridge of the bipartite school–subject graph of unknown cells (the
/// totals on one side of it add up to it), or lies on a line whose total is 0; determined cells
/// are taken out and the search repeated. Subjects with fewer than the minimum teachers in the
/// whole municipality are merged into «другие предметные области» (grown with the smallest
/// subjects until it has at least the minimum); while a sensitive cell is determined, the
/// smallest subject still shown is merged too. When none is left, the table is withheld.
/// `SubjectTopicsTests` compares the result with the exact range of every sensitive cell
/// (`LinearProgram`) on random tables.
enum SubjectTopics {
    /// The merged column of small subjects.
    static let others = "\u{0}others"

    struct Outcome: Equatable {
        var rows: [DevelopmentTopic.SubjectRow]
        /// Subjects merged into «другие» (small, or merged to protect a small school × subject group).
        var merged: [String]
        /// Nothing could be published by subject.
        var withheld: Bool
    }

    static func plan(members: [SubjectTally.Cell: Int], counts: [SubjectTally.Cell: SubjectTally.Count], subjects: [String],
                     schools: [String: String], minGroupSize: Int) -> Outcome {
        var teachers: [String: Int] = [:]
        for (cell, count) in members where cell.subject != Analyzer.unspecifiedGroup { teachers[cell.subject, default: 0] += count }
        let present = subjects.filter { (teachers[$0] ?? 0) > 0 }
        var merged = Set(present.filter { teachers[$0]! < minGroupSize })
        func smallestShown() -> String? {
            present.filter { !merged.contains($0) }.min { (teachers[$0]!, $0) < (teachers[$1]!, $1) }
        }
        func grownOthers() {
            while !merged.isEmpty, merged.reduce(0, { $0 + teachers[$1]! }) < minGroupSize, let next = smallestShown() { merged.insert(next) }
        }
        grownOthers()
        while true {
            // Every subject merged and still under the minimum: «другие» would be a small group itself.
            if !merged.isEmpty, merged.reduce(0, { $0 + teachers[$1]! }) < minGroupSize {
                return Outcome(rows: [], merged: present, withheld: true)
            }
            let column: (String) -> String = { subject in
                subject == Analyzer.unspecifiedGroup ? subject : merged.contains(subject) ? others : subject
            }
            var cellMembers: [SubjectTally.Cell: Int] = [:]
            var cellCounts: [SubjectTally.Cell: SubjectTally.Count] = [:]
            for (cell, count) in members {
                let key = SubjectTally.Cell(school: cell.school, subject: column(cell.subject))
                cellMembers[key, default: 0] += count
                let own = counts[cell] ?? SubjectTally.Count()
                cellCounts[key, default: SubjectTally.Count()].valid += own.valid
                cellCounts[key, default: SubjectTally.Count()].difficulty += own.difficulty
            }
            let sensitive = Set(cellMembers.filter { $0.key.subject != Analyzer.unspecifiedGroup && $0.value < minGroupSize }.map(\.key))
            let cells = Array(cellMembers.keys)
            let exposed = exposedCells(cells: cells, values: cellCounts.mapValues(\.valid), sensitive: sensitive)
                .union(exposedCells(cells: cells, values: cellCounts.mapValues(\.difficulty), sensitive: sensitive))
            if exposed.isEmpty {
                return Outcome(rows: rows(cellMembers: cellMembers, cellCounts: cellCounts, schools: schools, minGroupSize: minGroupSize),
                               merged: present.filter { merged.contains($0) }, withheld: false)
            }
            guard let next = smallestShown() else { return Outcome(rows: [], merged: present, withheld: true) }
            merged.insert(next)
            grownOthers()
        }
    }

    /// The small cells the table would give away. A cell on a line whose total is 0 is not counted:
    /// that line is a whole shown school or a subject group of at least the minimum, and its 0
    /// («nobody here reports the difficulty») already tells every member's answer, the small group's
    /// included — hiding the table would not take it back, and merging every subject for it would
    /// only lose the breakdown.
    static func exposedCells(cells: [SubjectTally.Cell], values: [SubjectTally.Cell: Int], sensitive: Set<SubjectTally.Cell>) -> Set<SubjectTally.Cell> {
        var rows: [String: Int] = [:], columns: [String: Int] = [:]
        for cell in cells {
            rows[cell.school, default: 0] += values[cell] ?? 0
            columns[cell.subject, default: 0] += values[cell] ?? 0
        }
        return determined(cells: cells, values: values, among: sensitive).filter { rows[$0.school] != 0 && columns[$0.subject] != 0 }
    }

    /// Published rows: every column but «не указано», by teachers with a difficulty.
    static func rows(cellMembers: [SubjectTally.Cell: Int], cellCounts: [SubjectTally.Cell: SubjectTally.Count], schools: [String: String],
                     minGroupSize: Int) -> [DevelopmentTopic.SubjectRow] {
        var totals: [String: SubjectTally.Count] = [:]
        var places: [String: [(name: String, share: Double)]] = [:]
        for (cell, count) in cellCounts where cell.subject != Analyzer.unspecifiedGroup {
            totals[cell.subject, default: SubjectTally.Count()].valid += count.valid
            totals[cell.subject, default: SubjectTally.Count()].difficulty += count.difficulty
            guard cell.subject != others, (cellMembers[cell] ?? 0) >= minGroupSize, count.valid > 0 else { continue }
            let share = Double(count.difficulty) / Double(count.valid) * 100
            if share >= 30 { places[cell.subject, default: []].append((schools[cell.school] ?? cell.school, share)) }
        }
        return totals.filter { $0.value.valid > 0 }.map { subject, count in
            DevelopmentTopic.SubjectRow(subject: subject == others ? nil : subject, teachers: count.difficulty, valid: count.valid,
                                        percent: Double(count.difficulty) / Double(count.valid) * 100,
                                        schools: (places[subject] ?? []).sorted { ($0.share, $1.name) > ($1.share, $0.name) }.map(\.name))
        }
        .sorted { ($0.teachers, $1.subject ?? "") > ($1.teachers, $0.subject ?? "") }
    }

    /// Cells whose value follows from the row and column totals of `values` and non-negativity.
    ///
    /// A cell's value can change, every total staying the same, only along a cycle of cells
    /// whose changes alternate + and − (the table is bipartite: schools and subjects); every cell
    /// that decreases must be positive. By the conformal decomposition of circulations, a cell can
    /// rise iff such a cycle through it exists with the cell's change +, and fall iff it is
    /// positive and one exists with its change −. So the search is a walk from one end of the
    /// cell to the other over alternating cells — exact for this model, as the linear program of
    /// `DisclosurePlan` is for its own. Most cells are decided without a walk (positive cells off
    /// the bridges of the positive cells, zero cells by strongly connected components), so a
    /// region of 1,000 schools × 9 subjects takes a fraction of a second.
    static func determined(cells: [SubjectTally.Cell], values: [SubjectTally.Cell: Int], among: Set<SubjectTally.Cell>? = nil) -> Set<SubjectTally.Cell> {
        var vertex: [String: Int] = [:]
        func id(_ name: String) -> Int {
            if let existing = vertex[name] { return existing }
            vertex[name] = vertex.count
            return vertex.count - 1
        }
        let ends = cells.map { (id("s\u{1}" + $0.school), id("c\u{1}" + $0.subject)) }
        var adjacency = [[(to: Int, edge: Int)]](repeating: [], count: vertex.count)
        for (index, end) in ends.enumerated() {
            adjacency[end.0].append((end.1, index))
            adjacency[end.1].append((end.0, index))
        }
        let value = cells.map { values[$0] ?? 0 }
        // States: vertex × whether the next change is −; `mark[state] == round` means seen in this walk
        // (one buffer for every walk: a region has thousands of small groups to check).
        var mark = [Int](repeating: 0, count: vertex.count * 2)
        var queue = [Int](repeating: 0, count: vertex.count * 2)
        var round = 0
        /// A walk from `start` to `target` avoiding `skip`, with its first change `firstDown` (−) or
        /// not, changes alternating, the last one the opposite of the first; − only on positive cells.
        func walk(from start: Int, to target: Int, skip: Int, firstDown: Bool) -> Bool {
            round += 1
            var head = 0, tail = 0
            let first = start * 2 + (firstDown ? 1 : 0)
            mark[first] = round
            queue[tail] = first
            tail += 1
            while head < tail {
                let state = queue[head]
                head += 1
                let at = state / 2, down = state % 2 == 1
                for (to, edge) in adjacency[at] where edge != skip && (!down || value[edge] > 0) {
                    // The cycle closes on the cell itself, whose change is the opposite of the first.
                    if to == target, down == firstDown { return true }
                    let next = to * 2 + (down ? 0 : 1)
                    if mark[next] != round {
                        mark[next] = round
                        queue[tail] = next
                        tail += 1
                    }
                }
            }
            return false
        }
        // Shortcuts that decide most cells without a walk (a region has thousands of small groups):
        // a positive cell on a cycle of positive cells can move both ways; a zero cell can rise iff
        // its subject reaches its school over the arcs school → subject (any cell, a rise) and
        // subject → school (a positive cell, a fall) — i.e. iff both ends are in one strongly
        // connected component.
        let positiveBridges = Self.bridges(vertices: vertex.count, ends: ends, using: value.map { $0 > 0 })
        var arcs = [[Int]](repeating: [], count: vertex.count)
        for (index, end) in ends.enumerated() {
            arcs[end.0].append(end.1)
            if value[index] > 0 { arcs[end.1].append(end.0) }
        }
        let component = Self.stronglyConnectedComponents(arcs)
        var fixed = Set<SubjectTally.Cell>()
        for (index, cell) in cells.enumerated() where among?.contains(cell) ?? true {
            let (school, subject) = ends[index]
            if value[index] == 0 {
                if component[school] != component[subject] { fixed.insert(cell) }
                continue
            }
            if !positiveBridges.contains(index) { continue }
            let rises = walk(from: subject, to: school, skip: index, firstDown: true)
            if !rises && !walk(from: subject, to: school, skip: index, firstDown: false) { fixed.insert(cell) }
        }
        return fixed
    }

    /// Bridges (edge indices) of the undirected graph of the edges marked in `using`.
    static func bridges(vertices: Int, ends: [(Int, Int)], using: [Bool]) -> Set<Int> {
        var adjacency = [[(to: Int, edge: Int)]](repeating: [], count: vertices)
        for (index, end) in ends.enumerated() where using[index] {
            adjacency[end.0].append((end.1, index))
            adjacency[end.1].append((end.0, index))
        }
        var order = [Int](repeating: -1, count: vertices), low = [Int](repeating: 0, count: vertices)
        var counter = 0
        var found = Set<Int>()
        for root in 0..<vertices where order[root] < 0 {
            // (vertex, edge it was entered by, next neighbour index): an iterative depth-first search.
            var stack: [(vertex: Int, via: Int, next: Int)] = [(root, -1, 0)]
            order[root] = counter; low[root] = counter; counter += 1
            while let top = stack.last {
                if top.next < adjacency[top.vertex].count {
                    stack[stack.count - 1].next += 1
                    let (to, edge) = adjacency[top.vertex][top.next]
                    if edge == top.via { continue }
                    if order[to] < 0 {
                        order[to] = counter; low[to] = counter; counter += 1
                        stack.append((to, edge, 0))
                    } else {
                        low[top.vertex] = min(low[top.vertex], order[to])
                    }
                } else {
                    stack.removeLast()
                    if let parent = stack.last {
                        low[parent.vertex] = min(low[parent.vertex], low[top.vertex])
                        if low[top.vertex] > order[parent.vertex] { found.insert(top.via) }
                    }
                }
            }
        }
        return found
    }

    /// The strongly connected component of every vertex (Tarjan's algorithm, iterative).
    static func stronglyConnectedComponents(_ arcs: [[Int]]) -> [Int] {
        let count = arcs.count
        var order = [Int](repeating: -1, count: count), low = [Int](repeating: 0, count: count)
        var component = [Int](repeating: -1, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0, components = 0
        for root in 0..<count where order[root] < 0 {
            var calls: [(vertex: Int, next: Int)] = [(root, 0)]
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while let top = calls.last {
                if top.next < arcs[top.vertex].count {
                    calls[calls.count - 1].next += 1
                    let to = arcs[top.vertex][top.next]
                    if order[to] < 0 {
                        order[to] = counter; low[to] = counter; counter += 1
                        stack.append(to); onStack[to] = true
                        calls.append((to, 0))
                    } else if onStack[to] {
                        low[top.vertex] = min(low[top.vertex], order[to])
                    }
                } else {
                    calls.removeLast()
                    if let parent = calls.last { low[parent.vertex] = min(low[parent.vertex], low[top.vertex]) }
                    if low[top.vertex] == order[top.vertex] {
                        while let member = stack.popLast() {
                            onStack[member] = false
                            component[member] = components
                            if member == top.vertex { break }
                        }
                        components += 1
                    }
                }
            }
        }
        return component
    }
}
