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

    public init(_ input: ReportInput) {
        organization = input.organization
        population = input.population
        result = input.result
        previous = input.previous
        dynamics = input.dynamics
        deficitMap = input.deficitMap
        triangulation = input.triangulation
        otherAudiences = input.otherAudiences
    }
}
