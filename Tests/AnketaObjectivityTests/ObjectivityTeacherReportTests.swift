import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaObjectivity
import AnketaObjectivityReport
import AnketaResults
import Foundation
import AnketaTestSupport
import Testing

@Suite("Objectivity справка: teachers, the region's mean, non-survey indicators")
struct ObjectivityTeacherReportTests {
    var definition: ResultsDefinition {
        var definition = ResultsDefinition(id: "t", title: "ВПР", organization: "Школа № 7", academicYear: "2025/2026",
                                           schoolMarkName: "отметка за III четверть", procedure: .vpr,
                                           columns: .init(student: "К", className: "Кл", subject: "П", mark: "О", schoolMark: "Ч"))
        definition.columns.teacher = "Учитель"
        return definition
    }

    func input(_ data: [ResultRow], nonSurvey: NonSurveyIndicators? = nil) -> ObjectivityReportInput {
        var input = ObjectivityReportInput(definition: definition, analysis: ObjectivityAnalysis(rows: data, thresholds: definition.thresholds),
                                           rows: data, rejected: 0, source: "vpr.csv", date: "02.12.2026")
        input.nonSurvey = nonSurvey
        return input
    }

    var data: [ResultRow] { teacherRows("У-01", 30) + teacherRows("У-02", 12) + teacherRows("У-03", 3) + teacherRows("У-04", 20) }

    @Test func teacherTableHidesSmallGroupsAndSaysWhy() throws {
        let markdown = MarkdownRenderer().render(ObjectivityComposer(input(data)).compose())
        #expect(markdown.contains("## Результаты по учителям") || markdown.contains("# Результаты по учителям"))
        #expect(markdown.contains("Учителя обозначены кодами из файла результатов, фамилии в справку не вносятся."))
        #expect(markdown.contains("Группы меньше 5\u{00A0}обучающихся не показываются («скрыто»)"))
        // У-03 (3) and, beside it, У-02 (12, the smaller shown) are hidden; У-01 and У-04 are shown.
        let hiddenLines = markdown.split(separator: "\n").filter { $0.contains("скрыто") && ($0.contains("У-02") || $0.contains("У-03")) }
        #expect(hiddenLines.count == 2)
        #expect(!markdown.split(separator: "\n").contains { $0.contains("У-03") && $0.contains(" 3 ") })
    }

    @Test func figuresPublishNoNumberOfAHiddenGroup() throws {
        let figures = ObjectivityFigures(input(data))
        #expect(figures.teacherKind == "person")
        #expect(figures.teachers.map(\.teacher) == ["У-01", "У-04"])
        #expect(figures.hiddenTeachers.map(\.teacher) == ["У-02", "У-03"])
        let json = String(decoding: try JSONEncoder().encode(figures.hiddenTeachers), as: UTF8.self)
        #expect(!json.contains("\"n\"") && !json.contains("share"))
        #expect(figures.thresholds.minTeacherGroup == 5)
    }

    @Test func nonSurveyIndicatorsEnterTheSpravkaAndItsDecisions() throws {
        let set = try NonSurveyIndicatorsLoader().load(yaml: """
            indicators:
              - {id: oge, title: Средний балл ОГЭ по математике, unit: score, direction: higher, threshold: region, values: {2024/2025: 15.1, 2025/2026: 14.6}, region: {2024/2025: 15.4, 2025/2026: 15.3}}
            """, file: "i.yaml")
        let composer = ObjectivityComposer(input(data, nonSurvey: set))
        let markdown = MarkdownRenderer().render(composer.compose())
        #expect(markdown.contains("«Средний балл ОГЭ по математике»: 14,6 в 2025/2026 учебном году — ниже регионального значения (15,3); за год значение снизилось на 0,5 — ухудшение."), "\(markdown)")
        #expect(composer.decisions.decisions.contains { $0.finding == "nonsurvey-deficit:oge" })
        let figures = try #require(ObjectivityFigures(input(data, nonSurvey: set)).nonSurvey)
        #expect(figures.year == "2025/2026" && figures.indicators[0].deficit && figures.indicators[0].thresholdIsRegion)
        #expect(figures.indicators[0].values == [15.1, 14.6] && figures.indicators[0].threshold == 15.3)
        #expect(abs(figures.indicators[0].gap - 0.7) < 1e-12)
    }

    @Test func attitudesStandBesideTheResultsAndASmallSurveyIsHidden() throws {
        let survey = try MiniSurvey.analyze(MiniSurvey.waveA)
        let tiny = try MiniSurvey.analyze(Array(MiniSurvey.waveA.prefix(3)))
        #expect(!survey.suppressed && tiny.suppressed)
        var input = input(data)
        input.attitudes = [survey, tiny]
        let markdown = MarkdownRenderer().render(ObjectivityComposer(input).compose())
        #expect(markdown.contains("Отношение к объективности оценивания: результаты анкетирования"))
        #expect(markdown.contains("ответов меньше 5"))
        let indicator = try #require(survey.indicators.first)
        #expect(markdown.contains(indicator.title))
        let figures = ObjectivityFigures(input)
        #expect(figures.attitudes.count == 2 && figures.attitudes[1].suppressed && figures.attitudes[1].indicators.isEmpty)
        #expect(figures.attitudes[0].indicators.first?.figure == indicator.figure)
        // An indicator at a deficit level becomes a decision, with the questionnaire's recommendation when it has one.
        let decisions = ObjectivityComposer(input).decisions.decisions.filter { $0.finding?.hasPrefix("attitude-deficit:") == true }
        #expect(decisions.count == survey.indicators.filter(\.deficit).count)
        if let deficit = survey.indicators.first(where: \.deficit) {
            let decision = try #require(decisions.first)
            #expect(decision.problem.hasPrefix("«\(deficit.title)» на уровне дефицита по результатам анкетирования: "))
            #expect(decision.action == (deficit.recommendation ?? decision.action))
        }
        // Without surveys there is no such section.
        #expect(!MarkdownRenderer().render(ObjectivityComposer(self.input(data)).compose()).contains("результаты анкетирования"))
    }
}
