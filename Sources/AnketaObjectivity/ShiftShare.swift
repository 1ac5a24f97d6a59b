import AnketaStats

/// The share of students with one ``MarkShift``, with its Wilson 95 % interval.
public struct ShiftShare: Sendable, Equatable {
    public var count: Int
    public var total: Int
    /// count / total, in [0, 1].
    public var share: Double { Double(count) / Double(total) }
    /// Wilson score interval (no continuity correction), in [0, 1].
    public var lower: Double
    public var upper: Double

    /// Nil when total is zero.
    public init?(count: Int, total: Int, confidence: Double = 0.95) {
        guard let interval = WilsonInterval(successes: count, trials: total, confidence: confidence) else { return nil }
        self.count = count
        self.total = total
        lower = interval.lower
        upper = interval.upper
    }
}
