/// Pearson chi-square test of independence on an r × c contingency table, without Yates' correction.
///
/// Rows and columns whose counts are all zero are dropped first. With row totals Rᵢ,
/// column totals Cⱼ and grand total N: Eᵢⱼ = RᵢCⱼ/N, χ² = Σ(Oᵢⱼ − Eᵢⱼ)²/Eᵢⱼ,
/// df = (r − 1)(c − 1), p = P(χ²_df > χ²), Cramér's V = √(χ² / (N·min(r − 1, c − 1))).
/// No continuity correction is applied, even for 2 × 2 tables (scipy
/// `chi2_contingency` applies Yates by default on 2 × 2; compare with `correction=False`).
public struct ChiSquareIndependence: Sendable, Equatable, Hashable {
    /// Pearson statistic χ².
    public let statistic: Double
    /// Degrees of freedom (r − 1)(c − 1) of the reduced table.
    public let degreesOfFreedom: Int
    /// p-value P(χ²_df > χ²).
    public let pValue: Double
    /// Cramér's V in [0, 1].
    public let cramersV: Double
    /// Grand total N.
    public let total: Double
    /// Expected counts of the reduced table (rows × columns).
    public let expected: [[Double]]
    /// Indices of the input rows kept (those with a non-zero total).
    public let keptRows: [Int]
    /// Indices of the input columns kept (those with a non-zero total).
    public let keptColumns: [Int]
    /// Share of expected counts below 5 in the reduced table.
    public let fractionExpectedBelowFive: Double

    /// True when more than 20% of the expected counts are below 5 (the approximation is doubtful).
    public var hasSparseExpectedCounts: Bool { fractionExpectedBelowFive > 0.2 }

    /// Runs the test on integer counts; nil if the table is ragged, has a negative count,
    /// or has fewer than two non-zero rows or columns.
    public init?(counts: [[Int]]) {
        self.init(counts: counts.map { $0.map(Double.init) })
    }

    /// Runs the test on (possibly weighted) non-negative counts; nil if the table is ragged,
    /// has a negative or non-finite count, or has fewer than two non-zero rows or columns.
    public init?(counts: [[Double]]) {
        guard let width = counts.first?.count, width > 0 else { return nil }
        for row in counts {
            guard row.count == width, row.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        }
        let rowTotals = counts.map { $0.reduce(0, +) }
        let columnTotals = (0..<width).map { j in counts.reduce(0) { $0 + $1[j] } }
        let rows = rowTotals.indices.filter { rowTotals[$0] > 0 }
        let columns = columnTotals.indices.filter { columnTotals[$0] > 0 }
        guard rows.count >= 2, columns.count >= 2 else { return nil }
        let n = rows.reduce(0) { $0 + rowTotals[$1] }

        var statistic = 0.0
        var expected: [[Double]] = []
        var below = 0
        for i in rows {
            var expectedRow: [Double] = []
            for j in columns {
                let e = rowTotals[i] * columnTotals[j] / n
                let d = counts[i][j] - e
                statistic += d * d / e
                if e < 5 { below += 1 }
                expectedRow.append(e)
            }
            expected.append(expectedRow)
        }
        let df = (rows.count - 1) * (columns.count - 1)
        let minDim = Double(Swift.min(rows.count, columns.count) - 1)
        self.statistic = statistic
        self.degreesOfFreedom = df
        self.pValue = ChiSquared.survival(statistic, degreesOfFreedom: Double(df))
        self.cramersV = Swift.min(1, (statistic / (n * minDim)).squareRoot())
        self.total = n
        self.expected = expected
        self.keptRows = rows
        self.keptColumns = columns
        self.fractionExpectedBelowFive = Double(below) / Double(rows.count * columns.count)
    }
}
