import AnketaAnalysis
import AnketaCore
@testable import AnketaDocument
import AnketaReports
import AnketaTestSupport
import Foundation
import Testing

/// The справка over three waves of a motivation-like survey: the trend section, the line charts,
/// the level share by class and the wording of lower-is-better indicators.
@Suite struct TrendReportTests {
    static let waves: [[(String, Int, Int)]] = [
        Array(repeating: ("5А", 3, 3), count: 6) + Array(repeating: ("5А", 2, 2), count: 6) + Array(repeating: ("6А", 3, 3), count: 6) + Array(repeating: ("6А", 1, 2), count: 8),
        Array(repeating: ("5А", 3, 3), count: 3) + Array(repeating: ("5А", 1, 2), count: 10) + Array(repeating: ("6А", 3, 3), count: 5) + Array(repeating: ("6А", 1, 1), count: 8),
        Array(repeating: ("5А", 1, 1), count: 12) + Array(repeating: ("6А", 3, 3), count: 4) + Array(repeating: ("6А", 1, 1), count: 12),
    ]

    static func outputs() throws -> ReportFixture.Outputs {
        let results = try waves.enumerated().map { try MotivationSurvey.analyze($1, wave: "\(2024 + $0)", minGroupSize: 5) }
        var input = ReportInput(questionnaire: try MotivationSurvey.questionnaire(), result: results[2], previous: results[1],
                                mapGrouping: "class", date: "20.03.2026")
        input.history = Array(results.prefix(2))
        return try ReportFixture.write(input)
    }

    @Test func trendSectionInWordsTableAndCharts() throws {
        let outputs = try Self.outputs()
        let markdown = outputs.markdown
        #expect(markdown.contains("Динамика показателей за три периода (2024 — 2026)"))
        #expect(markdown.contains("«Доля с низкой мотивацией»: снижение с"))
        #expect(markdown.contains("тренд значим"))
        #expect(markdown.contains("положительная динамика"))
        #expect(!markdown.contains("Сравнение с прошлым периодом"))
        // A line chart per indicator: SVG paths in HTML, c:lineChart in the DOCX, a table in Markdown.
        #expect(outputs.html.contains("<path d=\"M "))
        let docx = try #require(outputs.files["spravka.docx"])
        let parts = try DOCXRenderer.parts(of: docx)
        let charts = parts.filter { $0.key.hasPrefix("word/charts/") }.map { String(decoding: $0.value, as: UTF8.self) }
        #expect(charts.filter { $0.contains("<c:lineChart>") }.count == 3)
        #expect(markdown.contains("| Период |"))
        // JSON: the trend at full precision.
        let object = try #require(try JSONSerialization.jsonObject(with: outputs.jsonData) as? [String: Any])
        let trend = try #require(object["trend"] as? [String: Any])
        #expect(trend["waves"] as? [String] == ["2024", "2025", "2026"])
        let series = try #require((trend["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "risk" })
        #expect(series["test"] as? String == "cochran_armitage")
        #expect((object["history"] as? [Any])?.count == 1)
    }

    @Test func lowerIsBetterIsNotCalledHigh() throws {
        let markdown = try Self.outputs().markdown
        // «Давление» is high (a deficit) where lower is better: never listed as «на высоком уровне».
        let high = markdown.components(separatedBy: "\n").filter { $0.contains("На высоком уровне") }
        #expect(high.allSatisfy { !$0.contains("«Давление»") })
        #expect(!markdown.contains("уровень)"))
        #expect(!markdown.contains("ая уровень"))
    }

    @Test func levelsByGroupAsStackedBars() throws {
        let outputs = try Self.outputs()
        #expect(outputs.markdown.contains("«Мотивация»: распределение по уровням (класс)"))
        // 6А: 12 of 16 «низкий»-free… the class with pupils at risk is a group deficit of the share.
        #expect(outputs.markdown.contains("«Доля с низкой мотивацией» в группе «6А»"))
    }
}
