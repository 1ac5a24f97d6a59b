/// A small linear program solved exactly: the range of a linear function over
/// { x ≥ 0 : Aₑx = bₑ, Aₗx ≥ bₗ } with integer data, by the two-phase simplex method on
/// `ExactFraction`s with Bland's rule (no cycling, no rounding).
///
/// Used for disclosure control: a hidden count is *determined* by the published ones when its
/// minimum and its maximum over every table consistent with them coincide.
///
/// ```swift
/// // x + y = 5, x + z = 3: x ranges over [0, 3].
/// let lp = LinearProgram(variables: 3, equalities: [([1, 1, 0], 5), ([1, 0, 1], 3)])
/// lp.minimum(of: [1, 0, 0]) // 0
/// lp.maximum(of: [1, 0, 0]) // 3
/// ```
public struct LinearProgram: Sendable {
    public let variables: Int
    /// Rows (coefficients, right-hand side) of Aₑx = bₑ.
    public let equalities: [([Int], Int)]
    /// Rows of Aₗx ≥ bₗ.
    public let lowerBounds: [([Int], Int)]

    /// The outcome of optimising one objective.
    public enum Outcome: Sendable, Equatable {
        case optimal(ExactFraction)
        case infeasible
        case unbounded
        /// A number did not fit in `Int` (never seen on survey-sized tables).
        case overflow
    }

    public init(variables: Int, equalities: [([Int], Int)], lowerBounds: [([Int], Int)] = []) {
        self.variables = variables
        self.equalities = equalities
        self.lowerBounds = lowerBounds
    }

    /// min c·x.
    public func minimize(_ objective: [Int]) -> Outcome {
        var tableau = Tableau(program: self)
        return tableau.solve(objective)
    }

    /// max c·x.
    public func maximize(_ objective: [Int]) -> Outcome {
        switch minimize(objective.map { -$0 }) {
        case .optimal(let value): return .optimal(ExactFraction.zero.subtracting(value) ?? value)
        case let other: return other
        }
    }

    /// The smallest value of c·x, or nil when infeasible, unbounded or on overflow.
    public func minimum(of objective: [Int]) -> ExactFraction? {
        if case .optimal(let value) = minimize(objective) { return value }
        return nil
    }

    /// The largest value of c·x, or nil when infeasible, unbounded or on overflow.
    public func maximum(of objective: [Int]) -> ExactFraction? {
        if case .optimal(let value) = maximize(objective) { return value }
        return nil
    }
}

/// The dense simplex tableau in standard form: original variables, one surplus per ≥ row, one
/// artificial per row.
private struct Tableau {
    struct Overflow: Error {}

    var rows: [[ExactFraction]]
    var rhs: [ExactFraction]
    var basis: [Int]
    let structural: Int
    let total: Int

    init(program: LinearProgram) {
        let m = program.equalities.count + program.lowerBounds.count
        let surplus = program.lowerBounds.count
        structural = program.variables + surplus
        total = structural + m
        rows = []
        rhs = []
        basis = []
        let all = program.equalities.map { ($0.0, $0.1, false) } + program.lowerBounds.map { ($0.0, $0.1, true) }
        var surplusIndex = program.variables
        for (index, (coefficients, bound, isLower)) in all.enumerated() {
            var row = [ExactFraction](repeating: .zero, count: total)
            for (column, value) in coefficients.enumerated() where column < program.variables { row[column] = ExactFraction(value) }
            if isLower {
                row[surplusIndex] = ExactFraction(-1)
                surplusIndex += 1
            }
            var b = ExactFraction(bound)
            if bound < 0 {
                row = row.map { ExactFraction(-$0.numerator, $0.denominator) ?? $0 }
                b = ExactFraction(-bound)
            }
            row[structural + index] = .one
            rows.append(row)
            rhs.append(b)
            basis.append(structural + index)
        }
    }

