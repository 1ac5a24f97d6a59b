import AnketaCore
import AnketaResults
import Foundation
import Testing

@Suite("Results import: the teacher column")
struct TeacherColumnTests {
    static func yaml(kind: String?) -> String {
        sampleDefinitionYAML.replacingOccurrences(of: "  school_mark: Четверть", with: "  school_mark: Четверть\n  teacher: Учитель")
            + (kind.map { "\nteacher: \($0)\n" } ?? "")
    }

    @Test func aPersonIsACodeAndANameRejectsTheRow() throws {
        let definition = try ResultsDefinitionLoader().load(yaml: Self.yaml(kind: nil), file: "t.yaml")
        #expect(definition.columns.teacher == "Учитель" && definition.teacherKind == .person)   // person by default
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", """
            Код;Класс;Предмет;Балл;Отметка ВПР;Четверть;Учитель
            С-1;5А;Математика;12;;4;У-07
            С-2;5А;Математика;12;;4;Сидорова А. П.
            С-3;5А;Математика;12;;4;
            С-4;5А;Математика;12;;4;Сидорова

            """)
        let imported = try ResultsImport(url: url, definition: definition, writeRejects: false)
        #expect(imported.rows.map(\.teacher) == ["У-07"])
        let reasons = Dictionary(uniqueKeysWithValues: imported.rejected.map { ($0.line, $0.reasons.joined(separator: "; ")) })
        #expect(reasons[3]?.contains("«Учитель»: «Сидорова А. П.» не похоже на код учителя") == true, "\(reasons)")
        #expect(reasons[4]?.contains("не указан код учителя («Учитель»)") == true)
        #expect(reasons[5]?.contains("не похоже на код учителя") == true)
    }

    @Test func aGroupMayBeAnyLabel() throws {
        let definition = try ResultsDefinitionLoader().load(yaml: Self.yaml(kind: "group"), file: "t.yaml")
        #expect(definition.teacherKind == .group)
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", "Код;Класс;Предмет;Балл;Отметка ВПР;Четверть;Учитель\nС-1;5А;Математика;12;;4;МО естественных наук\n")
        let imported = try ResultsImport(url: url, definition: definition, writeRejects: false)
        #expect(imported.rows.map(\.teacher) == ["МО естественных наук"])
    }

    @Test func definitionProblemsSayWhere() throws {
        let unknown = try #require(throws: DiagnosticsError.self) {
            try ResultsDefinitionLoader().load(yaml: Self.yaml(kind: "department"), file: "t.yaml")
        }
        #expect(unknown.description.contains("t.yaml:18:10: ошибка: teacher: неизвестный вид «department»"), "\(unknown)")
        let noColumn = try #require(throws: DiagnosticsError.self) {
            try ResultsDefinitionLoader().load(yaml: sampleDefinitionYAML + "\nteacher: group\n", file: "t.yaml")
        }
        #expect(noColumn.description.contains("teacher: ключ teacher задан, а столбца с учителем нет"), "\(noColumn)")
        #expect(try ResultsDefinitionLoader().load(yaml: Self.yaml(kind: "group"), file: "t.yaml").thresholds.minTeacherGroup == 5)
        let eight = try ResultsDefinitionLoader().load(yaml: Self.yaml(kind: nil).replacingOccurrences(of: "  lowered: 30", with: "  lowered: 30\n  min_teacher_group: 8"), file: "t.yaml")
        #expect(eight.thresholds.minTeacherGroup == 8)
    }

    @Test func regionMeansNeedAScoreColumnAndPickTheGrade() throws {
        let yaml = sampleDefinitionYAML + """

            region_means:
              - {subject: Математика, procedure: ВПР, mean: 11}
              - {subject: математика, procedure: ВПР, grade: 6, mean: 10.6}
            """
        let definition = try ResultsDefinitionLoader().load(yaml: yaml, file: "t.yaml")
        #expect(definition.regionMean(subject: "Математика", procedure: .vpr, grade: 6)?.mean == 10.6)
        #expect(definition.regionMean(subject: "Математика", procedure: .vpr, grade: 5)?.mean == 11)
        #expect(definition.regionMean(subject: "Математика", procedure: .oge, grade: 9) == nil)
        let negative = try #require(throws: DiagnosticsError.self) {
            try ResultsDefinitionLoader().load(yaml: yaml.replacingOccurrences(of: "mean: 11}", with: "mean: -1}"), file: "t.yaml")
        }
        #expect(negative.description.contains("region_means[0].mean: средний балл не может быть отрицательным"), "\(negative)")
    }
}
