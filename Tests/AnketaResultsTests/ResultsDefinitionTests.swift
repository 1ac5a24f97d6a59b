import AnketaCore
import AnketaResults
import Foundation
import Testing

/// A small definition: ВПР by default, scores converted by scale for grades 5 and 6 of «Математика».
let sampleDefinitionYAML = """
    id: test
    title: ВПР и четверть
    year: 2026
    procedure: ВПР
    columns:
      student: Код
      class: Класс
      subject: Предмет
      score: Балл
      mark: Отметка ВПР
      school_mark: Четверть
    scales:
      - {subject: Математика, procedure: ВПР, max_score: 20, marks: {3: 5, 4: 10, 5: 15}}
      - {subject: Математика, procedure: ВПР, grade: 6, year: 2026, max_score: 20, marks: {3: 6, 4: 10, 5: 14}}
    thresholds:
      lowered: 30
    """

@Suite("Results definition")
struct ResultsDefinitionTests {
    @Test func loadsAndPicksTheMostSpecificScale() throws {
        let definition = try ResultsDefinitionLoader().load(yaml: sampleDefinitionYAML, file: "test.yaml")
        #expect(definition.procedure == .vpr)
        #expect(definition.columns.score == "Балл")
        #expect(definition.thresholds.lowered == 0.3)                                  // 30 read as percent
        #expect(definition.thresholds.mismatch == ResultsDefinition.Thresholds.defaultMismatch)
        let five = try #require(definition.scale(subject: "математика", procedure: .vpr, grade: 5, year: 2026))
        #expect(five.grade == nil)
        let six = try #require(definition.scale(subject: "Математика", procedure: .vpr, grade: 6, year: 2026))
        #expect(six.grade == 6)
        #expect(definition.scale(subject: "Математика", procedure: .oge, grade: 9, year: 2026) == nil)
    }

    @Test(arguments: [(0.0, 2), (4.5, 2), (5.0, 3), (9.0, 3), (10.0, 4), (14.99, 4), (15.0, 5), (20.0, 5)])
    func conversionBoundaries(score: Double, mark: Int) {
        let scale = ConversionScale(subject: "Математика", procedure: .vpr, maxScore: 20, minimums: [3: 5, 4: 10, 5: 15])
        #expect(scale.mark(forScore: score) == mark)
    }

    @Test func scoresOutsideTheScaleHaveNoMark() {
        let scale = ConversionScale(subject: "Математика", procedure: .vpr, maxScore: 20, minimums: [3: 5, 4: 10, 5: 15])
        #expect(scale.mark(forScore: -1) == nil)
        #expect(scale.mark(forScore: 20.5) == nil)
    }

    @Test func everyProblemIsReportedWithItsPlace() throws {
        let yaml = """
            id: bad
            title: Плохое описание
            procedure: ГИА
            columns:
              student: Код
              class: Класс
              subject: Предмет
              school_mark: Четверть
            scales:
              - {subject: Математика, procedure: ВПР, max_score: 20, marks: {3: 12, 4: 10, 5: 15}}
            thresholds:
              lowered: 150
              colour: red
            """
        let error = try #require(throws: DiagnosticsError.self) { try ResultsDefinitionLoader().load(yaml: yaml, file: "bad.yaml") }
        let text = error.description
        #expect(text.contains("bad.yaml:3:12: ошибка: procedure: неизвестная процедура «ГИА»"))
        #expect(text.contains("нужен столбец с первичным баллом (score) или с отметкой (mark)"))
        #expect(text.contains("scales[0].marks: наименьшие баллы должны расти с отметкой"))
        #expect(text.contains("thresholds.lowered: порог должен быть долей"))
        #expect(text.contains("неизвестный ключ «colour»"))
        #expect(error.diagnostics.count == 5)
    }

    @Test func shippedSampleLoads() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/objectivity/vpr-2026.yaml")
        let definition = try ResultsDefinitionLoader().load(contentsOf: url)
        #expect(definition.scales.count == 6)
        #expect(definition.columns.procedure == "Процедура")
        #expect(definition.columns.teacher == "Код учителя" && definition.teacherKind == .person)
        #expect(definition.regionMeans.count == 6 && definition.thresholds.minTeacherGroup == 5)
    }

    @Test(arguments: [("5а", "5А", 5), ("5 А", "5А", 5), ("10-б", "10Б", 10), ("11", "11", 11)])
    func classNames(text: String, name: String, grade: Int) throws {
        let parsed = try #require(SchoolClass(text))
        #expect(parsed.name == name && parsed.grade == grade)
    }

    @Test(arguments: ["", "А5", "12А", "5 класс", "0А"])
    func notClassNames(text: String) {
        #expect(SchoolClass(text) == nil)
    }

    @Test func procedures() {
        #expect(Procedure(text: "впр") == .vpr)
        #expect(Procedure(text: " ЕГЭ ") == .ege)
        #expect(Procedure(text: "Контрольная работа") == .test)
        #expect(Procedure(text: "ГИА") == nil)
    }
}
