/// Pearson's chi-square goodness-of-fit test: observed counts against expected proportions.
///
/// χ² = Σ (Oᵢ − Eᵢ)² / Eᵢ with Eᵢ = n·pᵢ, df = k − 1 over the categories with pᵢ > 0, as
/// `scipy.stats.chisquare(observed, f_exp=n * p)`. The proportions are rescaled to sum to 1.
/// The approximation is poor when an expected count is below 5 (`minExpected` says so).
///
/// ```swift
/// let test = ChiSquareGoodnessOfFit(observed: [3, 10, 12, 5], proportions: [0.1, 0.35, 0.4, 0.15])
/// test?.pValue   // 0,994…
/// ```
public struct ChiSquareGoodnessOfFit: Sendable, Equatable {
    public let n: Int
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// Expected counts, one per category (0 where the proportion is 0).
    public let expected: [Double]
    /// The smallest expected count among the categories tested.
    public let minExpected: Double

    /// Nil when the counts and proportions differ in length, there are no observations, fewer than
    /// two categories have a positive proportion, or an observation falls where the proportion is 0.
    public init?(observed: [Int], proportions: [Double]) {
        guard observed.count == proportions.count, proportions.allSatisfy({ $0 >= 0 && $0.isFinite }),
              observed.allSatisfy({ $0 >= 0 }) else { return nil }
        let total = proportions.reduce(0, +)
        let n = observed.reduce(0, +)
        guard total > 0, n > 0 else { return nil }
        let expected = proportions.map { Double(n) * $0 / total }
        var statistic = 0.0, categories = 0, minExpected = Double.infinity
        for (o, e) in zip(observed, expected) {
            if e == 0 {
                if o > 0 { return nil }
                continue
            }
            statistic += (Double(o) - e) * (Double(o) - e) / e
            categories += 1
            minExpected = min(minExpected, e)
        }
        guard categories >= 2 else { return nil }
        self.n = n
        self.statistic = statistic
        degreesOfFreedom = categories - 1
        pValue = ChiSquared.survival(statistic, degreesOfFreedom: Double(categories - 1))
        self.expected = expected
        self.minExpected = minExpected
    }
}
