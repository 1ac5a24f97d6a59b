import AnketaCore
import AnketaStats

/// The trend of every figure over three or more waves of one questionnaire (oldest first).
///
/// Shares of respondents (`level_share`) and of answers to one question are tested with the
/// Cochran–Armitage test for trend; every other indicator with the t-test of the OLS slope of
/// respondents' scores on the wave's index (0, 1, 2, …), computed exactly from each wave's n,
/// mean and SD. Respondents, not answers, are the independent units. Full precision; the JSON
/// schema is in `docs/report-json.md`.
///
/// ```swift
/// let trend = Trend(results: [wave2024, wave2025, wave2026])
/// trend.indicators[0].direction   // .up when the slope is significant and positive
/// ```
public struct Trend: Codable, Sendable, Equatable {
    /// The waves' labels, oldest first.
    public var waves: [String]
    public var indicators: [Series]
    public var questions: [Series]

    /// One figure over the waves.
    public struct Series: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var method: Indicator.Method
        /// The figure in each wave (`nil` where missing or suppressed).
        public var values: [Double?]
        /// Respondents scored (indicators) or valid answers (questions) in each wave.
        public var n: [Int]
        /// Last − first available value (percentage points for shares).
        public var change: Double?
        /// `cochran_armitage` or `linear_trend`.
        public var test: String?
        /// z (Cochran–Armitage) or t (slope).
        public var statistic: Double?
        /// The change per wave: the slope (percentage points for shares).
        public var slope: Double?
        /// 95 % interval of the slope (linear trend only).
        public var slopeInterval: [Double]?
        public var p: Double?
        /// Only a significant trend (p < 0.05) is «рост» or «снижение».
        public var direction: Dynamics.Change.Direction
        /// Whether a significant trend is an improvement (a rise, or a fall where lower is better).
        public var improvement: Bool?
        /// `lower_is_better` for indicators where lower is better.
        public var better: Indicator.Direction?
    }

    public init(results: [AnalysisResult]) {
        waves = results.map(\.wave)
        guard let last = results.last else { indicators = []; questions = []; return }
        indicators = last.indicators.map { now in
            let summaries = results.map { result in result.indicators.first { $0.id == now.id } }
            return Trend.indicatorSeries(now, summaries)
        }
        questions = last.questions.compactMap { now in
            let summaries = results.map { result in result.questions.first { $0.id == now.id } }
            guard now.positiveCount != nil else { return nil }
            let values = summaries.map { $0?.positivePercent }
            var series = Series(id: now.id, title: now.text, method: .positiveShare, values: values, n: summaries.map { $0?.valid ?? 0 },
                                change: Trend.change(values), test: nil, statistic: nil, slope: nil, slopeInterval: nil, p: nil,
                                direction: .unknown, improvement: nil, better: nil)
            let rows = summaries.enumerated().compactMap { index, summary -> (Double, Int, Int)? in
                guard let summary, let positive = summary.positiveCount, summary.valid > 0 else { return nil }
                return (Double(index), positive, summary.valid)
            }
            Trend.applyShareTest(&series, rows)
            return series
        }
    }

    static func indicatorSeries(_ now: IndicatorSummary, _ summaries: [IndicatorSummary?]) -> Series {
        let values = summaries.map { $0?.figure }
        var series = Series(id: now.id, title: now.title, method: now.method, values: values,
                            n: summaries.map { $0?.respondentsScored ?? 0 }, change: change(values), test: nil, statistic: nil,
                            slope: nil, slopeInterval: nil, p: nil, direction: .unknown, improvement: nil, better: now.direction)
        if now.method == .levelShare {
            let rows = summaries.enumerated().compactMap { index, summary -> (Double, Int, Int)? in
                guard let summary, let counted = summary.counted, summary.respondentsScored > 0 else { return nil }
                return (Double(index), counted, summary.respondentsScored)
            }
            applyShareTest(&series, rows)
        } else {
            let groups = summaries.enumerated().compactMap { index, summary -> LinearTrend.Group? in
                guard let summary, let mean = summary.scores.mean, summary.scores.n > 0 else { return nil }
                return LinearTrend.Group(x: Double(index), n: summary.scores.n, mean: mean, standardDeviation: summary.scores.standardDeviation ?? 0)
            }
            if groups.count >= 2, let test = LinearTrend(groups: groups) {
                series.test = "linear_trend"
                series.statistic = test.t
                series.slope = test.slope
                series.slopeInterval = [test.lower, test.upper]
                series.p = test.pValue
                series.direction = direction(slope: test.slope, p: test.pValue)
            } else if series.change != nil {
                series.direction = .none
            }
        }
        if series.direction == .up || series.direction == .down {
            series.improvement = (series.direction == .up) != (now.direction == .lowerIsBetter)
        }
        return series
    }

    /// Cochran–Armitage over (wave index, successes, trials); the slope in percentage points per wave.
    static func applyShareTest(_ series: inout Series, _ rows: [(Double, Int, Int)]) {
        guard rows.count >= 2, let test = CochranArmitage(successes: rows.map { $0.1 }, trials: rows.map { $0.2 }, scores: rows.map { $0.0 }) else {
            if series.change != nil { series.direction = .none }
            return
        }
        series.test = "cochran_armitage"
        series.statistic = test.z
        series.slope = test.slope * 100
        series.p = test.pValue
        series.direction = direction(slope: test.slope, p: test.pValue)
    }

    static func direction(slope: Double, p: Double) -> Dynamics.Change.Direction {
        guard p < 0.05, slope != 0 else { return .none }
        return slope > 0 ? .up : .down
    }

    static func change(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        guard present.count >= 2, let first = present.first, let last = present.last else { return nil }
        return last - first
    }
}
