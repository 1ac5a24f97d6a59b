import AnketaCore
import AnketaResults
import Foundation
import Testing

@Suite("Journal marks")
struct JournalMarksImportTests {
    static let yaml = sampleDefinitionYAML + """

        journal:
          - {column: Контрольные, kind: контрольные работы, weight: 3}
          - {column: Текущие, kind: текущие отметки, weight: 1}
        """

    @Test func definitionReadsKindsAndWeights() throws {
        let definition = try ResultsDefinitionLoader().load(yaml: Self.yaml, file: "test.yaml")
        #expect(definition.journal == [JournalKind(column: "Контрольные", name: "контрольные работы", weight: 3),
                                       JournalKind(column: "Текущие", name: "текущие отметки", weight: 1)])
    }

    @Test func nonPositiveWeightIsReportedWithItsPlace() throws {
        let bad = Self.yaml.replacingOccurrences(of: "weight: 1}", with: "weight: 0}")
        let error = try #require(throws: DiagnosticsError.self) { try ResultsDefinitionLoader().load(yaml: bad, file: "bad.yaml") }
        #expect(error.description.contains("journal[1].weight: вес должен быть больше нуля"), "\(error)")
    }

    @Test func marksAreReadPerKindAndBadOnesRejectTheRow() throws {
        let definition = try ResultsDefinitionLoader().load(yaml: Self.yaml, file: "test.yaml")
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", """
            Код;Класс;Предмет;Балл;Отметка ВПР;Четверть;Контрольные;Текущие
            С-1;5А;Математика;12;;4;4 3;5, 4 4
            С-2;5А;Математика;12;;4;;
            С-3;5А;Математика;12;;4;4 6;5

            """)
        let imported = try ResultsImport(url: url, definition: definition, writeRejects: false)
        #expect(imported.rows.map(\.journalMarks) == [[[4, 3], [5, 4, 4]], [[], []]])
        #expect(imported.rejected.map(\.line) == [4])
        #expect(imported.rejected.first?.reasons == ["«Контрольные»: «6» — не отметка от 2 до 5; отметки журнала пишутся через пробел, например «5 4 4»"])
    }

    @Test func missingJournalColumnStopsWithTheHeader() throws {
        let definition = try ResultsDefinitionLoader().load(yaml: Self.yaml, file: "test.yaml")
        let folder = try TemporaryFolder()
        let url = try folder.write("r.csv", "Код;Класс;Предмет;Балл;Отметка ВПР;Четверть;Контрольные\nС-1;5А;Математика;12;;4;4\n")
        let error = try #require(throws: DiagnosticsError.self) { try ResultsImport(url: url, definition: definition, displayPath: "r.csv") }
        #expect(error.description.contains("r.csv:1: ошибка: journal: нет столбца «Текущие»"), "\(error)")
    }
}
