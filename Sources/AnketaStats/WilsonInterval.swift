/// Wilson score confidence interval for a binomial proportion (no continuity correction).
///
/// With p̂ = x/n and critical value z:
/// centre = (p̂ + z²/(2n)) / (1 + z²/n),
/// half-width = z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²)).
/// Matches R `prop.test(x, n, correct = FALSE)$conf.int`.
public struct WilsonInterval: Sendable, Equatable, Hashable {
    /// Number of successes x.
    public let successes: Int
    /// Number of trials n.
    public let trials: Int
    /// Critical value z used (1.959964 for 95%).
    public let z: Double
    /// Lower bound of the interval.
    public let lower: Double
    /// Upper bound of the interval.
    public let upper: Double

    /// Point estimate p̂ = x / n.
    public var proportion: Double { Double(successes) / Double(trials) }

    /// Interval for a two-sided confidence level (default 95%); nil if n ≤ 0, x ∉ [0, n] or the level ∉ (0, 1).
    public init?(successes: Int, trials: Int, confidence: Double = 0.95) {
        guard confidence > 0, confidence < 1 else { return nil }
        self.init(successes: successes, trials: trials, z: StandardNormal.criticalValue(confidence: confidence))
    }

    /// Interval for an explicit critical value z > 0; nil if n ≤ 0 or x ∉ [0, n].
    public init?(successes: Int, trials: Int, z: Double) {
        guard trials > 0, successes >= 0, successes <= trials, z > 0, z.isFinite else { return nil }
        self.successes = successes
        self.trials = trials
        self.z = z
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        lower = Swift.max(0, centre - half)
        upper = Swift.min(1, centre + half)
    }
}
