import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AnketaDocument

@Suite struct BubbleChartTests {
    static let chart = Chart.bubble(
        title: "Отметки школы и ВПР", xTitle: "Отметка школы", yTitle: "Отметка ВПР <b>",
        xCategories: ["2", "3", "4", "5"], yCategories: ["2", "3", "4", "5"],
        series: [Chart.Series(name: "Понизили", values: [], color: "#C0504D"),
                 Chart.Series(name: "Подтвердили", values: [], color: "#BFBFBF")],
        bubbles: [Chart.Bubble(x: 2, y: 1, count: 11, series: 0), Chart.Bubble(x: 3, y: 3, count: 33, series: 1),
                  Chart.Bubble(x: 0, y: 0, count: 1, series: 1),
                  // Not drawn: an empty cell and one outside the axes.
                  Chart.Bubble(x: 1, y: 1, count: 0, series: 1), Chart.Bubble(x: 7, y: 0, count: 5, series: 0)])
    static let document = Document(title: "Пузырьки", blocks: [.chart(chart)])

    @Test func onlyDrawableCellsCount() {
        #expect(Self.chart.drawableBubbles.count == 3)
        #expect(Self.chart.bubbleCount(x: 2, y: 1) == 11)
        #expect(Self.chart.bubbleCount(x: 1, y: 1) == nil)
        #expect(Self.chart.bubbleDiagonal)
    }

    @Test func htmlDrawsBubblesWithCountsAndTheDiagonal() {
        let html = HTMLRenderer().render(Self.document)
        // Three bubbles in each of the two drawings (wide and narrow).
        #expect(html.components(separatedBy: "<circle").count - 1 == 6)
        #expect(html.contains(">33</text>") && html.contains(">11</text>") && html.contains(">1</text>"))
        #expect(html.components(separatedBy: "stroke-dasharray=\"5 4\"").count - 1 == 2)
        // Area grows with the count: r ∝ √count, so the 33 bubble's radius is √3 times the 11 bubble's.
        let radii = html.components(separatedBy: " r=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(radii.count == 6)
        #expect(abs(radii[1] / radii[0] - 3.0.squareRoot()) < 0.01)
        #expect(html.contains("Отметка ВПР &lt;b&gt;") && !html.contains("ВПР <b>"))
        #expect(html.contains("Понизили") && html.contains("Подтвердили"))
    }

    @Test func docxWritesANativeBubbleChart() throws {
        let parts = try DOCXRenderer.parts(of: try DOCXRenderer().render(Self.document))
        let xml = String(decoding: try #require(parts["word/charts/chart1.xml"]), as: UTF8.self)
        #expect(xml.contains("<c:bubbleChart>"))
        #expect(xml.contains("<c:sizeRepresents val=\"area\"/>"))
        // The first series (понизили) holds the one bubble at school mark 4, ВПР mark 3, size 11;
        // the marks are their own axis positions.
        #expect(xml.contains("<c:xVal><c:numRef><c:f>Sheet1!$A$2:$A$2</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>4</c:v></c:pt>"))
        #expect(xml.contains("<c:bubbleSize><c:numRef><c:f>Sheet1!$C$3:$C$4</c:f>"))
        #expect(xml.contains("<a:t>33</a:t>"))
        // Axes from 1 to 6 with the outer ticks printed as nothing.
        #expect(xml.contains("<c:max val=\"6\"/><c:min val=\"1\"/>"))
        #expect(xml.contains("[&lt;1.5]&quot;&quot;;[&gt;5.5]&quot;&quot;;"))
        #expect(xml.contains("Отметка ВПР &lt;b&gt;"))
        #expect((try? XMLDocument(data: Data(xml.utf8))) != nil)
    }

    @Test func axisPositionsAreTheNumbersOrTheirOrder() {
        #expect(DOCXChartWriter.bubblePositions(["2", "3", "4", "5"]) == [2, 3, 4, 5])
        #expect(DOCXChartWriter.bubblePositions(["низкий", "средний"]) == [1, 2])
        #expect(DOCXChartWriter.bubblePositions(["5", "3"]) == [1, 2])   // not increasing: by order
    }

    @Test func markdownWritesACrossTable() {
        let md = MarkdownRenderer().render(Self.document)
        #expect(md.contains("| Отметка ВПР \\<b\\> / Отметка школы | 2 | 3 | 4 | 5 |"), "\(md)")   // escaped, not markup
        // Rows from the highest mark down, as on the chart.
        #expect(md.contains("| 5 | 0 | 0 | 0 | 33 |\n| 4 | 0 | 0 | 0 | 0 |\n| 3 | 0 | 0 | 11 | 0 |\n| 2 | 1 | 0 | 0 | 0 |"))
    }
}
