import AnketaCore
import AnketaDocument
@testable import AnketaMunicipal
import AnketaTestSupport
import Testing

@Suite("Municipal справка: охват per school")
struct MunicipalCoverageTests {
    @Test("a school with more respondents than its contingent gets «н/р» and a note, never a share over 100 %")
    func moreRespondentsThanContingent() throws {
        var units = MunicipalFiguresTests.units
        units[0].contingent = [.parents: 5]
        let questionnaire = try MiniSurvey.questionnaire()
        let data = ["a": MunicipalFiguresTests.responses(MiniSurvey.waveA), "b": MunicipalFiguresTests.responses(MiniSurvey.waveB)]
        var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: "2026", schools: units, respondents: data.mapValues(\.count))
        for unit in units { for response in data[unit.code] ?? [] { analyzer.add(response, school: unit.code) } }
        let municipal = analyzer.finish().municipal
        let school = try #require(municipal.schools.first { $0.code == "a" })
        #expect((school.coverage ?? 0) > 100)
        let text = MarkdownRenderer().render(MunicipalComposer(MunicipalReportInput(questionnaire: questionnaire, result: municipal,
                                                                                      units: units, date: "01.04.2026")).compose())
        let table = text.components(separatedBy: "Охват по организациям").dropFirst().first ?? ""
        #expect(table.contains("н/р"))
        #expect(table.contains("В 1 школе ответов больше, чем указано в контингенте (СОШ № 1): охват там не рассчитан"))
        // Gymnasium № 2 keeps its share; no cell reads a share over 100 %.
        let gymnasium = try #require(municipal.schools.first { $0.code == "b" }?.coverage)
        #expect(table.contains(RussianNumber.percent(gymnasium)))
        let shares = table.matches(of: /(\d+)(,\d+)?\s%/).compactMap { Int($0.output.1) }
        #expect(!shares.isEmpty && shares.allSatisfy { $0 <= 100 })
    }
}
