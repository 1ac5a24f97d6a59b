import Foundation
import Testing

/// The municipal monitoring run on the shipped sample the way a municipal methodist would.
@Suite("anketa municipal")
struct MunicipalCLITests {
    @Test func sampleBecomesTheMunicipalAndEverySchoolsSpravka() throws {
        let workspace = try Workspace()
        let sample = packageRoot.appendingPathComponent("Samples/municipal")
        for name in ["units.csv", "parents-2026.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: workspace.url(name))
        }
        let questionnaire = packageRoot.appendingPathComponent("Questionnaires/objective-assessment-parents.yaml").path
        let imported = try workspace.run(["units", "import", "units.csv"])
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout.contains("30\u{00A0}организаций; добавлено: 30"))
        #expect(try workspace.run(["units", "import", "units.csv"]).stdout.contains("без изменений: 30"))

        let ingest = try workspace.run(["ingest", questionnaire, "parents-2026.csv", "--wave", "2026", "--split-by", "Образовательная организация"])
        #expect(ingest.status == 0, "\(ingest)")
        #expect(ingest.stdout.contains("в 30\u{00A0}организациях"))
        #expect(ingest.stdout.contains("«МБОУ СОШ № 7»") && ingest.stdout.contains("«сош №7»"))
        #expect(ingest.stderr.contains("организация «СОШ № 77» не найдена в реестре"))
        #expect(workspace.exists("parents-2026.rejects.csv"))
        // Loading the same file again adds nothing.
        #expect(try workspace.run(["ingest", questionnaire, "parents-2026.csv", "--wave", "2026", "--split-by", "Образовательная организация"])
            .stdout.contains("сохранено 0\u{00A0}анкет"))

        let report = try workspace.run(["report", "objective-assessment-parents", "--wave", "2026", "--municipal", "--schools", "-o", "out"])
        #expect(report.status == 0, "\(report)")
        for name in ["spravka.html", "spravka.docx", "spravka.md", "municipal.json", "schools.csv", "schools/sosh7/spravka.docx"] {
            #expect(workspace.exists("out/\(name)"), "\(name) missing")
        }
        let html = try String(contentsOf: workspace.url("out/spravka.html"), encoding: .utf8)
        #expect(html.contains("Карта дефицитов муниципалитета") && html.contains("скрыто"))
        let school = try String(contentsOf: workspace.url("out/schools/sosh7/spravka.html"), encoding: .utf8)
        #expect(school.contains("Муниципальное значение"))

        let unknown = try workspace.run(["ingest", questionnaire, "parents-2026.csv", "--wave", "2026", "--split-by", "Школа"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("нет столбца «Школа»"))
    }

    @Test func teachersDeficitsWithTheirChangeAndTopicsBySubject() throws {
        let workspace = try Workspace()
        let sample = packageRoot.appendingPathComponent("Samples/municipal")
        for name in ["units.csv", "deficits-2025.csv", "deficits-2026.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: workspace.url(name))
        }
        let questionnaire = packageRoot.appendingPathComponent("Questionnaires/teachers-professional-deficits.yaml").path
        #expect(try workspace.run(["units", "import", "units.csv"]).status == 0)
        for year in ["2025", "2026"] {
            let ingest = try workspace.run(["ingest", questionnaire, "deficits-\(year).csv", "--wave", year, "--split-by", "Образовательная организация"])
            #expect(ingest.status == 0, "\(ingest)")
        }
        let report = try workspace.run(["report", "teachers-professional-deficits", "--wave", "2026", "--compare", "2025", "--municipal", "-o", "out"])
        #expect(report.status == 0, "\(report)")
        let text = try String(contentsOf: workspace.url("out/spravka.md"), encoding: .utf8)
        #expect(text.contains("Динамика по сравнению с волной «2025»"))
        #expect(text.contains("Темы повышения квалификации по предметным областям"))
        let figures = try JSONSerialization.jsonObject(with: Data(contentsOf: workspace.url("out/municipal.json"))) as? [String: Any]
        let dynamics = figures?["dynamics"] as? [String: Any]
        #expect(dynamics?["previousWave"] as? String == "2025")
        #expect(((dynamics?["schools"] as? [Any])?.count ?? 0) > 20)
        let topics = (figures?["result"] as? [String: Any])?["topics"] as? [[String: Any]]
        #expect(topics?.contains { (($0["subjects"] as? [Any])?.count ?? 0) > 0 } == true)

        let missing = try workspace.run(["report", "teachers-professional-deficits", "--wave", "2026", "--compare", "2019", "--municipal", "-o", "out2"])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("нет волны «2019»"))
    }
}
