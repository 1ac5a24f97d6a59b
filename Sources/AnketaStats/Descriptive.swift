/// Descriptive statistics on arrays: mean, sample SD, median, type-7 quantiles, quartiles.
///
/// Every function returns nil for empty input (or too little input for the
/// statistic). NaN values are skipped.
public enum Descriptive {
    /// Arithmetic mean, or nil when there are no values.
    public static func mean(_ values: [Double]) -> Double? {
        RunningMoments(values).mean
    }

    /// Sample variance with denominator n − 1, or nil for fewer than two values.
    public static func variance(_ values: [Double]) -> Double? {
        RunningMoments(values).variance
    }

    /// Sample standard deviation with denominator n − 1, or nil for fewer than two values.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        RunningMoments(values).standardDeviation
    }

    /// Median (the type-7 quantile at p = 0.5), or nil when there are no values.
    public static func median(_ values: [Double]) -> Double? {
        quantile(values, 0.5)
    }

    /// Quantile at probability p ∈ [0, 1] by linear interpolation (Hyndman–Fan type 7, the R and numpy default).
    ///
    /// With the n sorted values x₁ ≤ … ≤ xₙ, h = (n − 1)·p, j = ⌊h⌋:
    /// Q(p) = x₍ⱼ₊₁₎ + (h − j)·(x₍ⱼ₊₂₎ − x₍ⱼ₊₁₎). Returns nil for empty input or p outside [0, 1].
    public static func quantile(_ values: [Double], _ p: Double) -> Double? {
        quantiles(values, [p])?.first
    }

    /// Several type-7 quantiles, sorting the data once; nil if the data are empty or any p is outside [0, 1].
    public static func quantiles(_ values: [Double], _ probabilities: [Double]) -> [Double]? {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        var result: [Double] = []
        result.reserveCapacity(probabilities.count)
        for p in probabilities {
            guard p >= 0, p <= 1 else { return nil }
            result.append(sortedQuantile(sorted, p))
        }
        return result
    }

    /// Type-7 quantile of already sorted, non-empty data.
    static func sortedQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let j = Int(h.rounded(.down))
        let fraction = h - Double(j)
        let lower = sorted[j]
        guard j + 1 < sorted.count, fraction > 0 else { return lower }
        return lower + fraction * (sorted[j + 1] - lower)
    }

    /// First quartile, median and third quartile (type 7), or nil when there are no values.
    public static func quartiles(_ values: [Double]) -> Quartiles? {
        guard let q = quantiles(values, [0.25, 0.5, 0.75]) else { return nil }
        return Quartiles(q1: q[0], median: q[1], q3: q[2])
    }
}

/// The three quartiles of a sample (type-7 quantiles at 0.25, 0.5, 0.75).
public struct Quartiles: Sendable, Equatable, Hashable {
    /// 25th percentile.
    public let q1: Double
    /// 50th percentile.
    public let median: Double
    /// 75th percentile.
    public let q3: Double

    /// Creates quartiles from their three values.
    public init(q1: Double, median: Double, q3: Double) {
        self.q1 = q1
        self.median = median
        self.q3 = q3
    }

    /// Interquartile range q3 − q1.
    public var interquartileRange: Double { q3 - q1 }
}
