/// Mann–Whitney U test (Wilcoxon rank-sum) for two independent samples, normal approximation.
///
/// U₁ = R₁ − n₁(n₁ + 1)/2 where R₁ is the rank sum of the first sample (average ranks for ties).
/// With N = n₁ + n₂, μ = n₁n₂/2 and
/// σ² = n₁n₂/12 · ((N + 1) − Σ(t³ − t)/(N(N − 1))),
/// z = (U₁ − μ − ½·sign(U₁ − μ)) / σ (continuity correction) and p = 2·(1 − Φ(|z|)), capped at 1.
/// Matches scipy `mannwhitneyu(method="asymptotic", use_continuity=True)` and
/// R `wilcox.test(exact = FALSE, correct = TRUE)`.
public struct MannWhitneyU: Sendable, Equatable, Hashable {
    /// U statistic of the first sample: the number of pairs (x, y) with x > y, ties counted ½.
    public let u: Double
    /// U statistic of the second sample, n₁n₂ − U₁.
    public let uSecond: Double
    /// Size of the first sample (NaN values removed).
    public let n1: Int
    /// Size of the second sample (NaN values removed).
    public let n2: Int
    /// Continuity-corrected z; its sign is positive when the first sample tends to be larger.
    public let z: Double
    /// Two-sided p-value from the normal approximation.
    public let pValue: Double
    /// Effect size r = |z| / √N (z with continuity correction).
    public let effectSizeR: Double
    /// Rank-biserial correlation (U₁ − U₂)/(n₁n₂) = 2U₁/(n₁n₂) − 1, in [−1, 1];
    /// positive when the first sample tends to be larger.
    public let rankBiserial: Double

    /// Common-language effect size U₁/(n₁n₂): P(X > Y) + ½·P(X = Y).
    public var commonLanguageEffectSize: Double { u / (Double(n1) * Double(n2)) }

    /// Runs the test; nil if either sample is empty after removing NaN values.
    ///
    /// When every observation is tied (σ = 0) the test is uninformative: z = 0 and p = 1.
    public init?(_ first: [Double], _ second: [Double]) {
        let x = first.filter { !$0.isNaN }
        let y = second.filter { !$0.isNaN }
        guard !x.isEmpty, !y.isEmpty else { return nil }
        let ranked = AverageRanks(x + y)
        let n1d = Double(x.count)
        let n2d = Double(y.count)
        let n = n1d + n2d
        let r1 = ranked.ranks[0..<x.count].reduce(0, +)
        let u1 = r1 - n1d * (n1d + 1) / 2
        let product = n1d * n2d
        let mu = product / 2
        let variance = product / 12 * ((n + 1) - ranked.tieSum / (n * (n - 1)))
        var z = 0.0
        if variance > 0 {
            let diff = u1 - mu
            let correction = diff > 0 ? 0.5 : (diff < 0 ? -0.5 : 0)
            z = (diff - correction) / variance.squareRoot()
        }
        self.u = u1
        self.uSecond = product - u1
        self.n1 = x.count
        self.n2 = y.count
        self.z = z
        self.pValue = StandardNormal.twoSidedPValue(z)
        self.effectSizeR = abs(z) / n.squareRoot()
        self.rankBiserial = 2 * u1 / product - 1
    }
}
