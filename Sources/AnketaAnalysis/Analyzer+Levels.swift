import AnketaCore

extension Analyzer {
    /// Respondents over an indicator's levels by their own score; `nil` for `positive_share` and
    /// `level_share` (whose respondents' scores are shares or 0/100, not points on the level scale).
    static func levelDistribution(_ indicator: Indicator, scores: [Double]) -> [LevelCount]? {
        guard indicator.method != .positiveShare, indicator.method != .levelShare, !scores.isEmpty else { return nil }
        var counts = Array(repeating: 0, count: indicator.levels.count)
        for score in scores {
            if let level = indicator.level(for: score), let index = indicator.levels.firstIndex(of: level) { counts[index] += 1 }
        }
        return zip(indicator.levels, counts).map {
            LevelCount(level: $0.name, deficit: $0.deficit, count: $1, percent: Double($1) / Double(scores.count) * 100)
        }
    }

    /// The direction, the share of positive answers on the common scale and, for `level_share`,
    /// the number of respondents counted.
    func annotate(_ summary: inout IndicatorSummary, indicator: Indicator, tally: IndicatorTally) {
        if indicator.direction == .lowerIsBetter { summary.direction = .lowerIsBetter }
        if tally.validWeight > 0 { summary.positivePercent = tally.positiveWeight / tally.validWeight * 100 }
        if indicator.method == .levelShare { summary.counted = tally.scores.filter { $0 > 50 }.count }
    }
}
