import AnketaAnalysis

/// Every figure of a справка, as written to `figures.json` (schema: `docs/report-json.md`).
public struct ReportFigures: Codable, Sendable, Equatable {
    public var schemaVersion = 1
    public var organization: String?
    public var population: Int?
    public var result: AnalysisResult
    public var previous: AnalysisResult?
    public var dynamics: Dynamics?
    public var deficitMap: DeficitMap
    public var triangulation: DeficitMap?
    public var otherAudiences: [AnalysisResult]
    /// Waves before `previous`, oldest first (only with three or more waves).
    public var history: [AnalysisResult]?
    /// The trend over all waves (only with three or more waves).
    public var trend: Trend?

    public init(_ input: ReportInput) {
        organization = input.organization
        population = input.population
        // Respondents' raw answers to grouping questions (e.g. every class as typed) would give away
        // the size of suppressed groups; the справка leaves them out too.
        let groupingQuestions = Set(input.questionnaire.groupings.map(\.question))
        result = input.result.withoutTexts { groupingQuestions.contains($0) }
        previous = input.previous?.withoutTexts { groupingQuestions.contains($0) }
        dynamics = input.dynamics
        deficitMap = input.deficitMap
        triangulation = input.triangulation
        // Other audiences' questionnaires (and so their grouping questions) are not known here;
        // only their indicators are used, so none of their texts are written.
        otherAudiences = input.otherAudiences.map { $0.withoutTexts { _ in true } }
        if input.history.count >= 2 {
            history = input.history.dropLast().map { $0.withoutTexts { groupingQuestions.contains($0) } }
            trend = input.trend
        }
    }
}

extension AnalysisResult {
    /// The result without the text answers of the questions `drop` selects.
    func withoutTexts(where drop: (String) -> Bool) -> AnalysisResult {
        var copy = self
        for index in copy.questions.indices where drop(copy.questions[index].id) {
            copy.questions[index].texts = nil
        }
        return copy
    }
}
