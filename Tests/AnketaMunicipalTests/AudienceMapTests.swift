import AnketaAnalysis
import AnketaCore
import AnketaDocument
@testable import AnketaMunicipal
import AnketaReports
import AnketaTestSupport
import Foundation
import Testing

@Suite struct AudienceMapTests {
    static let units = [
        SchoolUnit(code: "a", shortName: "СОШ № 1", fullName: "СОШ № 1", kind: .secondarySchool, levels: [.basic, .secondary]),
        SchoolUnit(code: "b", shortName: "ООШ № 2", fullName: "ООШ № 2", kind: .secondarySchool, levels: [.basic]),
    ]

    static func audience(_ questionnaire: Questionnaire, seed: Int) -> MunicipalAudience {
        var analyzer = MunicipalAnalyzer(questionnaire: questionnaire, wave: "2026", schools: units, respondents: ["a": 12, "b": 12])
        for unit in units {
            for i in 0..<12 {
                var response = Response()
                response["cls"] = .text(unit.code == "b" || i % 2 == 0 ? "7А" : "10Б")
                response["q1"] = .option(String((i + seed) % 3))
                response["q2"] = .option(String((i * 2 + seed) % 3))
                analyzer.add(response, school: unit.code)
            }
        }
        let (municipal, schools, pooled) = analyzer.finish()
        return MunicipalAudience(questionnaire: questionnaire, municipal: municipal, schools: schools, pooled: pooled)
    }

    static func audiences() throws -> [MunicipalAudience] {
        let loader = DefinitionLoader()
        return [
            audience(try loader.load(yaml: ConditionsSurvey.yaml("s", audience: "students"), file: "s.yaml"), seed: 0),
            audience(try loader.load(yaml: ConditionsSurvey.yaml("p", audience: "parents"), file: "p.yaml"), seed: 1),
            audience(try loader.load(yaml: ConditionsSurvey.yaml("t", audience: "teachers", method: "mean_score", levels: ConditionsSurvey.scoreLevels, grouping: false), file: "t.yaml"), seed: 2),
        ]
    }

    @Test func keepsOneScaleAndSaysWhatItLeftOut() throws {
        let map = try #require(AudienceMap(audiences: try Self.audiences(), units: Self.units))
        #expect(map.columns.map(\.audience) == [.students, .parents])
        #expect(map.columns.allSatisfy { $0.method == .positiveShare })
        #expect(map.excluded.map(\.audience) == [.teachers])
        #expect(map.excluded.first?.method == .meanScore)
        // ООО and СОО; the school without СОО is not in the СОО table.
        #expect(map.tables.map(\.level) == ["ООО", "СОО"])
        #expect(map.tables[0].rows.map(\.name) == ["Муниципалитет", "СОШ № 1", "ООШ № 2"])
        #expect(map.tables[1].rows.map(\.name) == ["Муниципалитет", "СОШ № 1"])
        // 6 of СОШ № 1's 12 students are in 10th grade: shown; every figure is a percentage.
        for table in map.tables { for row in table.rows { for cell in row.cells { if let figure = cell.figure { #expect(figure >= 0 && figure <= 100) } } } }
    }

    @Test func theMunicipalSpravkaRendersInEveryFormat() throws {
        let audiences = try Self.audiences()
        let input = MunicipalReportInput(questionnaire: audiences[0].questionnaire, result: audiences[0].municipal, audiences: audiences,
                                         units: Self.units, date: "15.04.2026")
        let document = MunicipalComposer(input).compose()
        let headings = document.blocks.compactMap { block -> String? in if case .heading(let text, _) = block { text } else { nil } }
        #expect(headings.contains("Охват по организациям"))
        #expect(headings.contains("Карта дефицитов муниципалитета"))
        #expect(headings.contains("Рейтинг школ с доверительными интервалами"))
        // The teachers' indicator is on another scale and left out (with a note), so the heading names two audiences.
        #expect(headings.contains("Единая карта дефицитов: обучающиеся, родители"))
        let forests = document.blocks.filter { if case .chart(let chart) = $0, case .forest = chart.kind { true } else { false } }
        #expect(forests.count == 1)
        let html = HTMLRenderer().render(document)
        #expect(html.contains("stroke-dasharray"))
        #expect(!html.contains("0,6 %"))
        #expect(html.contains("средний балл"))  // the note on the teachers' indicator left out
        let docx = try DOCXRenderer().render(document)
        #expect(docx.count > 10_000)
        #expect(!MarkdownRenderer().render(document).isEmpty)
    }

    @Test func schoolSpravkaShowsTheMunicipalValue() throws {
        let audiences = try Self.audiences()
        let input = MunicipalReportInput(questionnaire: audiences[0].questionnaire, result: audiences[0].municipal, units: Self.units, date: "15.04.2026")
        let writer = MunicipalReportWriter(input)
        let benchmark = writer.benchmark(for: "a")
        #expect(benchmark.indicators.first?.figure == audiences[0].municipal.indicators.first?.pooled)
        var report = ReportInput(questionnaire: audiences[0].questionnaire, result: audiences[0].schools["a"]!, organization: "СОШ № 1", date: "15.04.2026")
        report.benchmark = benchmark
        let html = HTMLRenderer().render(CertificateComposer(report).compose())
        #expect(html.contains("Муниципальное значение"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("municipal-\(UUID().uuidString)")
        let written = try writer.writeSchools(audiences[0].schools, to: folder)
        #expect(written.map(\.code) == ["a", "b"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("schools/b/spravka.docx").path))
        try? FileManager.default.removeItem(at: folder)
    }
}
