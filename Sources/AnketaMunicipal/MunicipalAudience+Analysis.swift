import AnketaAnalysis
import AnketaCore

extension MunicipalAudience {
    /// One school's stored wave as the analysis reads it: the unit, how many answered, and a way to
    /// go through its responses once.
    public struct Source {
        public var unit: SchoolUnit
        public var respondents: Int
        /// Calls its argument with every response of the school (async: a store may be a server).
        public var responses: (_ body: (Response) -> Void) async throws -> Void

        public init(unit: SchoolUnit, respondents: Int, responses: @escaping (_ body: (Response) -> Void) async throws -> Void) {
            self.unit = unit
            self.respondents = respondents
            self.responses = responses
        }
    }

    /// Analyses a municipal wave in one pass over every school's responses — the analysis of
    /// `anketa report --municipal`, for the web console's municipal справка.
    ///
    /// ```swift
    /// let audience = try await MunicipalAudience.analyze(questionnaire: q, wave: "2026", sources: sources, options: options)
    /// ```
    public static func analyze(questionnaire: Questionnaire, wave: String, sources: [Source], options: AnalysisOptions) async throws -> MunicipalAudience {
        let counts = Dictionary(sources.map { ($0.unit.code, $0.respondents) }, uniquingKeysWith: { first, _ in first })
        var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: wave, schools: sources.map(\.unit), respondents: counts, options: options)
        for source in sources {
            try await source.responses { analyzer.add($0, school: source.unit.code) }
        }
        let (municipal, perSchool, pooled) = analyzer.finish()
        return MunicipalAudience(questionnaire: questionnaire, municipal: municipal, schools: perSchool, pooled: pooled)
    }
}
