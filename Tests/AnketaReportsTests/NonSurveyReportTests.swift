import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaReports
import AnketaResults
import Foundation
import Testing

@Suite("Survey справка with non-survey indicators")
struct NonSurveyReportTests {
    static let indicators = """
        indicators:
          - {id: quality, title: Качество знаний, direction: higher, threshold: 50, values: {2024/2025: 50.3, 2025/2026: 47.1}, region: {2025/2026: 49.2}}
          - {id: absences, title: Пропуски, unit: number, direction: lower, threshold: 4, values: {2024/2025: 2.8, 2025/2026: 2.6}}
          - id: fos
            title: Обновление <ФОС> & «=SUM»
            direction: higher
            threshold: 100
            values: {2025/2026: 82.5}
            decision: {action: Обновить ФОС по всем предметам, responsible: руководители ШМО, deadline: до 1 сентября, document: реестр ФОС}
        """

    @Test func mapYearsFindingsAndDecisionsBesideTheSurvey() throws {
        var input = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA))
        let survey = CertificateComposer(input)
        input.nonSurvey = try NonSurveyIndicatorsLoader().load(yaml: Self.indicators, file: "indicators.yaml")
        let composer = CertificateComposer(input)
        let markdown = MarkdownRenderer().render(composer.compose())
        #expect(markdown.contains("Карта дефицитов: показатели вне анкетирования, 2025/2026 учебный год"))
        #expect(markdown.contains("«Качество знаний»: 47,1\u{00A0}% в 2025/2026 учебном году — ниже порога (50\u{00A0}%); в регионе — 49,2\u{00A0}%; за год значение снизилось на 3,2\u{00A0}п.\u{00A0}п. — ухудшение."), "\(markdown)")
        #expect(markdown.contains("Достигают порогов: «Пропуски»."))
        #expect(markdown.contains("Показатели вне анкетирования хуже порога за 2025/2026 учебный год: «Обновление"))
        // The section comes right after the survey's own карта дефицитов.
        let surveyMap = try #require(markdown.range(of: "Карта дефицитов"))
        let own = try #require(markdown.range(of: "Показатели вне анкетирования"))
        #expect(surveyMap.lowerBound < own.lowerBound)
        // Two deficits: two more decisions than the survey alone drafts, the file's own measure where it gives one.
        let added = composer.decisions.decisions.count - survey.decisions.decisions.count
        #expect(added == 2)
        let fos = try #require(composer.decisions.decisions.first { $0.finding == "nonsurvey-deficit:fos" })
        #expect(fos.action == "Обновить ФОС по всем предметам" && fos.deadline == "до 1 сентября" && fos.document == "реестр ФОС")
        let quality = try #require(composer.decisions.decisions.first { $0.finding == "nonsurvey-deficit:quality" })
        #expect(quality.responsible == "заместитель директора по УВР" && quality.problem == "«Качество знаний»: 47,1\u{00A0}% при пороге не ниже 50\u{00A0}%")
        // The file's words are escaped in HTML.
        let html = HTMLRenderer().render(composer.compose())
        #expect(html.contains("Обновление &lt;ФОС&gt; &amp; «=SUM»") && !html.contains("<ФОС>"))
    }

    @Test func withoutIndicatorsNothingChanges() throws {
        let input = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA))
        #expect(!MarkdownRenderer().render(CertificateComposer(input).compose()).contains("вне анкетирования"))
    }

    @Test func writerAddsTheFiguresAtFullPrecision() throws {
        var input = try ReportFixture.input(try ReportFixture.analyze(ReportFixture.waveA))
        input.nonSurvey = try NonSurveyIndicatorsLoader().load(yaml: Self.indicators, file: "indicators.yaml")
        let folder = try ReportFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ReportWriter(input).write(to: folder)
        #expect(written.map(\.lastPathComponent).contains("non-survey.json"))
        let figures = try JSONDecoder().decode(NonSurveyFigures.self, from: Data(contentsOf: folder.appendingPathComponent("non-survey.json")))
        #expect(figures.year == "2025/2026" && figures.years == ["2024/2025", "2025/2026"])
        let quality = try #require(figures.indicators.first { $0.id == "quality" })
        #expect(quality.values == [50.3, 47.1] && quality.regionValues == [nil, 49.2] && quality.deficit)
        #expect(abs(quality.gap - (50 - 47.1)) < 1e-15)
        let absences = try #require(figures.indicators.first { $0.id == "absences" })
        #expect(absences.direction == "lower" && !absences.deficit && absences.gap == 0)
    }
}
