import AnketaAnalysis
import AnketaStats

/// Summary statistics of the rest of a population, and Welch's test of a part against the rest,
/// from n, mean and SD alone (no raw scores): the municipal comparisons stream.
enum ScoreMomentsArithmetic {
    /// n, mean and sample SD.
    struct Moments: Equatable {
        var n: Int
        var mean: Double
        var standardDeviation: Double
    }

    static func moments(_ scores: ScoreMoments) -> Moments? {
        guard let mean = scores.mean else { return nil }
        return Moments(n: scores.n, mean: mean, standardDeviation: scores.standardDeviation ?? 0)
    }

    /// The moments of `whole` without `part` (a school out of the municipality): n = N − n₁,
    /// mean = (N·M − n₁·m₁)/n, and the sum of squared deviations by the parallel-axis rule,
    /// SS = SS_N − SS₁ − n₁(m₁ − M)² − n(m − M)². `nil` when the rest has fewer than two scores.
    static func subtract(_ part: Moments, from whole: Moments) -> Moments? {
        let n = whole.n - part.n
        guard n >= 2 else { return nil }
        let m = whole.mean, m1 = part.mean
        let mean = (Double(whole.n) * m - Double(part.n) * m1) / Double(n)
        let ssWhole = Double(whole.n - 1) * whole.standardDeviation * whole.standardDeviation
        let ssPart = Double(max(part.n - 1, 0)) * part.standardDeviation * part.standardDeviation
        let ss = ssWhole - ssPart - Double(part.n) * (m1 - m) * (m1 - m) - Double(n) * (mean - m) * (mean - m)
        return Moments(n: n, mean: mean, standardDeviation: (max(ss, 0) / Double(n - 1)).squareRoot())
    }

    /// Welch's test of `part` against `whole` without it.
    static func partAgainstRest(_ part: ScoreMoments, whole: ScoreMoments) -> WelchTTest? {
        guard let own = moments(part), let all = moments(whole), let rest = subtract(own, from: all) else { return nil }
        return WelchTTest(n1: own.n, mean1: own.mean, sd1: own.standardDeviation, n2: rest.n, mean2: rest.mean, sd2: rest.standardDeviation)
    }
}
