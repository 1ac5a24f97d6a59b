import AnketaResults

/// The school's non-survey indicators as JSON at full precision: `nonSurvey` of the objectivity
/// `figures.json` and `non-survey.json` of the survey справка (see `docs/objectivity.md`).
public struct NonSurveyFigures: Codable, Sendable, Equatable {
    public struct Indicator: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var unit: String
        /// `higher` or `lower`: the side on which the indicator is better.
        public var direction: String
        /// The threshold in force in `year` (a number, or the region's value when `thresholdIsRegion`).
        public var threshold: Double?
        public var thresholdIsRegion: Bool
        public var value: Double?
        public var region: Double?
        public var deficit: Bool
        public var gap: Double
        /// Figures by school year, in `years` order (null where the year has none).
        public var values: [Double?]
        public var regionValues: [Double?]
    }

    public var source: String
    public var year: String
    public var years: [String]
    public var indicators: [Indicator]

    public init(_ set: NonSurveyIndicators) {
        source = set.source
        year = set.year
        years = set.years
        indicators = set.indicators.map { i in
            Indicator(id: i.id, title: i.title, unit: i.unit.rawValue, direction: i.higherIsBetter ? "higher" : "lower",
                      threshold: i.thresholdValue(in: set.year), thresholdIsRegion: i.threshold == .region,
                      value: i.value(in: set.year), region: i.region[set.year], deficit: i.isDeficit(in: set.year), gap: i.gap(in: set.year),
                      values: set.years.map { i.value(in: $0) }, regionValues: set.years.map { i.region[$0] })
        }
    }
}
