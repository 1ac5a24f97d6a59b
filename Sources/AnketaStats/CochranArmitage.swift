/// The Cochran–Armitage test for a linear trend in proportions across ordered groups (waves).
///
/// With successes xᵢ of nᵢ trials at scores tᵢ (default 0, 1, 2, …), N = Σnᵢ, X = Σxᵢ, p̄ = X/N:
/// T = Σ tᵢ(xᵢ − nᵢp̄), Var(T) = p̄(1 − p̄)·(Σnᵢtᵢ² − (Σnᵢtᵢ)²/N), z = T/√Var(T), p two-sided
/// from the standard normal (Agresti, *Categorical Data Analysis*, 2nd ed., §5.3.5). This is the
/// score test of the slope in a linear probability model; `statsmodels`'
/// `Table(...).test_ordinal_association()` (the linear-by-linear association test) gives the same
/// z multiplied by √((N − 1)/N).
///
/// ```swift
/// let test = CochranArmitage(successes: [61, 70, 80], trials: [100, 100, 100])!
/// test.pValue   // small: the share rises across the three waves
/// ```
public struct CochranArmitage: Sendable, Equatable {
    public let z: Double
    /// z², the χ² statistic with 1 degree of freedom.
    public var statistic: Double { z * z }
    public let pValue: Double
    /// The slope of the least-squares line through the proportions (per unit of score), weighted
    /// by trials: the change of the share per wave.
    public let slope: Double

    /// `nil` with fewer than two groups with trials, a negative count, or no variation (all
    /// successes or none, or every trial at one score).
    public init?(successes: [Int], trials: [Int], scores: [Double]? = nil) {
        guard successes.count == trials.count, successes.count >= 2 else { return nil }
        let t = scores ?? successes.indices.map(Double.init)
        guard t.count == successes.count else { return nil }
        var n = 0.0, x = 0.0, sumNT = 0.0, sumNT2 = 0.0
        for i in successes.indices {
            guard trials[i] >= 0, successes[i] >= 0, successes[i] <= trials[i], t[i].isFinite else { return nil }
            n += Double(trials[i]); x += Double(successes[i])
            sumNT += Double(trials[i]) * t[i]; sumNT2 += Double(trials[i]) * t[i] * t[i]
        }
        guard n > 0 else { return nil }
        let p = x / n
        let sxx = sumNT2 - sumNT * sumNT / n
        let variance = p * (1 - p) * sxx
        guard variance > 0 else { return nil }
        var statistic = 0.0
        for i in successes.indices { statistic += t[i] * (Double(successes[i]) - Double(trials[i]) * p) }
        z = statistic / variance.squareRoot()
        pValue = StandardNormal.twoSidedPValue(z)
        slope = statistic / sxx
    }
}
