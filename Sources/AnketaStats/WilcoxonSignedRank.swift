/// Wilcoxon signed-rank test of paired observations, normal approximation.
///
/// Differences d = x − y equal to zero are dropped (Wilcoxon's convention); the remaining |d| get
/// average ranks; W⁺ and W⁻ are the rank sums of positive and negative differences. With n
/// non-zero differences, μ = n(n + 1)/4 and σ² = n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48,
/// z = (W⁺ − μ)/σ without continuity correction and p = 2·(1 − Φ(|z|)).
/// Matches scipy `stats.wilcoxon(x, y, zero_method="wilcox", correction=False, method="approx")`
/// (its `statistic` is min(W⁺, W⁻)) and R `wilcox.test(x, y, paired = TRUE, exact = FALSE, correct = FALSE)`.
/// School marks take four values, so ties and zeros are the rule and the exact distribution does
/// not apply.
public struct WilcoxonSignedRank: Sendable, Equatable, Hashable {
    /// Number of non-zero differences used.
    public let n: Int
    /// Number of pairs with a zero difference (dropped).
    public let zeros: Int
    /// Rank sum of the positive differences.
    public let wPlus: Double
    /// Rank sum of the negative differences.
    public let wMinus: Double
    /// z of W⁺; negative when x tends to be smaller than y. 0 when σ = 0.
    public let z: Double
    /// Two-sided p-value; 1 when there is nothing to test.
    public let pValue: Double
    /// Matched-pairs rank-biserial correlation (W⁺ − W⁻)/(W⁺ + W⁻), in [−1, 1].
    public let rankBiserial: Double

    /// min(W⁺, W⁻), the statistic scipy reports.
    public var statistic: Double { Swift.min(wPlus, wMinus) }

    /// Runs the test; nil if the arrays differ in length or no non-zero difference remains.
    public init?(_ x: [Double], _ y: [Double]) {
        guard x.count == y.count else { return nil }
        let all = zip(x, y).filter { !$0.0.isNaN && !$0.1.isNaN }.map { $0.0 - $0.1 }
        let d = all.filter { $0 != 0 }
        guard !d.isEmpty else { return nil }
        let ranked = AverageRanks(d.map(abs))
        var plus = 0.0, minus = 0.0
        for (i, value) in d.enumerated() {
            if value > 0 { plus += ranked.ranks[i] } else { minus += ranked.ranks[i] }
        }
        let count = Double(d.count)
        let mu = count * (count + 1) / 4
        let variance = count * (count + 1) * (2 * count + 1) / 24 - ranked.tieSum / 48
        n = d.count
        zeros = all.count - d.count
        wPlus = plus
        wMinus = minus
        z = variance > 0 ? (plus - mu) / variance.squareRoot() : 0
        pValue = variance > 0 ? StandardNormal.twoSidedPValue(z) : 1
        rankBiserial = (plus - minus) / (plus + minus)
    }
}
