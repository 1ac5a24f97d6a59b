/// Kruskal–Wallis H test for k ≥ 2 independent groups, with tie correction.
///
/// With N observations, group sizes nᵢ and rank sums Rᵢ (average ranks):
/// H₀ = 12/(N(N + 1)) · Σ Rᵢ²/nᵢ − 3(N + 1), corrected H = H₀ / (1 − Σ(t³ − t)/(N³ − N)),
/// df = k − 1, p = P(χ²_df > H).
/// Effect sizes: ε² = H / ((N² − 1)/(N + 1)) = H/(N − 1) and η²_H = (H − k + 1)/(N − k).
/// Matches scipy `stats.kruskal` and R `kruskal.test`.
public struct KruskalWallis: Sendable, Equatable, Hashable {
    /// Tie-corrected statistic H.
    public let h: Double
    /// Degrees of freedom k − 1.
    public let degreesOfFreedom: Int
    /// p-value, the chi-square survival function at H.
    public let pValue: Double
    /// Total number of observations N.
    public let n: Int
    /// Number of non-empty groups k used.
    public let groupCount: Int
    /// Epsilon squared, H / ((N² − 1)/(N + 1)).
    public let epsilonSquared: Double
    /// Eta squared based on H, (H − k + 1)/(N − k); nil when N = k.
    public let etaSquared: Double?

    /// Runs the test. NaN values and then empty groups are removed; nil if fewer than two groups remain.
    ///
    /// When every observation is tied the statistic is undefined; this returns H = 0 and p = 1.
    public init?(_ groups: [[Double]]) {
        let cleaned = groups.map { $0.filter { !$0.isNaN } }.filter { !$0.isEmpty }
        guard cleaned.count >= 2 else { return nil }
        let all = cleaned.flatMap { $0 }
        let ranked = AverageRanks(all)
        let nd = Double(all.count)
        var sumTerm = 0.0
        var offset = 0
        for group in cleaned {
            let rankSum = ranked.ranks[offset..<(offset + group.count)].reduce(0, +)
            sumTerm += rankSum * rankSum / Double(group.count)
            offset += group.count
        }
        let h0 = 12 / (nd * (nd + 1)) * sumTerm - 3 * (nd + 1)
        let tieFactor = 1 - ranked.tieSum / (nd * nd * nd - nd)
        let h = tieFactor > 0 ? Swift.max(0, h0 / tieFactor) : 0
        let k = cleaned.count
        self.h = h
        self.degreesOfFreedom = k - 1
        self.pValue = tieFactor > 0 ? ChiSquared.survival(h, degreesOfFreedom: Double(k - 1)) : 1
        self.n = all.count
        self.groupCount = k
        self.epsilonSquared = h / ((nd * nd - 1) / (nd + 1))
        self.etaSquared = all.count > k ? (h - Double(k) + 1) / (nd - Double(k)) : nil
    }
}
