import AnketaStats

/// Which counts about one grouping question may be published: cell suppression over every table
/// that is built from that question's answers (its option table, its blank and «затрудняюсь»
/// counts, and the group sizes of every breakdown that uses it — class, parallel and level alike).
///
/// The respondents are split into *atoms*: sets of respondents that no published table tells apart
/// (same answer status, same group under every breakdown of the question). Every published count
/// is the sum of some atoms; that is a linear equation an outsider can use. A *sensitive* cell is
/// a real group (or option) with 1 … minimum − 1 respondents. It is hidden, and further cells are
/// hidden (complementary suppression, smallest first, answer counts only as a last resort) until
/// no sensitive cell is *determined*: its minimum and maximum over all non-negative tables that
/// agree with everything published — and with every hidden group being non-empty, since hidden
/// groups are listed — differ. The range is found exactly (`LinearProgram`), after a quick test
/// that looks for a single respondent who could move between two atoms unnoticed.
///
/// «Не указано» smaller than the minimum is not a group anybody can be recognised by: it is left
/// out of breakdowns (`omitted`), is not sensitive, and needs no complement.
struct DisclosurePlan {
    enum Role: Int, Comparable {
        /// Always published (the number of respondents).
        case fixed
        /// A group or option that may be hidden as a complement.
        case hideable
        /// An answer count (valid, «затрудняюсь», blank) of the grouping question: hidden only when
        /// nothing else helps.
        case answerCount
        /// Under the minimum: always hidden and protected.
        case sensitive

        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Cell {
        /// Sorted atom indices.
        var atoms: [Int]
        var count: Int
        var role: Role
        /// Published as «скрыто» when hidden (groups, options): an outsider knows it is not empty.
        var listed: Bool
        /// Whether the cell is an answer count; a cell that is both a group and an answer count
        /// («не указано» made of blanks only) may be hidden only as one.
        var isAnswerCount: Bool
    }

    let atomCounts: [Int]
    private(set) var cells: [Cell] = []
    private var index: [[Int]: Int] = [:]

    init(atomCounts: [Int]) {
        self.atomCounts = atomCounts
    }

    /// Adds a published cell (or merges it with an identical one) and returns its index.
    @discardableResult
    mutating func add(atoms: [Int], role: Role, listed: Bool, isAnswerCount: Bool = false) -> Int? {
        let atoms = atoms.sorted()
        guard !atoms.isEmpty else { return nil }
        if let existing = index[atoms] {
            let old = cells[existing]
            // A sensitive group stays sensitive; otherwise the dearest way of publishing it decides.
            let role: Role = (old.role == .sensitive || role == .sensitive) ? .sensitive : (old.role == .fixed || role == .fixed ? .fixed : max(old.role, role))
            cells[existing] = Cell(atoms: atoms, count: old.count, role: role, listed: old.listed || listed,
                                   isAnswerCount: old.isAnswerCount || isAnswerCount)
            return existing
        }
        let count = atoms.reduce(0) { $0 + atomCounts[$1] }
        cells.append(Cell(atoms: atoms, count: count, role: role, listed: listed, isAnswerCount: isAnswerCount))
        index[atoms] = cells.count - 1
        return cells.count - 1
    }

