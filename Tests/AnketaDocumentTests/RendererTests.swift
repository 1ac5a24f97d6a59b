import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import AnketaDocument

// MARK: - Numbers

@Test func decimalCommaFormatting() {
    #expect(DocumentNumberFormat.decimal(82.4) == "82,4")
    #expect(DocumentNumberFormat.decimal(82.44, fractionDigits: 1) == "82,4")
    #expect(DocumentNumberFormat.decimal(82.45, fractionDigits: 1) == "82,5")
    #expect(DocumentNumberFormat.decimal(7, fractionDigits: 0) == "7")
    #expect(DocumentNumberFormat.decimal(0.05, fractionDigits: 1) == "0,1")
    #expect(DocumentNumberFormat.decimal(-3.25, fractionDigits: 2) == "−3,25")
    #expect(DocumentNumberFormat.decimal(-0.01, fractionDigits: 1) == "0,0")
    #expect(DocumentNumberFormat.decimal(12500, fractionDigits: 0) == "12\u{00A0}500")
    #expect(DocumentNumberFormat.decimal(1250, fractionDigits: 0) == "1250")
    #expect(DocumentNumberFormat.decimal(.nan) == "—")
    #expect(DocumentNumberFormat.value(82.4, unit: "%") == "82,4\u{00A0}%")
    #expect(DocumentNumberFormat.value(nil, unit: "%") == "—")
    #expect(DocumentNumberFormat.value(4.25, unit: "", fractionDigits: 2) == "4,25")
    #expect(DocumentNumberFormat.fractionDigits(for: [1, 2, nil, 100]) == 0)
    #expect(DocumentNumberFormat.fractionDigits(for: [1, 2.5]) == 1)
}

@Test func sanitizingDropsIllegalXMLCharacters() {
    let s = DocumentText.sanitized("a\u{0}b\u{7}c\td\r\ne\u{FFFE}f\u{85}g")
    #expect(s == "abc\td\nefg")
    #expect(DocumentText.singleLine(" a\n\n b\t") == "a b")
}

@Test func divergingSplitAroundNeutral() {
    let chart = sampleDocument.blocks.compactMap { block -> Chart? in
        if case .chart(let c) = block, case .divergingStacked = c.kind { return c }
        return nil
    }.first!
    #expect(chart.divergingSplit == DivergingSplit(negative: [0, 1], neutral: 2, positive: [3, 4]))
    let e = chart.divergingExtents(category: 0)
    #expect(e.left == 22 && e.right == 78)
    var even = chart
    even.kind = .divergingStacked(neutralSeries: nil)
    even.series.removeLast()
    #expect(even.divergingSplit == DivergingSplit(negative: [0, 1], neutral: nil, positive: [2, 3]))
}

// MARK: - HTML

@Test func htmlEscapesHostileText() {
    let html = HTMLRenderer().render(sampleDocument)
    #expect(!html.contains("<script"))
    #expect(!html.contains(hostile))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;=cmd|&#39; /C calc&#39;!A0&quot;"))
    #expect(!html.contains("\u{0007}"))
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<html lang=\"ru\">"))
    #expect(html.contains("@page { size: A4; margin: 20.0mm 15.0mm 20.0mm 30.0mm;"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("<script"))
    #expect(html.contains("class=\"num tone-poor\""))
    #expect(html.contains("<svg"))
    #expect(html.contains("82,4\u{00A0}%"))
}

@Test func htmlEscapesTitleAndAttributes() {
    let doc = Document(title: "\"><img src=x onerror=alert(1)>", blocks: [
        .chart(Chart(kind: .bars, title: "\" onload=\"x", categories: ["<b>"], series: [
            .init(name: "'", values: [1], color: "red\" onclick=\"evil"),
        ])),
    ])
    let html = HTMLRenderer().render(doc)
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>"))
    #expect(!html.contains("\" onload"))
    #expect(!html.contains("onclick=\"evil"))
}

// MARK: - Markdown

@Test func markdownEscapesHostileText() {
    let md = MarkdownRenderer().render(sampleDocument)
    #expect(!md.contains("<script>"))
    #expect(!md.contains(hostile))
    #expect(md.contains("\\<script\\>alert(1)\\</script\\> \\& \"=cmd\\|' /C calc'\\!A0\""))
    #expect(md.contains("- \\# не заголовок"))
    #expect(md.contains("- \\- не вложенный список"))
    #expect(md.contains("1\\. Строка, похожая на пункт списка, с переносом"))
    #expect(md.hasPrefix("# Аналитическая справка"))
}

