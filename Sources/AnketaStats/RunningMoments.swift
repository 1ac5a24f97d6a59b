/// Streaming accumulator of count, mean, variance, minimum and maximum (Welford's algorithm).
///
/// Values are added one at a time; two accumulators can be combined with
/// ``merge(_:)`` (Chan, Golub & LeVeque's pairwise update), so partial results
/// computed over chunks of a data set give the same moments as one pass.
/// NaN values are ignored (not counted).
public struct RunningMoments: Sendable, Equatable, Hashable {
    /// Number of values added.
    public var count: Int { storedCount }
    @usableFromInline var storedCount: Int = 0
    // Inlinable storage: `add(_:)` runs for every answer of a streamed wave and is inlined into the tallies.
    @usableFromInline var runningMean: Double = 0
    /// Sum of squared deviations from the mean, M2 = Σ(x − x̄)².
    public var sumOfSquaredDeviations: Double { storedSquaredDeviations }
    @usableFromInline var storedSquaredDeviations: Double = 0
    @usableFromInline var runningMin: Double = .infinity
    @usableFromInline var runningMax: Double = -.infinity

    /// Creates an empty accumulator.
    public init() {}

    /// Creates an accumulator holding the given values.
    public init<S: Sequence>(_ values: S) where S.Element == Double {
        add(contentsOf: values)
    }

    /// Adds one value (NaN is ignored).
    @inlinable
    public mutating func add(_ x: Double) {
        guard !x.isNaN else { return }
        storedCount += 1
        let delta = x - runningMean
        runningMean += delta / Double(storedCount)
        storedSquaredDeviations += delta * (x - runningMean)
        if x < runningMin { runningMin = x }
        if x > runningMax { runningMax = x }
    }

    /// Adds every value of a sequence.
    public mutating func add<S: Sequence>(contentsOf values: S) where S.Element == Double {
        for x in values { add(x) }
    }

    /// Folds another accumulator into this one (Chan et al.): the result equals one pass over both data sets.
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let nA = Double(count)
        let nB = Double(other.count)
        let n = nA + nB
        let delta = other.runningMean - runningMean
        runningMean += delta * nB / n
        storedSquaredDeviations += other.storedSquaredDeviations + delta * delta * nA * nB / n
        storedCount += other.storedCount
        runningMin = Swift.min(runningMin, other.runningMin)
        runningMax = Swift.max(runningMax, other.runningMax)
    }

    /// Returns the combination of this accumulator and another one.
    public func merging(_ other: RunningMoments) -> RunningMoments {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Arithmetic mean, or nil when empty.
    public var mean: Double? { count > 0 ? runningMean : nil }

    /// Sample variance M2 / (n − 1), or nil when fewer than two values.
    public var variance: Double? { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : nil }

    /// Population variance M2 / n, or nil when empty.
    public var populationVariance: Double? { count > 0 ? sumOfSquaredDeviations / Double(count) : nil }

    /// Sample standard deviation √(M2 / (n − 1)), or nil when fewer than two values.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// Smallest value, or nil when empty.
    public var min: Double? { count > 0 ? runningMin : nil }

    /// Largest value, or nil when empty.
    public var max: Double? { count > 0 ? runningMax : nil }
}
