import AnketaAnalysis
import AnketaCore
import AnketaDocument
@testable import AnketaMunicipal
import AnketaStats
import AnketaTestSupport
import Testing

@Suite("Municipal справка: change from the previous wave, better and worse")
struct MunicipalDynamicsTests {
    static func audience(_ data: [String: [Response]], wave: String, yaml: String = MiniSurvey.yaml()) throws -> MunicipalAudience {
        let questionnaire = try DefinitionLoader().load(yaml: yaml, file: "mini.yaml")
        var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: wave, schools: MunicipalFiguresTests.units, respondents: data.mapValues(\.count))
        for unit in MunicipalFiguresTests.units { for response in data[unit.code] ?? [] { analyzer.add(response, school: unit.code) } }
        let (municipal, schools, pooled) = analyzer.finish()
        return MunicipalAudience(questionnaire: questionnaire, municipal: municipal, schools: schools, pooled: pooled)
    }

    static let small = MunicipalFiguresTests.responses([("5А", 1, 1, 4), ("6А", 1, 2, 4), ("7А", 2, 1, 3)])

    @Test("each school's change is tested as in its own справка, Holm across schools; the municipality pooled")
    func schoolsSwapped() throws {
        let a = MunicipalFiguresTests.responses(MiniSurvey.waveA), b = MunicipalFiguresTests.responses(MiniSurvey.waveB)
        // Last year school A answered as B does now and B as A: the pooled answers are the same.
        let previous = try Self.audience(["a": b, "b": a, "c": Self.small], wave: "2025")
        let current = try Self.audience(["a": a, "b": b, "c": Self.small], wave: "2026")
        let dynamics = MunicipalDynamics(previous: previous, current: current)
        #expect(dynamics.previousWave == "2025")
        #expect(dynamics.municipal.allSatisfy { abs($0.change ?? 1) < 1e-9 && $0.improvement == nil })
        // The hidden school is in neither wave's table.
        #expect(dynamics.schools.map(\.code) == ["a", "b"])
        let index = try #require(dynamics.schools[0].indicators.first { $0.id == "index" })
        // The same two samples as A against the rest: scipy.stats.ttest_ind(A, B, equal_var=False)
        // p = 0.1229579984901083 (docs/reference/municipal_reference.py); statsmodels
        // multipletests([p, p], method="holm") = 0.245916.
        #expect(abs((index.p ?? 0) - 0.1229579984901083) < 1e-7)
        #expect(abs((index.pHolm ?? 0) - 0.245916) < 1e-6)
        #expect(index.improvement == nil)
        #expect(abs((index.change ?? 0) + (dynamics.schools[1].indicators.first { $0.id == "index" }?.change ?? 0)) < 1e-9)

        var input = MunicipalReportInput(questionnaire: current.questionnaire, result: current.municipal, units: MunicipalFiguresTests.units, date: "01.04.2026")
        input.dynamics = dynamics
        let text = MarkdownRenderer().render(MunicipalComposer(input).compose())
        #expect(text.contains("Динамика по сравнению с волной «2025»"))
        #expect(text.contains("Ни в одной школе показатели не изменились значимо"))
    }

    @Test("▲ / ▼ say better / worse: for a lower-is-better indicator a significantly higher school is worse")
    func lowerIsBetterMarks() throws {
        let yaml = MiniSurvey.yaml().replacingOccurrences(of: """
                title: Индекс
                method: mean_index
            """, with: """
                title: Индекс
                method: mean_index
                direction: lower_is_better
            """).replacingOccurrences(of: "levels: [{name: высокий, from: 75}, {name: средний, from: 50}, {name: низкий, from: 0, deficit: true}]",
                                      with: "levels: [{name: высокий, from: 75, deficit: true}, {name: средний, from: 50}, {name: низкий, from: 0}]")
        let current = try Self.audience(["a": MunicipalFiguresTests.responses(MiniSurvey.waveA), "b": MunicipalFiguresTests.responses(MiniSurvey.waveB)],
                                        wave: "2026", yaml: yaml)
        #expect(current.questionnaire.indicators.first { $0.id == "index" }?.direction == .lowerIsBetter)
        let composer = MunicipalComposer(MunicipalReportInput(questionnaire: current.questionnaire, result: current.municipal,
                                                              units: MunicipalFiguresTests.units, date: "01.04.2026"))
        let above = RestComparison(difference: 10, lower: 2, upper: 18, t: 3, degreesOfFreedom: 20, p: 0.001, pHolm: 0.002, direction: .above)
        var below = above
        below.direction = .below
        #expect(composer.mark(above, indicator: "index") == " ▼")
        #expect(composer.mark(below, indicator: "index") == " ▲")
        #expect(composer.mark(above, indicator: "share") == " ▲")
        #expect(composer.mark(below, indicator: "share") == " ▼")
        #expect(composer.markLegend.contains("значимо лучше / хуже"))
        #expect(composer.markLegend.contains("Для показателя «Индекс» лучше меньшее значение"))
    }
}
