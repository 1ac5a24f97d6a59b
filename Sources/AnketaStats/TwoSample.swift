/// Difference of two independent proportions p₁ − p₂: Newcombe hybrid score CI and pooled z-test.
///
/// CI (Newcombe 1998, method 10), from the Wilson intervals [l₁, u₁] and [l₂, u₂]:
/// L = d − √((p₁ − l₁)² + (u₂ − p₂)²), U = d + √((u₁ − p₁)² + (p₂ − l₂)²), d = p₁ − p₂.
/// Test: p̄ = (x₁ + x₂)/(n₁ + n₂), z = d / √(p̄(1 − p̄)(1/n₁ + 1/n₂)), p = 2·(1 − Φ(|z|))
/// (no continuity correction; equals R `prop.test(correct = FALSE)`).
public struct ProportionDifference: Sendable, Equatable, Hashable {
    /// Successes in the first sample.
    public let successes1: Int
    /// Trials in the first sample.
    public let trials1: Int
    /// Successes in the second sample.
    public let successes2: Int
    /// Trials in the second sample.
    public let trials2: Int
    /// Difference d = p₁ − p₂.
    public let difference: Double
    /// Lower bound of the Newcombe interval for d.
    public let lower: Double
    /// Upper bound of the Newcombe interval for d.
    public let upper: Double
    /// Pooled two-proportion z statistic (0 when p̄ is 0 or 1).
    public let z: Double
    /// Two-sided p-value of the pooled z-test (1 when p̄ is 0 or 1).
    public let pValue: Double

    /// First proportion x₁/n₁.
    public var proportion1: Double { Double(successes1) / Double(trials1) }
    /// Second proportion x₂/n₂.
    public var proportion2: Double { Double(successes2) / Double(trials2) }

    /// Compares x₁/n₁ with x₂/n₂; nil if a sample has no trials, a count is out of range or the level ∉ (0, 1).
    public init?(successes1: Int, trials1: Int, successes2: Int, trials2: Int, confidence: Double = 0.95) {
        guard confidence > 0, confidence < 1,
              let w1 = WilsonInterval(successes: successes1, trials: trials1, confidence: confidence),
              let w2 = WilsonInterval(successes: successes2, trials: trials2, confidence: confidence)
        else { return nil }
        let p1 = w1.proportion
        let p2 = w2.proportion
        let d = p1 - p2
        self.successes1 = successes1
        self.trials1 = trials1
        self.successes2 = successes2
        self.trials2 = trials2
        self.difference = d
        let dl1 = p1 - w1.lower, du1 = w1.upper - p1
        let dl2 = p2 - w2.lower, du2 = w2.upper - p2
        self.lower = d - (dl1 * dl1 + du2 * du2).squareRoot()
        self.upper = d + (du1 * du1 + dl2 * dl2).squareRoot()
        let n1 = Double(trials1), n2 = Double(trials2)
        let pooled = (Double(successes1) + Double(successes2)) / (n1 + n2)
        let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        if se > 0 {
            self.z = d / se
            self.pValue = StandardNormal.twoSidedPValue(d / se)
        } else {
            self.z = 0
            self.pValue = 1
        }
    }
}

/// Welch's unequal-variance t-test for the difference of two means, from summary statistics.
///
/// With sample variances s²ᵢ and vᵢ = s²ᵢ/nᵢ: t = (x̄₁ − x̄₂)/√(v₁ + v₂),
/// df = (v₁ + v₂)² / (v₁²/(n₁ − 1) + v₂²/(n₂ − 1)) (Welch–Satterthwaite), p = P(|T_df| ≥ |t|),
/// CI = (x̄₁ − x̄₂) ± t_{df, 1−α/2} · √(v₁ + v₂).
/// Matches scipy `ttest_ind_from_stats(equal_var=False)` and R `t.test(var.equal = FALSE)`.
public struct WelchTTest: Sendable, Equatable, Hashable {
    /// Difference of means x̄₁ − x̄₂.
    public let difference: Double
    /// Standard error √(s²₁/n₁ + s²₂/n₂).
    public let standardError: Double
    /// t statistic.
    public let t: Double
    /// Welch–Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    /// Two-sided p-value.
    public let pValue: Double
    /// Lower bound of the confidence interval for the difference.
    public let lower: Double
    /// Upper bound of the confidence interval for the difference.
    public let upper: Double
    /// Confidence level of the interval.
    public let confidence: Double

    /// Runs the test from n, mean and sample SD (denominator n − 1) of each group.
    ///
    /// nil if a group has n < 2, an SD is negative or non-finite, a mean is non-finite,
    /// the level ∉ (0, 1), or both SDs are 0 (standard error 0).
    public init?(n1: Int, mean1: Double, sd1: Double, n2: Int, mean2: Double, sd2: Double,
                 confidence: Double = 0.95) {
        guard n1 >= 2, n2 >= 2, confidence > 0, confidence < 1,
              mean1.isFinite, mean2.isFinite, sd1 >= 0, sd2 >= 0, sd1.isFinite, sd2.isFinite
        else { return nil }
        let v1 = sd1 * sd1 / Double(n1)
        let v2 = sd2 * sd2 / Double(n2)
        let se = (v1 + v2).squareRoot()
        guard se > 0 else { return nil }
        let df = (v1 + v2) * (v1 + v2) / (v1 * v1 / Double(n1 - 1) + v2 * v2 / Double(n2 - 1))
        let d = mean1 - mean2
        let t = d / se
        let critical = StudentT.criticalValue(confidence: confidence, degreesOfFreedom: df)
        self.difference = d
        self.standardError = se
        self.t = t
        self.degreesOfFreedom = df
        self.pValue = StudentT.twoSidedPValue(t, degreesOfFreedom: df)
        self.lower = d - critical * se
        self.upper = d + critical * se
        self.confidence = confidence
    }

    /// Runs the test from two streaming accumulators; nil under the same conditions as the summary initializer.
    public init?(_ first: RunningMoments, _ second: RunningMoments, confidence: Double = 0.95) {
        guard let m1 = first.mean, let s1 = first.standardDeviation,
              let m2 = second.mean, let s2 = second.standardDeviation else { return nil }
        self.init(n1: first.count, mean1: m1, sd1: s1, n2: second.count, mean2: m2, sd2: s2,
                  confidence: confidence)
    }
}
