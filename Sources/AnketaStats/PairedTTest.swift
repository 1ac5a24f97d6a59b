/// Paired t-test of the mean difference d = x − y, with a t confidence interval.
///
/// t = d̄ / (s_d/√n) with n − 1 degrees of freedom; the interval is d̄ ± t₁₋α/₂,ₙ₋₁·s_d/√n.
/// Matches scipy `stats.ttest_rel(x, y)` (statistic, pvalue, `confidence_interval()`)
/// and R `t.test(x, y, paired = TRUE)`.
///
/// ```swift
/// let test = PairedTTest(external, school)   // meanDifference < 0: external marks are lower
/// ```
public struct PairedTTest: Sendable, Equatable, Hashable {
    /// Number of complete pairs.
    public let n: Int
    /// Mean of x − y.
    public let meanDifference: Double
    /// Sample standard deviation of the differences (n − 1 in the denominator).
    public let standardDeviation: Double
    /// t statistic; 0 when all differences are equal to zero, ±∞ when they are equal and non-zero.
    public let t: Double
    /// Degrees of freedom n − 1.
    public let degreesOfFreedom: Double
    /// Two-sided p-value.
    public let pValue: Double
    /// Confidence interval of the mean difference.
    public let lower: Double
    public let upper: Double
    public let confidence: Double

    /// Runs the test on pairs (x[i], y[i]); pairs with a NaN are dropped. Nil with fewer than 2 pairs
    /// or arrays of different lengths.
    public init?(_ x: [Double], _ y: [Double], confidence: Double = 0.95) {
        guard x.count == y.count, confidence > 0, confidence < 1 else { return nil }
        let d = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }.map { $0.0 - $0.1 }
        guard d.count >= 2 else { return nil }
        let count = Double(d.count)
        let mean = d.reduce(0, +) / count
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1)
        let sd = variance.squareRoot()
        let se = sd / count.squareRoot()
        n = d.count
        meanDifference = mean
        standardDeviation = sd
        degreesOfFreedom = count - 1
        self.confidence = confidence
        if se > 0 {
            t = mean / se
            pValue = StudentT.twoSidedPValue(t, degreesOfFreedom: count - 1)
            let half = StudentT.criticalValue(confidence: confidence, degreesOfFreedom: count - 1) * se
            lower = mean - half
            upper = mean + half
        } else {
            t = mean == 0 ? 0 : (mean > 0 ? .infinity : -.infinity)
            pValue = mean == 0 ? 1 : 0
            lower = mean
            upper = mean
        }
    }
}
