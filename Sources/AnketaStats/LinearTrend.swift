/// Ordinary least squares of y on x (one predictor) with the t-test of the slope: a linear trend of
/// respondents' scores over waves (x = the wave's index 0, 1, 2, …).
///
/// slope b = Sxy/Sxx, intercept a = ȳ − b·x̄, residual variance s² = SSE/(n − 2),
/// SE(b) = s/√Sxx, t = b/SE(b) with n − 2 degrees of freedom, two-sided p. Matches
/// `scipy.stats.linregress`. It can be computed from raw pairs or, exactly, from the n, mean and
/// SD of y in each group of equal x (the summaries a wave keeps), since
/// SSE = Σ(nᵢ − 1)sᵢ² + Σnᵢ(ȳᵢ − a − b·xᵢ)².
///
/// ```swift
/// let trend = LinearTrend(x: [0, 0, 1, 1, 2, 2], y: [50, 60, 55, 65, 70, 75])!
/// trend.slope   // 8.75 points per wave
/// ```
public struct LinearTrend: Sendable, Equatable {
    public let slope: Double
    public let intercept: Double
    public let standardError: Double
    public let t: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    /// 95 % confidence interval of the slope.
    public let lower: Double
    public let upper: Double
    public let n: Int

    /// One group of observations with the same x: its size, mean and sample SD of y.
    public struct Group: Sendable, Equatable {
        public var x: Double
        public var n: Int
        public var mean: Double
        public var standardDeviation: Double

        public init(x: Double, n: Int, mean: Double, standardDeviation: Double) {
            self.x = x
            self.n = n
            self.mean = mean
            self.standardDeviation = standardDeviation
        }
    }

    /// From raw pairs; `nil` with fewer than three pairs, unequal lengths or x without variation.
    public init?(x: [Double], y: [Double]) {
        guard x.count == y.count else { return nil }
        var groups: [Double: [Double]] = [:]
        for (xi, yi) in zip(x, y) { groups[xi, default: []].append(yi) }
        self.init(groups: groups.map { key, values in
            let moments = RunningMoments(values)
            return Group(x: key, n: values.count, mean: moments.mean ?? 0, standardDeviation: moments.standardDeviation ?? 0)
        })
    }

    /// From group summaries (n, mean, SD of y at each x); groups with n = 0 are ignored. `nil` with
    /// fewer than three observations, x without variation, or non-finite input.
    public init?(groups: [Group]) {
        let groups = groups.filter { $0.n > 0 }
        let n = groups.reduce(0) { $0 + $1.n }
        guard n >= 3, groups.allSatisfy({ $0.x.isFinite && $0.mean.isFinite && ($0.standardDeviation.isFinite || $0.n == 1) }) else { return nil }
        let total = Double(n)
        let meanX = groups.reduce(0.0) { $0 + Double($1.n) * $1.x } / total
        let meanY = groups.reduce(0.0) { $0 + Double($1.n) * $1.mean } / total
        var sxx = 0.0, sxy = 0.0, within = 0.0
        for group in groups {
            let w = Double(group.n)
            sxx += w * (group.x - meanX) * (group.x - meanX)
            sxy += w * (group.x - meanX) * (group.mean - meanY)
            if group.n > 1 { within += Double(group.n - 1) * group.standardDeviation * group.standardDeviation }
        }
        guard sxx > 0 else { return nil }
        let b = sxy / sxx
        let a = meanY - b * meanX
        var sse = within
        for group in groups {
            let residual = group.mean - a - b * group.x
            sse += Double(group.n) * residual * residual
        }
        let df = n - 2
        let se = (max(0, sse) / Double(df) / sxx).squareRoot()
        slope = b
        intercept = a
        standardError = se
        degreesOfFreedom = df
        self.n = n
        if se > 0 {
            t = b / se
            pValue = StudentT.twoSidedPValue(t, degreesOfFreedom: Double(df))
        } else {
            // A perfect line: the slope is certain (or zero).
            t = b == 0 ? 0 : (b > 0 ? .infinity : -.infinity)
            pValue = b == 0 ? 1 : 0
        }
        let critical = StudentT.criticalValue(confidence: 0.95, degreesOfFreedom: Double(df))
        lower = b - critical * se
        upper = b + critical * se
    }
}
