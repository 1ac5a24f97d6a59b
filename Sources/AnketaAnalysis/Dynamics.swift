import AnketaCore
import AnketaStats

/// Change of every figure between an earlier and the current wave of the same questionnaire.
public struct Dynamics: Codable, Sendable, Equatable {
    public var previousWave: String
    public var currentWave: String
    public var indicators: [Change]
    public var questions: [Change]

    /// One figure's change with its 95 % interval and significance.
    public struct Change: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var previous: Double?
        public var current: Double?
        public var change: Double?
        /// 95 % interval of the change (percentage points for shares).
        public var interval: [Double]?
        public var p: Double?
        /// `welch_t` on respondents' scores, or `newcombe` / two-proportion z for shares of answers.
        public var test: String?
        /// «рост», «снижение» or «без значимых изменений»: only a significant change (p < 0.05) counts.
        public var direction: Direction
        /// Whether a significant change is an improvement (a rise, or a fall where lower is
        /// better); `nil` without a significant change.
        public var improvement: Bool? = nil

        public enum Direction: String, Codable, Sendable, Equatable {
            case up = "рост"
            case down = "снижение"
            case none = "без значимых изменений"
            case unknown = "нет данных"
        }
    }

    /// Compares two results of the same questionnaire.
    public init(previous: AnalysisResult, current: AnalysisResult) {
        previousWave = previous.wave
        currentWave = current.wave
        indicators = current.indicators.map { now in
            guard let before = previous.indicators.first(where: { $0.id == now.id }) else {
                return Change(id: now.id, title: now.title, previous: nil, current: now.figure, change: nil, interval: nil, p: nil, test: nil, direction: .unknown)
            }
            var change = now.method == .levelShare ? Dynamics.levelShareChange(before, now) : Dynamics.indicatorChange(before, now)
            if change.direction == .up || change.direction == .down {
                change.improvement = (change.direction == .up) != (now.direction == .lowerIsBetter)
            }
            return change
        }
        questions = current.questions.compactMap { now in
            guard let before = previous.questions.first(where: { $0.id == now.id }),
                  let p1 = before.positiveCount, let p2 = now.positiveCount else { return nil }
            return Dynamics.shareChange(id: now.id, title: now.text, successes1: p1, trials1: before.valid, successes2: p2, trials2: now.valid)
        }
    }

    /// Indicators: the change of the figure; interval and p from Welch's t-test on respondents'
    /// scores (respondents are the independent units, not answers).
    static func indicatorChange(_ before: IndicatorSummary, _ now: IndicatorSummary) -> Change {
        let change = zip2(before.figure, now.figure).map { $1 - $0 }
        var result = Change(id: now.id, title: now.title, previous: before.figure, current: now.figure, change: change,
                            interval: nil, p: nil, test: nil, direction: change == nil ? .unknown : .none)
        if let m1 = before.scores.mean, let s1 = before.scores.standardDeviation, let m2 = now.scores.mean, let s2 = now.scores.standardDeviation,
           let test = WelchTTest(n1: now.scores.n, mean1: m2, sd1: s2, n2: before.scores.n, mean2: m1, sd2: s1) {
            // Centre the interval on the figure's change (pooled share and respondents' mean differ slightly).
            let shift = (change ?? test.difference) - test.difference
            result.interval = [test.lower + shift, test.upper + shift]
            result.p = test.pValue
            result.test = "welch_t"
            if test.pValue < 0.05, let change { result.direction = change > 0 ? .up : .down }
        }
        return result
    }

    /// A share of respondents in given levels: Newcombe's interval and the pooled z-test on the
    /// respondents counted (each respondent is counted or not: a plain proportion).
    static func levelShareChange(_ before: IndicatorSummary, _ now: IndicatorSummary) -> Change {
        guard let c1 = before.counted, let c2 = now.counted else { return indicatorChange(before, now) }
        var change = shareChange(id: now.id, title: now.title, successes1: c1, trials1: before.respondentsScored,
                                 successes2: c2, trials2: now.respondentsScored)
        // The figures as the indicator reports them (identical up to rounding).
        change.previous = before.figure ?? change.previous
        change.current = now.figure ?? change.current
        return change
    }

    /// Shares of positive answers of one question: Newcombe's interval, pooled z-test.
    static func shareChange(id: String, title: String, successes1: Int, trials1: Int, successes2: Int, trials2: Int) -> Change {
        guard let test = ProportionDifference(successes1: successes2, trials1: trials2, successes2: successes1, trials2: trials1) else {
            return Change(id: id, title: title, previous: nil, current: nil, change: nil, interval: nil, p: nil, test: nil, direction: .unknown)
        }
        let direction: Change.Direction = test.pValue < 0.05 ? (test.difference > 0 ? .up : .down) : .none
        return Change(id: id, title: title, previous: test.proportion2 * 100, current: test.proportion1 * 100,
                      change: test.difference * 100, interval: [test.lower * 100, test.upper * 100], p: test.pValue,
                      test: "newcombe", direction: direction)
    }
}

func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
