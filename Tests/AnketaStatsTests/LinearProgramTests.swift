import AnketaStats
import Testing

@Suite("Exact fractions and the exact linear program")
struct LinearProgramTests {
    @Test func fractionsAreExact() throws {
        let third = try #require(ExactFraction(1, 3))
        #expect(third.adding(third)?.adding(third) == .one)
        #expect(ExactFraction(6, -4) == ExactFraction(-3, 2))
        #expect(ExactFraction(1, 0) == nil)
        #expect(try #require(ExactFraction(2, 3)) < #require(ExactFraction(3, 4)))
        #expect(ExactFraction(Int.max).adding(.one) == nil)          // overflow is reported, not trapped
        #expect(third.divided(by: .zero) == nil)
    }

    @Test func textbookProgram() {
        // max 3x + 5y s.t. x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 (slacks s₁..s₃): optimum 36 at (2, 6) — Hillier & Lieberman's Wyndor example.
        let lp = LinearProgram(variables: 5, equalities: [([1, 0, 1, 0, 0], 4), ([0, 2, 0, 1, 0], 12), ([3, 2, 0, 0, 1], 18)])
        #expect(lp.maximum(of: [3, 5, 0, 0, 0]) == ExactFraction(36))
        #expect(lp.minimum(of: [3, 5, 0, 0, 0]) == .zero)
        #expect(lp.maximum(of: [1, 0, 0, 0, 0]) == ExactFraction(4))
    }

    @Test func boundsAndInfeasibility() {
        // x + y = 2 with x ≥ 1, y ≥ 1: both are exactly 1.
        let tight = LinearProgram(variables: 2, equalities: [([1, 1], 2)], lowerBounds: [([1, 0], 1), ([0, 1], 1)])
        #expect(tight.minimum(of: [1, 0]) == .one && tight.maximum(of: [1, 0]) == .one)
        // x + y + z = 4, each ≥ 1: x in [1, 2].
        let loose = LinearProgram(variables: 3, equalities: [([1, 1, 1], 4)], lowerBounds: [([1, 0, 0], 1), ([0, 1, 0], 1), ([0, 0, 1], 1)])
        #expect(loose.minimum(of: [1, 0, 0]) == .one && loose.maximum(of: [1, 0, 0]) == ExactFraction(2))
        #expect(LinearProgram(variables: 2, equalities: [([1, 1], 1)], lowerBounds: [([1, 1], 2)]).minimize([1, 0]) == .infeasible)
        #expect(LinearProgram(variables: 2, equalities: [([1, -1], 0)]).maximize([1, 0]) == .unbounded)
        // A redundant row (the total repeated) is harmless.
        let redundant = LinearProgram(variables: 2, equalities: [([1, 1], 5), ([1, 1], 5), ([1, 0], 2)])
        #expect(redundant.maximum(of: [0, 1]) == ExactFraction(3))
    }

    /// Nested (laminar) sums, as group tables are: the exact LP range equals the range found by
    /// enumerating every integer table — 300 seeded systems.
    @Test func rangesMatchEnumerationOnNestedTables() {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<300 {
            let n = 2 + next(3)                                // 2–4 atoms
            let truth = (0..<n).map { _ in next(4) }
            // Published: the total, a random prefix sum (nested), and a random single atom or not.
            var rows: [([Int], Int)] = [(Array(repeating: 1, count: n), truth.reduce(0, +))]
            let prefix = 1 + next(n)
            rows.append(((0..<n).map { $0 < prefix ? 1 : 0 }, truth.prefix(prefix).reduce(0, +)))
            if next(2) == 0 {
                let atom = next(n)
                rows.append(((0..<n).map { $0 == atom ? 1 : 0 }, truth[atom]))
            }
            let nonEmpty = (0..<n).filter { truth[$0] > 0 && next(2) == 0 }
            let lp = LinearProgram(variables: n, equalities: rows,
                                   lowerBounds: nonEmpty.map { atom in ((0..<n).map { $0 == atom ? 1 : 0 }, 1) })
            // Every integer table with entries 0...total.
            let total = truth.reduce(0, +)
            var low = Int.max, high = Int.min
            var table = [Int](repeating: 0, count: n)
            func visit(_ index: Int) {
                if index == n {
                    guard rows.allSatisfy({ row in zip(row.0, table).map { $0 * $1 }.reduce(0, +) == row.1 }),
                          nonEmpty.allSatisfy({ table[$0] >= 1 }) else { return }
                    low = min(low, table[0]); high = max(high, table[0])
                    return
                }
                for value in 0...total { table[index] = value; visit(index + 1) }
            }
            visit(0)
            var objective = [Int](repeating: 0, count: n)
            objective[0] = 1
            #expect(lp.minimum(of: objective) == ExactFraction(low), "\(truth) \(rows)")
            #expect(lp.maximum(of: objective) == ExactFraction(high), "\(truth) \(rows)")
        }
    }
}