    mutating func solve(_ objective: [Int]) -> LinearProgram.Outcome {
        do {
            // Phase 1: minimise the sum of artificials.
            var phase1 = [ExactFraction](repeating: .zero, count: total)
            for column in structural..<total { phase1[column] = .one }
            let feasibility = try optimize(phase1, allowed: total)
            guard let value = feasibility, value.isZero else { return feasibility == nil ? .unbounded : .infeasible }
            try driveOutArtificials()
            // Phase 2: the real objective over structural columns only.
            var cost = [ExactFraction](repeating: .zero, count: total)
            for (column, value) in objective.enumerated() where column < structural { cost[column] = ExactFraction(value) }
            guard let optimum = try optimize(cost, allowed: structural) else { return .unbounded }
            return .optimal(optimum)
        } catch {
            return .overflow
        }
    }

    /// Simplex iterations with Bland's rule; columns ≥ `allowed` never enter. Returns the optimum,
    /// or nil when unbounded.
    mutating func optimize(_ cost: [ExactFraction], allowed: Int) throws -> ExactFraction? {
        while true {
            // Reduced costs: c_j − c_B·B⁻¹A_j, read off the tableau (rows are already B⁻¹A).
            var entering: Int?
            for column in 0..<allowed where !basis.contains(column) {
                var reduced = cost[column]
                for (row, basic) in basis.enumerated() where !cost[basic].isZero && !rows[row][column].isZero {
                    reduced = try checked(reduced.subtracting(try checked(cost[basic].multiplied(by: rows[row][column]))))
                }
                if reduced.isNegative { entering = column; break }
            }
            guard let column = entering else {
                var value = ExactFraction.zero
                for (row, basic) in basis.enumerated() where !cost[basic].isZero {
                    value = try checked(value.adding(try checked(cost[basic].multiplied(by: rhs[row]))))
                }
                return value
            }
            var leaving: (row: Int, ratio: ExactFraction)?
            for row in rows.indices where rows[row][column].isPositive {
                let ratio = try checked(rhs[row].divided(by: rows[row][column]))
                if let best = leaving {
                    if ratio < best.ratio || (ratio == best.ratio && basis[row] < basis[best.row]) { leaving = (row, ratio) }
                } else {
                    leaving = (row, ratio)
                }
            }
            guard let pivotRow = leaving?.row else { return nil }
            try pivot(row: pivotRow, column: column)
        }
    }

    /// After phase 1, artificials still basic at zero are swapped for a structural column of their
    /// row, or their row is dropped as redundant.
    mutating func driveOutArtificials() throws {
        var row = 0
        while row < rows.count {
            if basis[row] >= structural {
                if let column = (0..<structural).first(where: { !rows[row][$0].isZero && !basis.contains($0) }) {
                    try pivot(row: row, column: column)
                } else {
                    rows.remove(at: row)
                    rhs.remove(at: row)
                    basis.remove(at: row)
                    continue
                }
            }
            row += 1
        }
    }

    mutating func pivot(row pivotRow: Int, column: Int) throws {
        let pivot = rows[pivotRow][column]
        if pivot != .one {
            for j in 0..<total where !rows[pivotRow][j].isZero { rows[pivotRow][j] = try checked(rows[pivotRow][j].divided(by: pivot)) }
            rhs[pivotRow] = try checked(rhs[pivotRow].divided(by: pivot))
        }
        for other in rows.indices where other != pivotRow {
            let factor = rows[other][column]
            guard !factor.isZero else { continue }
            for j in 0..<total where !rows[pivotRow][j].isZero {
                rows[other][j] = try checked(rows[other][j].subtracting(try checked(factor.multiplied(by: rows[pivotRow][j]))))
            }
            rhs[other] = try checked(rhs[other].subtracting(try checked(factor.multiplied(by: rhs[pivotRow]))))
        }
        basis[pivotRow] = column
    }

    func checked(_ value: ExactFraction?) throws -> ExactFraction {
        guard let value else { throw Overflow() }
        return value
    }
}
