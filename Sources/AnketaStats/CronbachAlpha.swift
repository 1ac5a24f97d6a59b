/// Cronbach's alpha internal-consistency coefficient, computed on complete cases (listwise deletion).
///
/// For k items and the n respondents who answered all of them:
/// α = k/(k − 1) · (1 − Σ s²ᵢ / s²ₜ), where s²ᵢ is the sample variance of item i and
/// s²ₜ the sample variance of the row totals. Use ``compute(_:)``.
public struct CronbachAlpha: Sendable, Equatable, Hashable {
    /// The coefficient α (can be negative when items correlate negatively).
    public let alpha: Double
    /// Standardized alpha k·r̄ / (1 + (k − 1)·r̄) from the mean inter-item Pearson correlation r̄;
    /// nil when some item has zero variance among the complete cases.
    public let standardizedAlpha: Double?
    /// Number of complete cases (respondents) used.
    public let casesUsed: Int
    /// Number of rows dropped because at least one item was missing.
    public let casesDropped: Int
    /// Number of items k.
    public let itemCount: Int

    /// Why alpha could not be computed.
    public enum Unavailable: Sendable, Equatable, Hashable {
        /// Fewer than two items (columns).
        case fewerThanTwoItems(itemCount: Int)
        /// Fewer than two rows with every item answered.
        case fewerThanTwoCompleteCases(completeCases: Int)
        /// The row totals do not vary, so α is undefined.
        case zeroTotalVariance
    }

    /// Result of ``CronbachAlpha/compute(_:)``: a value or the reason there is none.
    public enum Outcome: Sendable, Equatable, Hashable {
        /// Alpha was computed.
        case computed(CronbachAlpha)
        /// Alpha is undefined for this input.
        case unavailable(Unavailable)

        /// The computed result, or nil.
        public var value: CronbachAlpha? {
            if case .computed(let a) = self { return a }
            return nil
        }
    }

    /// Computes alpha from rows = respondents, columns = items; nil or NaN entries count as missing.
    ///
    /// The number of items is the length of the longest row; a shorter row is
    /// treated as missing its trailing items and is therefore dropped.
    public static func compute(_ rows: [[Double?]]) -> Outcome {
        let k = rows.reduce(0) { Swift.max($0, $1.count) }
        guard k >= 2 else { return .unavailable(.fewerThanTwoItems(itemCount: k)) }
        var complete: [[Double]] = []
        for row in rows where row.count == k {
            var values: [Double] = []
            values.reserveCapacity(k)
            for cell in row {
                guard let v = cell, !v.isNaN else { break }
                values.append(v)
            }
            if values.count == k { complete.append(values) }
        }
        let n = complete.count
        guard n >= 2 else { return .unavailable(.fewerThanTwoCompleteCases(completeCases: n)) }

        var items = [RunningMoments](repeating: RunningMoments(), count: k)
        var totals = RunningMoments()
        for row in complete {
            for (i, v) in row.enumerated() { items[i].add(v) }
            totals.add(row.reduce(0, +))
        }
        let itemVariances = items.map { $0.variance ?? 0 }
        let totalVariance = totals.variance ?? 0
        guard totalVariance > 0, totalVariance.isFinite else { return .unavailable(.zeroTotalVariance) }
        let kd = Double(k)
        let alpha = kd / (kd - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)

        var standardized: Double?
        if itemVariances.allSatisfy({ $0 > 0 }) {
            let means = items.map { $0.mean ?? 0 }
            var correlationSum = 0.0
            for i in 0..<k {
                for j in (i + 1)..<k {
                    var covariance = 0.0
                    for row in complete { covariance += (row[i] - means[i]) * (row[j] - means[j]) }
                    covariance /= Double(n - 1)
                    correlationSum += covariance / (itemVariances[i] * itemVariances[j]).squareRoot()
                }
            }
            let meanR = correlationSum / (kd * (kd - 1) / 2)
            let denominator = 1 + (kd - 1) * meanR
            if denominator != 0 { standardized = kd * meanR / denominator }
        }
        return .computed(CronbachAlpha(
            alpha: alpha, standardizedAlpha: standardized, casesUsed: n,
            casesDropped: rows.count - n, itemCount: k))
    }
}