@Test func markdownTableCellsEscapePipesAndNewlines() {
    let table = Table(header: ["A|B", "Число"], rows: [
        [Cell("x | y\nвторая строка"), "1,5"],
        [Cell("a\\|b", bold: true), "2"],
    ], numericColumns: [1])
    let md = MarkdownRenderer().render(Document(title: "T", blocks: [.table(table)]))
    let lines = md.split(separator: "\n").map(String.init)
    #expect(lines.contains("| A\\|B | Число |"))
    #expect(lines.contains("| --- | ---: |"))
    #expect(lines.contains("| x \\| y<br>вторая строка | 1,5 |"))
    #expect(lines.contains("| **a\\\\\\|b** | 2 |"))
    // Every table line has exactly the expected number of unescaped pipes.
    for line in lines where line.hasPrefix("|") {
        #expect(unescapedPipes(line) == 3, "\(line)")
    }
}

@Test func markdownChartBecomesValueTable() {
    let md = MarkdownRenderer().render(sampleDocument)
    #expect(md.contains("| Показатель | Доля, % | Уровень |"))
    #expect(md.contains("| Качество преподавания | 86,2\u{00A0}% | благополучный уровень |"))
    #expect(md.contains("| Дополнительное образование | — | нет данных |"))
    #expect(md.contains("| Показатель | 2024 г. | 2025 г. |"))
}

private func unescapedPipes(_ line: String) -> Int {
    var count = 0
    var escaped = false
    for ch in line {
        if escaped { escaped = false; continue }
        if ch == "\\" { escaped = true } else if ch == "|" { count += 1 }
    }
    return count
}

// MARK: - DOCX

private func entries(_ data: Data) throws -> [String: Data] {
    try DOCXRenderer.parts(of: data)
}

@Test func docxIsAZipWithTheRequiredParts() throws {
    let data = try DOCXRenderer().render(sampleDocument)
    #expect(data.prefix(2) == Data("PK".utf8))
    let parts = try entries(data)
    for name in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                 "word/numbering.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                 "word/charts/chart1.xml", "word/charts/chart2.xml", "word/charts/chart3.xml",
                 "docProps/core.xml", "docProps/app.xml", "word/footer1.xml"] {
        #expect(parts[name] != nil, "missing \(name)")
    }
    #expect(parts["word/charts/chart4.xml"] == nil)
    let types = String(decoding: parts["[Content_Types].xml"]!, as: UTF8.self)
    let rels = String(decoding: parts["word/_rels/document.xml.rels"]!, as: UTF8.self)
    let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
    for n in 1...3 {
        #expect(types.contains("PartName=\"/word/charts/chart\(n).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\""))
        #expect(rels.contains("Id=\"rIdChart\(n)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart\" Target=\"charts/chart\(n).xml\""))
        #expect(document.contains("r:id=\"rIdChart\(n)\""))
    }
    // Every relationship id used in the document is declared.
    for id in ["rIdFooter1"] { #expect(rels.contains("Id=\"\(id)\"")) }
}

@Test func docxPartsAreWellFormedAndEscaped() throws {
    let parts = try entries(try DOCXRenderer().render(sampleDocument))
    for (name, data) in parts where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
        #expect(throws: Never.self, "\(name) is not well-formed") {
            _ = try XMLDocument(data: data, options: [])
        }
    }
    let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
    #expect(!document.contains("<script"))
    #expect(!document.contains(hostile))
    #expect(document.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;=cmd|&apos; /C calc&apos;!A0&quot;"))
    #expect(!document.contains("\u{0007}"))
    #expect(document.contains("<w:tblHeader/>"))
    #expect(document.contains("w:fill=\"\(Tone.poor.cellBackground.dropFirst())\""))
    #expect(document.contains("<w:jc w:val=\"right\"/>"))
    #expect(document.contains("<w:br w:type=\"page\"/>"))
    let styles = String(decoding: parts["word/styles.xml"]!, as: UTF8.self)
    for id in ["Title", "Heading1", "Heading2", "Heading3", "Normal", "Caption", "AnketaTable", "Note"] {
        #expect(styles.contains("w:styleId=\"\(id)\""), "style \(id)")
    }
}