    /// The cells to hide: every sensitive cell and the complements that protect them; `safe` is
    /// false when even hiding every cell leaves a sensitive one determined.
    func decide() -> (hidden: Set<Int>, safe: Bool) {
        var hidden = Set(cells.indices.filter { cells[$0].role == .sensitive })
        guard !hidden.isEmpty else { return (hidden, true) }
        // Answer counts go together: hiding one of valid / «затрудняюсь» / blank and not the others
        // would be undone by subtraction.
        func hide(_ cell: Int) {
            hidden.insert(cell)
            if cells[cell].isAnswerCount {
                for other in cells.indices where cells[other].isAnswerCount { hidden.insert(other) }
            }
        }
        for cell in Array(hidden) where cells[cell].isAnswerCount { hide(cell) }
        while let exposed = firstDetermined(hidden) {
            let candidates = cells.indices.filter { !hidden.contains($0) && cells[$0].role != .fixed }
                .sorted { (cells[$0].role, cells[$0].count, $0) < (cells[$1].role, cells[$1].count, $1) }
            guard !candidates.isEmpty else { return (hidden, false) }
            // The cheapest single cell that protects it, judged by the quick test; else the cheapest
            // that the exact test accepts; else the cheapest cell, and look again.
            let chosen = candidates.first { !isDeterminedQuick(exposed, hidden: hidden.union(expanded($0))) }
                ?? candidates.prefix(6).first { !isDetermined(exposed, hidden: hidden.union(expanded($0))) }
                ?? candidates[0]
            hide(chosen)
        }
        return (hidden, true)
    }

    /// A cell together with the cells that must be hidden with it.
    private func expanded(_ cell: Int) -> Set<Int> {
        cells[cell].isAnswerCount ? Set(cells.indices.filter { cells[$0].isAnswerCount }) : [cell]
    }

    /// The first sensitive cell that the published cells still determine.
    func firstDetermined(_ hidden: Set<Int>) -> Int? {
        cells.indices.first { cells[$0].role == .sensitive && isDetermined($0, hidden: hidden) }
    }

    func isDetermined(_ cell: Int, hidden: Set<Int>) -> Bool {
        if !isDeterminedQuick(cell, hidden: hidden) { return false }
        return Self.isDetermined(cells[cell].atoms, atomCounts: atomCounts,
                                 published: cells.indices.filter { !hidden.contains($0) }.map { (cells[$0].atoms, cells[$0].count) },
                                 nonEmpty: hidden.filter { cells[$0].listed }.map { cells[$0].atoms })
    }

    /// Quick test: `false` when one respondent could move from an atom inside the cell to one
    /// outside (or back) without changing any published count or emptying a listed hidden group —
    /// then the cell is certainly not determined. `true` means "maybe determined".
    func isDeterminedQuick(_ cell: Int, hidden: Set<Int>) -> Bool {
        let inside = Set(cells[cell].atoms)
        let published = cells.indices.filter { !hidden.contains($0) }
        let listedHidden = hidden.filter { cells[$0].listed }
        var membership = [[Int]](repeating: [], count: atomCounts.count)
        for c in published { for atom in cells[c].atoms { membership[atom].append(c) } }
        func canMove(from a: Int, to b: Int) -> Bool {
            guard atomCounts[a] >= 1, membership[a] == membership[b] else { return false }
            return listedHidden.allSatisfy { h in
                let cellAtoms = cells[h].atoms
                return !(cellAtoms.contains(a) && !cellAtoms.contains(b)) || cells[h].count >= 2
            }
        }
        for a in inside {
            for b in atomCounts.indices where !inside.contains(b) {
                if canMove(from: a, to: b) || canMove(from: b, to: a) { return false }
            }
        }
        return true
    }

    /// Exact test: the range of the sum of `target` atoms over { x ≥ 0 : published sums hold,
    /// listed hidden cells ≥ 1 } is a single point. Any failure of the solver counts as determined.
    static func isDetermined(_ target: [Int], atomCounts: [Int], published: [([Int], Int)], nonEmpty: [[Int]]) -> Bool {
        let n = atomCounts.count
        func row(_ atoms: [Int]) -> [Int] {
            var row = [Int](repeating: 0, count: n)
            for atom in atoms { row[atom] = 1 }
            return row
        }
        let program = LinearProgram(variables: n, equalities: published.map { (row($0.0), $0.1) },
                                    lowerBounds: nonEmpty.map { (row($0), 1) })
        let objective = row(target)
        guard let low = program.minimum(of: objective), let high = program.maximum(of: objective) else { return true }
        return low == high
    }
}
