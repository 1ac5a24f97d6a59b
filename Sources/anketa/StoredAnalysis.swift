import AnketaAnalysis
import AnketaCore
import AnketaStore

/// A stored wave's responses read into the analysis, as every command that reports from the store
/// does (`report`, its `--also` audiences, `objectivity --attitudes анкета:волна`).
func analyzeStored(_ questionnaire: Questionnaire, wave: Wave, store: any SurveyStore, options: AnalysisOptions) async throws -> AnalysisResult {
    var analyzer = Analyzer(questionnaire: questionnaire, wave: wave.displayName, options: options)
    try await store.forEachResponse(in: wave) { analyzer.add($0.response) }
    return analyzer.finish()
}
