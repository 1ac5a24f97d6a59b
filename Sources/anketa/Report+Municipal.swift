import AnketaAnalysis
import AnketaCore
import AnketaMunicipal
import AnketaReports
import AnketaStore
import ArgumentParser
import Foundation

/// `anketa report … --municipal`: the municipal справка of a wave split by units, and with
/// `--schools` every school's справка beside it.
struct MunicipalReportJob {
    let store: any SurveyStore
    let questionnaireID: String
    let wave: String
    let compare: String?
    let also: [String]
    let options: AnalysisOptions
    let profile: OrganizationProfile?
    let academicYear: AcademicYear?
    let date: String
    let output: String?
    let schools: Bool

    func analyze(_ questionnaire: Questionnaire, wave name: String, units: [SchoolUnit]) async throws -> MunicipalAudience {
        let waves = try await store.unitWaves(questionnaireID: questionnaire.id, named: name)
        guard !waves.isEmpty else {
            throw ValidationError("у анкеты «\(questionnaire.id)» нет волны «\(name)» ни у одной организации из реестра; загрузите выгрузку с --split-by или проверьте название волны (anketa list)")
        }
        var counts: [String: Int] = [:]
        for item in waves { counts[item.unit.code] = try await store.responseCount(in: item.wave) }
        var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: name, schools: waves.map(\.unit), respondents: counts, options: options)
        for item in waves {
            try await store.forEachResponse(in: item.wave) { analyzer.add($0.response, school: item.unit.code) }
        }
        let (municipal, perSchool, pooled) = analyzer.finish()
        return MunicipalAudience(questionnaire: questionnaire, municipal: municipal, schools: perSchool, pooled: pooled)
    }

    func run() async throws {
        let units = try await store.units()
        guard !units.isEmpty else { throw ValidationError("реестр организаций пуст: загрузите его командой anketa units import <реестр.csv>") }
        let questionnaire = try await store.questionnaire(id: questionnaireID, version: nil)
        let main = try await analyze(questionnaire, wave: wave, units: units)
        var audiences = [main]
        for item in also {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            audiences.append(try await analyze(try await store.questionnaire(id: parts[0], version: nil), wave: parts[1], units: units))
        }
        var previous: [String: AnalysisResult] = [:]
        if let compare, schools {
            for item in try await store.unitWaves(questionnaireID: questionnaire.id, named: compare) {
                var analyzer = Analyzer(questionnaire: questionnaire, wave: "\(compare), \(item.unit.shortName)", options: options)
                try await store.forEachResponse(in: item.wave) { analyzer.add($0.response) }
                previous[item.unit.code] = analyzer.finish()
            }
        }
        let input = MunicipalReportInput(questionnaire: questionnaire, result: main.municipal, audiences: audiences, units: units,
                                         profile: profile, date: date, academicYear: academicYear)
        let folder = URL(fileURLWithPath: output ?? "Results/\(questionnaire.id)-\(Anketa.Report.safe(wave))-municipal")
        let writer = MunicipalReportWriter(input)
        let written = try writer.write(to: folder)
        let result = main.municipal
        print("Муниципальная справка «\(questionnaire.title)», волна «\(wave)»: \(RussianPlural.respondent(result.respondents)), школ: \(result.shown.count)"
              + (result.schools.contains(where: \.hidden) ? " (ещё скрыто: \(result.schools.filter(\.hidden).count))" : "") + ".")
        for indicator in result.indicators {
            let figure = indicator.pooled.map { indicator.method == .positiveShare ? RussianNumber.percent($0) : RussianNumber.fixed($0, digits: 2) } ?? "—"
            print("  \(indicator.title): \(figure) (\(indicator.level ?? "—")); школ с дефицитом: \(indicator.deficitSchools) из \(indicator.schools)")
        }
        print("Записано в \(folder.relativePath)/: " + written.map(\.lastPathComponent).joined(separator: ", "))
        if schools {
            let done = try writer.writeSchools(main.schools, to: folder, previous: previous)
            print("Справки школ (\(done.count)) — в \(folder.appendingPathComponent("schools").relativePath)/<код школы>/")
        }
    }
}
