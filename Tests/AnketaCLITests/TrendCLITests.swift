import Foundation
import Testing

@Suite struct TrendCLITests {
    /// Three school years of the shipped motivation sample: `--trend` and two `--compare` give the same
    /// trend справка; one `--compare` keeps the two-wave comparison.
    @Test func trendOverThreeStoredWaves() throws {
        let workspace = try Workspace()
        let definition = packageRoot.appendingPathComponent("Questionnaires/students-motivation.yaml").path
        for year in ["2024", "2025", "2026"] {
            let file = packageRoot.appendingPathComponent("Samples/students-motivation-\(year).csv").path
            let result = try workspace.run(["ingest", definition, file, "--wave", year])
            #expect(result.status == 0, "\(result)")
        }
        let trend = try workspace.run(["report", "students-motivation", "--wave", "2026", "--trend", "--by", "class", "-o", "trend"])
        #expect(trend.status == 0, "\(trend)")
        let markdown = try String(contentsOf: workspace.url("trend/spravka.md"), encoding: .utf8)
        #expect(markdown.contains("Динамика показателей за три учебных года (2023/2024 — 2025/2026)"))
        #expect(markdown.contains("Доля обучающихся с низкой мотивацией и дезадаптацией"))
        #expect(!markdown.contains("Сравнение с прошлым периодом"))

        let named = try workspace.run(["report", "students-motivation", "--wave", "2026", "--compare", "2024", "--compare", "2025", "--by", "class", "-o", "named"])
        #expect(named.status == 0, "\(named)")
        let namedMarkdown = try String(contentsOf: workspace.url("named/spravka.md"), encoding: .utf8)
        #expect(namedMarkdown.contains("Динамика показателей за три учебных года"))

        let single = try workspace.run(["report", "students-motivation", "--wave", "2026", "--compare", "2025", "-o", "single"])
        #expect(single.status == 0, "\(single)")
        let singleMarkdown = try String(contentsOf: workspace.url("single/spravka.md"), encoding: .utf8)
        #expect(singleMarkdown.contains("Сравнение с прошлым периодом"))
        #expect(!singleMarkdown.contains("Динамика показателей за"))
    }

    @Test func trendAndCompareTogetherAreRefused() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["report", "students-motivation", "--wave", "2026", "--trend", "--compare", "2025"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--trend"))
    }
}
