#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Spearman's rank correlation of paired observations, with a Fisher-z confidence interval.
///
/// ρ is Pearson's r of the average ranks (ties share the mean rank), so it matches
/// scipy `stats.spearmanr(x, y).statistic` and R `cor(x, y, method = "spearman")`.
/// The p-value uses t = ρ·√((n − 2)/(1 − ρ²)) with n − 2 degrees of freedom, as scipy does.
/// The interval transforms z = atanh(ρ), takes z ± z₁₋α/₂·σ with σ = 1/√(n − 3) and maps back
/// with tanh (Fisher's approximation as used for Spearman's ρ by Fieller, Hartley & Pearson 1957
/// without their 1.06 factor; it is the common textbook choice and what
/// `scipy.stats.pearsonr(rank(x), rank(y)).confidence_interval()` gives).
///
/// ```swift
/// let rho = SpearmanCorrelation([3, 4, 5, 4], [2, 4, 5, 3])   // ρ ≈ 0.95
/// ```
public struct SpearmanCorrelation: Sendable, Equatable, Hashable {
    /// Number of pairs used (pairs with a NaN removed).
    public let n: Int
    /// Spearman's ρ in [−1, 1].
    public let rho: Double
    /// Two-sided p-value of H₀: ρ = 0 (t approximation); 0 when |ρ| = 1.
    public let pValue: Double
    /// Lower bound of the confidence interval; nil when n ≤ 3.
    public let lower: Double?
    /// Upper bound of the confidence interval; nil when n ≤ 3.
    public let upper: Double?
    /// Confidence level of the interval.
    public let confidence: Double

    /// Computes ρ; nil when fewer than 3 complete pairs remain or either variable is constant
    /// (ρ is undefined), or the two arrays differ in length.
    public init?(_ x: [Double], _ y: [Double], confidence: Double = 0.95) {
        guard x.count == y.count, confidence > 0, confidence < 1 else { return nil }
        var xs: [Double] = [], ys: [Double] = []
        for (a, b) in zip(x, y) where !a.isNaN && !b.isNaN {
            xs.append(a)
            ys.append(b)
        }
        guard xs.count >= 3 else { return nil }
        let rx = AverageRanks(xs).ranks, ry = AverageRanks(ys).ranks
        let count = Double(xs.count)
        let mx = rx.reduce(0, +) / count, my = ry.reduce(0, +) / count
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for i in rx.indices {
            let dx = rx[i] - mx, dy = ry[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        let r = Swift.max(-1, Swift.min(1, sxy / (sxx * syy).squareRoot()))
        self.n = xs.count
        self.rho = r
        self.confidence = confidence
        let df = count - 2
        if abs(r) >= 1 {
            pValue = 0
        } else {
            let t = r * (df / ((1 - r) * (1 + r))).squareRoot()
            pValue = StudentT.twoSidedPValue(t, degreesOfFreedom: df)
        }
        if xs.count > 3 {
            let z = atanh(Swift.min(Swift.max(r, -0.9999999999999999), 0.9999999999999999))
            let half = StandardNormal.criticalValue(confidence: confidence) / (count - 3).squareRoot()
            lower = tanh(z - half)
            upper = tanh(z + half)
        } else {
            lower = nil
            upper = nil
        }
    }
}
