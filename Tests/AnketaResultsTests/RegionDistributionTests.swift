import AnketaCore
import AnketaResults
import Foundation
import Testing

@Suite("Region distribution")
struct RegionDistributionTests {
    @Test func percentAreReadAsSharesAndTheGradeWins() throws {
        let yaml = sampleDefinitionYAML + """

            region:
              - {subject: Математика, procedure: ВПР, marks: {2: 10, 3: 40, 4: 40, 5: 10}}
              - {subject: математика, procedure: ВПР, grade: 6, marks: {2: 0.125, 3: 0.375, 4: 0.375, 5: 0.125}}
            """
        let definition = try ResultsDefinitionLoader().load(yaml: yaml, file: "test.yaml")
        #expect(definition.region.count == 2)
        #expect(definition.regionDistribution(subject: "Математика", procedure: .vpr, grade: 5)?.shares == [0.1, 0.4, 0.4, 0.1])
        #expect(definition.regionDistribution(subject: "Математика", procedure: .vpr, grade: 6)?.shares == [0.125, 0.375, 0.375, 0.125])
        #expect(definition.regionDistribution(subject: "Русский язык", procedure: .vpr, grade: 6) == nil)
    }

    @Test func sharesThatDoNotAddUpAreReported() throws {
        let yaml = sampleDefinitionYAML + """

            region:
              - {subject: Математика, procedure: ВПР, marks: {2: 10, 3: 40, 4: 40, 5: 20}}
            """
        let error = try #require(throws: DiagnosticsError.self) { try ResultsDefinitionLoader().load(yaml: yaml, file: "bad.yaml") }
        #expect(error.description.contains("region[0].marks: доли отметок в сумме дают 110 — должно быть 100 %"), "\(error)")
    }
}
