import AnketaAnalysis
import AnketaCore

/// Everything one справка is made from.
public struct ReportInput: Sendable {
    public var questionnaire: Questionnaire
    public var result: AnalysisResult
    /// The same questionnaire in an earlier wave, for dynamics.
    public var previous: AnalysisResult?
    /// Results of other audiences in the same period, for triangulation.
    public var otherAudiences: [AnalysisResult]
    /// School or unit, shown on the title.
    public var organization: String?
    /// How many people could have answered (for coverage).
    public var population: Int?
    /// The grouping whose groups make the columns of the deficit map (default: the first one).
    public var mapGrouping: String?
    /// Date of the справка, `dd.MM.yyyy`.
    public var date: String

    public init(questionnaire: Questionnaire, result: AnalysisResult, previous: AnalysisResult? = nil,
                otherAudiences: [AnalysisResult] = [], organization: String? = nil, population: Int? = nil,
                mapGrouping: String? = nil, date: String) {
        self.questionnaire = questionnaire
        self.result = result
        self.previous = previous
        self.otherAudiences = otherAudiences
        self.organization = organization
        self.population = population
        self.mapGrouping = mapGrouping
        self.date = date
    }

    var dynamics: Dynamics? { previous.map { Dynamics(previous: $0, current: result) } }

    var mapBreakdown: Breakdown? {
        if let mapGrouping { return result.breakdowns.first { $0.grouping == mapGrouping } }
        return result.breakdowns.first { $0.grouping == "level" } ?? result.breakdowns.first
    }

    var deficitMap: DeficitMap { DeficitMap(result: result, breakdown: mapBreakdown) }

    var triangulation: DeficitMap? {
        guard !otherAudiences.isEmpty else { return nil }
        let map = DeficitMap(triangulating: [result] + otherAudiences)
        return map.rows.isEmpty ? nil : map
    }
}
