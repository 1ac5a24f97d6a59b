import AnketaAnalysis
import AnketaCore
import AnketaMunicipal
import AnketaReports
import AnketaStore
import Foundation

/// The municipal справка's input in the console: the same analysis as `anketa report --municipal`
/// over the registered units' waves of one name, with the dynamics against the wave a year earlier.
extension WebApp {
    func municipalReportInput(_ questionnaire: Questionnaire, wave: String) async throws -> MunicipalReportInput {
        let audience = try await municipalAudience(questionnaire, wave: wave)
        let formatter = DateFormatter()
        formatter.timeZone = clock.timeZone
        formatter.dateFormat = "dd.MM.yyyy"
        let audiences = [audience] + (try await companionAudiences(of: questionnaire, wave: wave))
        var input = MunicipalReportInput(questionnaire: questionnaire, result: audience.municipal, audiences: audiences, units: try await store.units(),
                                         profile: configuration.organization, date: formatter.string(from: Date()))
        if let previous = try await previousMunicipalWave(questionnaire, wave: wave) {
            input.dynamics = MunicipalDynamics(previous: try await municipalAudience(questionnaire, wave: previous), current: audience)
        }
        return input
    }

    /// The other audiences of the same municipal wave, for the справка's map across audiences (what
    /// `anketa report --municipal --also <анкета>:<волна>` adds): municipal runs with this wave name
    /// whose questionnaire asks another audience and shares an indicator by `audience_key` — the
    /// objective-assessment surveys of students, parents and teachers. In the audiences' order.
    func companionAudiences(of questionnaire: Questionnaire, wave: String) async throws -> [MunicipalAudience] {
        var audiences: [MunicipalAudience] = []
        for other in try await companionQuestionnaires(of: questionnaire, wave: wave) {
            audiences.append(try await municipalAudience(other, wave: wave))
        }
        return audiences
    }

    /// The questionnaires of ``companionAudiences(of:wave:)``, without reading their answers.
    func companionQuestionnaires(of questionnaire: Questionnaire, wave: String) async throws -> [Questionnaire] {
        let keys = Set(questionnaire.indicators.compactMap(\.audienceKey))
        guard !keys.isEmpty else { return [] }
        var seen: Set<String> = [questionnaire.id]
        var companions: [Questionnaire] = []
        for run in try await store.municipalRuns() where run.waveName == wave && !seen.contains(run.questionnaireID) {
            seen.insert(run.questionnaireID)
            guard let first = run.schools.first else { continue }
            let other = try await store.questionnaire(id: run.questionnaireID, version: first.wave.questionnaireVersion)
            if other.audience != questionnaire.audience, !keys.isDisjoint(with: other.indicators.compactMap(\.audienceKey)) {
                companions.append(other)
            }
        }
        return companions.sorted { Audience.allCases.firstIndex(of: $0.audience) ?? 0 < Audience.allCases.firstIndex(of: $1.audience) ?? 0 }
    }

    func municipalAudience(_ questionnaire: Questionnaire, wave: String) async throws -> MunicipalAudience {
        var sources: [MunicipalAudience.Source] = []
        for item in try await store.unitWaves(questionnaireID: questionnaire.id, named: wave) {
            let store = store
            sources.append(MunicipalAudience.Source(unit: item.unit, respondents: try await store.responseCount(in: item.wave)) { body in
                try await store.forEachResponse(in: item.wave) { body($0.response) }
            })
        }
        return try await MunicipalAudience.analyze(questionnaire: questionnaire, wave: wave, sources: sources,
                                             options: AnalysisOptions(minGroupSize: configuration.minGroupSize))
    }

    /// The previous year's municipal wave of the questionnaire: the registered units' wave whose
    /// name is this one's a year earlier («2025» for «2026», «2025-весна» for «2026-весна»).
    func previousMunicipalWave(_ questionnaire: Questionnaire, wave: String) async throws -> String? {
        let codes = Set(try await store.units().map(\.code))
        let names = Set(try await store.waves().map(\.wave).filter { $0.questionnaireID == questionnaire.id && codes.contains($0.unit) }.map(\.name))
        return names.filter { $0 != wave && RunController.nextWaveName($0) == wave }.sorted().first
    }

    /// For a school's run of a municipal run: the municipal value beside each of the school's
    /// figures, as the batch of school справки has it (`anketa report --municipal --schools`).
    func municipalBenchmark(for wave: Wave, questionnaire: Questionnaire) async throws -> ReportBenchmark? {
        guard try await store.municipalRuns().contains(where: { run in run.schools.contains { $0.wave.id == wave.id } }) else { return nil }
        let audience = try await municipalAudience(questionnaire, wave: wave.name)
        let input = MunicipalReportInput(questionnaire: questionnaire, result: audience.municipal, units: try await store.units(), date: "")
        return MunicipalReportWriter(input).benchmark(for: wave.unit)
    }
}