@Test func docxChartsAreNativeBarCharts() throws {
    let parts = try entries(try DOCXRenderer().render(sampleDocument))
    let bars = String(decoding: parts["word/charts/chart1.xml"]!, as: UTF8.self)
    #expect(bars.contains("<c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>"))
    #expect(bars.contains("<c:dPt><c:idx val=\"2\"/>"))
    #expect(bars.contains(String(Tone.poor.chartColor.dropFirst())))
    let diverging = String(decoding: parts["word/charts/chart2.xml"]!, as: UTF8.self)
    #expect(diverging.contains("<c:grouping val=\"stacked\"/>"))
    #expect(diverging.contains("<c:overlap val=\"100\"/>"))
    #expect(diverging.components(separatedBy: "<c:ser>").count - 1 == 6) // spacer + 5 options
    let grouped = String(decoding: parts["word/charts/chart3.xml"]!, as: UTF8.self)
    #expect(grouped.components(separatedBy: "<c:ser>").count - 1 == 2)
    #expect(grouped.contains("<c:grouping val=\"clustered\"/>"))
    #expect(diverging.contains("formatCode=\"[$-419]0\""))
    #expect(bars.contains("formatCode=\"[$-419]0.0&quot;\u{00A0}%&quot;\""))
    // Legends are paragraphs under the charts, the same in Word and LibreOffice.
    let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
    #expect(document.contains("Полностью согласен"))
    #expect(document.contains("благополучный уровень"))
}

@Test func docxIsDeterministicAndHandlesEmptyDocument() throws {
    let a = try DOCXRenderer().render(sampleDocument)
    let b = try DOCXRenderer().render(sampleDocument)
    #expect(a == b)
    let empty = try entries(try DOCXRenderer().render(Document(title: "", blocks: [])))
    #expect(empty["word/document.xml"] != nil)
    let rels = String(decoding: empty["word/_rels/document.xml.rels"]!, as: UTF8.self)
    #expect(!rels.contains("chart"))
}

/// Writes the sample in every format when ANKETA_SAMPLE_OUT names a folder (for looking at them).
@Test func writeSamplesWhenAsked() throws {
    guard let dir = ProcessInfo.processInfo.environment["ANKETA_SAMPLE_OUT"] else { return }
    let url = URL(fileURLWithPath: dir, isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try HTMLRenderer().render(sampleDocument).write(to: url.appendingPathComponent("sample.html"), atomically: true, encoding: .utf8)
    try MarkdownRenderer().render(sampleDocument).write(to: url.appendingPathComponent("sample.md"), atomically: true, encoding: .utf8)
    try DOCXRenderer().render(sampleDocument).write(to: url.appendingPathComponent("sample.docx"))
}

@Test func docxForestRowsCarryTheReferenceTick() throws {
    // Interval 40–60, estimate 50, reference 55: gap, band, mark, band, tick, band.
    let row = DOCXChartWriter.forestSegments(value: 50, low: 40, high: 60, reference: 55, mark: 1, tick: 0.4)
    #expect(row.map(\.role) == [.gap, .band, .point, .band, .reference, .band])
    let lengths = row.map(\.length)
    for (length, expected) in zip(lengths, [40, 9.5, 1, 4.3, 0.4, 4.8]) { #expect(abs(length - expected) < 1e-9) }
    // The reference beyond the interval, and on the estimate (the estimate's mark wins there).
    #expect(DOCXChartWriter.forestSegments(value: 20, low: 10, high: 30, reference: 55, mark: 1, tick: 0.4).map(\.role)
        == [.gap, .band, .point, .band, .gap, .reference])
    #expect(DOCXChartWriter.forestSegments(value: 55, low: 50, high: 60, reference: 55, mark: 1, tick: 0.4).map(\.role)
        == [.gap, .band, .point, .band])
    // A row without an estimate still shows the tick.
    #expect(DOCXChartWriter.forestSegments(value: nil, low: nil, high: nil, reference: 55, mark: 1, tick: 0.4).map(\.role) == [.gap, .reference])

    let chart = Chart(kind: .forest(reference: 55), title: "Лес", categories: ["А", "Б"],
                      series: [Chart.Series(name: "Среднее", values: [50, 20], color: "#4a6fa5"),
                               Chart.Series(name: "Нижняя граница", values: [40, 10], color: "#bfbfbf"),
                               Chart.Series(name: "Верхняя граница", values: [60, 30], color: "#bfbfbf")],
                      maxValue: 100, unit: "%")
    let data = try DOCXRenderer().render(Document(title: "Т", blocks: [.chart(chart)]))
    let xml = String(decoding: try #require(try entries(data)["word/charts/chart1.xml"]), as: UTF8.self)
    // One tick per row, filled near-black.
    #expect(xml.components(separatedBy: "<a:srgbClr val=\"222222\"/>").count - 1 == 2)
}
