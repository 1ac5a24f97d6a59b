/// A school's non-survey indicators (see ``NonSurveyIndicator``), read by ``NonSurveyIndicatorsLoader``
/// from a small YAML file, for the карта дефицитов of the survey and objectivity справки.
public struct NonSurveyIndicators: Sendable, Equatable {
    /// The school, as the file names it.
    public var organization: String?
    /// The school year the справка is about: given, else the latest year with a figure.
    public var year: String
    /// Every school year with a figure, oldest first.
    public var years: [String]
    public var indicators: [NonSurveyIndicator]
    /// The file's name, for the справка.
    public var source: String

    public init(organization: String? = nil, year: String, years: [String], indicators: [NonSurveyIndicator], source: String) {
        self.organization = organization
        self.year = year
        self.years = years
        self.indicators = indicators
        self.source = source
    }

    /// Indicators past their threshold in `year`, the farthest first (relative to the threshold).
    public var deficits: [NonSurveyIndicator] {
        indicators.filter { $0.isDeficit(in: year) }.sorted { relativeGap($0) > relativeGap($1) }
    }

    func relativeGap(_ indicator: NonSurveyIndicator) -> Double {
        let limit = abs(indicator.thresholdValue(in: year) ?? 1)
        return indicator.gap(in: year) / (limit > 0 ? limit : 1)
    }
}
