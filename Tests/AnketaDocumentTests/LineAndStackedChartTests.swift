import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AnketaDocument

@Suite struct LineAndStackedChartTests {
    static let document = Document(title: "Тренд", subtitle: [], blocks: [
        .chart(Chart(kind: .line, title: "Доля по годам", categories: ["2023/2024", "2024/2025", "2025/2026"],
                     series: [Chart.Series(name: "Доля", values: [37.5, nil, 22.1], color: "#4a6fa5")], maxValue: 100, unit: "%")),
        .chart(Chart(kind: .stacked, title: "Уровни по классам", categories: ["5А", "6Б <script>"],
                     series: [Chart.Series(name: "высокий", values: [40, 10], color: "#A8D5A2"),
                              Chart.Series(name: "низкий", values: [60, 90], color: "#8E1B1B")], maxValue: 100, unit: "%")),
    ])

    @Test func htmlDrawsALineAndStackedBars() {
        let html = HTMLRenderer().render(Self.document)
        // One path per drawing (wide and narrow); the missing wave breaks nothing: only present points get markers.
        #expect(html.components(separatedBy: "<path d=\"M ").count - 1 == 2)
        #expect(html.components(separatedBy: "<circle").count - 1 == 4)
        #expect(html.contains("37,5"))
        #expect(html.contains("6Б &lt;script&gt;"))
        #expect(!html.contains("<script>"))
    }

    @Test func docxWritesNativeLineAndStackedCharts() throws {
        let parts = try DOCXRenderer.parts(of: try DOCXRenderer().render(Self.document))
        let line = String(decoding: try #require(parts["word/charts/chart1.xml"]), as: UTF8.self)
        let stacked = String(decoding: try #require(parts["word/charts/chart2.xml"]), as: UTF8.self)
        #expect(line.contains("<c:lineChart>"))
        // The missing wave is a gap: no point 1 in the values.
        #expect(line.contains("<c:ptCount val=\"3\"/><c:pt idx=\"0\"><c:v>37.5</c:v></c:pt><c:pt idx=\"2\"><c:v>22.1</c:v></c:pt>"))
        #expect(stacked.contains("<c:grouping val=\"stacked\"/>"))
        // Both parse as XML.
        for xml in [line, stacked] {
            #expect((try? XMLDocument(data: Data(xml.utf8))) != nil)
        }
    }

    @Test func markdownFallsBackToATable() {
        let md = MarkdownRenderer().render(Self.document)
        #expect(md.contains("| Период | Доля |"))
        #expect(md.contains("| 2025/2026 | 22,1\u{00A0}% |"))
        #expect(md.contains("| 5А | 40\u{00A0}% | 60\u{00A0}% |"))
    }
}
