/// Renders a `Document` as one self-contained HTML5 file: inline CSS, charts as inline SVG,
/// no scripts and no external resources. Reads on screen and prints on A4.
///
/// All text from the model is escaped (`&`, `<`, `>`, `"`, `'`) and stripped of control
/// characters, and a Content-Security-Policy forbids scripts as a second line of defence.
public struct HTMLRenderer: Sendable {
    public init() {}

    public func render(_ doc: Document) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <meta name="generator" content="Anketa">
        <title>\(Self.escape(DocumentText.singleLine(doc.title)))</title>
        <style>
        \(Self.css)</style>
        </head>
        <body>
        <main class="document">

        """
        if !doc.title.isEmpty || !doc.subtitle.isEmpty {
            out += "<header class=\"title-block\">\n"
            if !doc.title.isEmpty {
                out += "<h1 class=\"doc-title\">\(Self.escapeLines(doc.title))</h1>\n"
            }
            for line in doc.subtitle {
                out += "<p class=\"subtitle\">\(Self.escapeLines(line))</p>\n"
            }
            out += "</header>\n"
        }
        for block in doc.blocks {
            out += renderBlock(block)
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Blocks

    private func renderBlock(_ block: Block) -> String {
        switch block {
        case .heading(let text, let level):
            // The document title is <h1>; chapter headings start at <h2>.
            let h = min(max(level, 1), 3) + 1
            return "<h\(h)>\(Self.escapeLines(text))</h\(h)>\n"
        case .paragraph(let inlines):
            return "<p>\(Self.inlines(inlines))</p>\n"
        case .list(let items, let ordered):
            let tag = ordered ? "ol" : "ul"
            var s = "<\(tag)>\n"
            for item in items { s += "<li>\(Self.inlines(item))</li>\n" }
            return s + "</\(tag)>\n"
        case .table(let table):
            return renderTable(table)
        case .chart(let chart):
            return SVGChartRenderer(chart: chart).render()
        case .note(let inlines):
            return "<p class=\"note\">\(Self.inlines(inlines))</p>\n"
        case .pageBreak:
            return "<div class=\"page-break\" aria-hidden=\"true\"></div>\n"
        }
    }

    private func renderTable(_ table: Table) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        var s = "<div class=\"table-wrap\">\n<table>\n"
        if let caption = table.caption, !caption.isEmpty {
            s += "<caption>\(Self.escapeLines(caption))</caption>\n"
        }
        if let widths = table.columnWidths, widths.count == columns,
           widths.allSatisfy({ $0.isFinite && $0 > 0 }) {
            let total = widths.reduce(0, +)
            s += "<colgroup>"
            for w in widths {
                s += "<col style=\"width:\(DocumentNumberFormat.decimal(w / total * 100, fractionDigits: 2).replacingComma())%\">"
            }
            s += "</colgroup>\n"
        }
        s += "<thead>\n<tr>"
        for c in 0..<columns {
            let text = c < table.header.count ? table.header[c] : ""
            let cls = table.numericColumns.contains(c) ? " class=\"num\"" : ""
            s += "<th scope=\"col\"\(cls)>\(Self.escapeLines(text))</th>"
        }
        s += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            s += "<tr>"
            for c in 0..<columns {
                let cell = c < row.count ? row[c] : Cell("")
                var classes: [String] = []
                if table.numericColumns.contains(c) { classes.append("num") }
                if let tone = cell.tone { classes.append("tone-\(tone.rawValue)") }
                let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                var text = Self.escapeLines(cell.text)
                if cell.bold { text = "<strong>\(text)</strong>" }
                s += "<td\(cls)>\(text)</td>"
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n</div>\n"
        return s
    }

    // MARK: - Text

    static func inlines(_ inlines: [Inline]) -> String {
        var s = ""
        for inline in inlines {
            switch inline {
            case .text(let t): s += escapeLines(t)
            case .strong(let t): s += "<strong>\(escapeLines(t))</strong>"
            case .emphasis(let t): s += "<em>\(escapeLines(t))</em>"
            }
        }
        return s
    }

    /// Escapes text for HTML element content and attribute values.
    public static func escape(_ text: String) -> String {
        DocumentText.escapeMarkup(text, apostrophe: "&#39;")
    }

    /// Escaped text whose newlines become `<br>`.
    static func escapeLines(_ text: String) -> String {
        let lines = DocumentText.sanitized(text).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { escape(String($0)) }.joined(separator: "<br>")
    }

    // MARK: - Style

    static let css = """
    @page { size: A4; margin: 2cm 1.5cm; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
    html { background: #eeede9; }
    body { margin: 0; color: #000;
      font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", Times, serif;
      font-size: 13pt; line-height: 1.4; }
    main.document { max-width: 21cm; margin: 1.5rem auto; padding: 2cm 1.5cm; background: #fff;
      box-shadow: 0 1px 4px rgba(0,0,0,.18); }
    .title-block { text-align: center; margin: 0 0 1.6em; }
    h1.doc-title { font-size: 16pt; margin: 0 0 .5em; line-height: 1.25; }
    .subtitle { margin: 0; text-indent: 0; text-align: center; }
    h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
    h2 { font-size: 14pt; margin: 1.4em 0 .6em; }
    h3 { font-size: 13pt; margin: 1.2em 0 .5em; }
    h4 { font-size: 13pt; font-style: italic; margin: 1em 0 .4em; }
    p { margin: 0 0 .5em; text-indent: 1.25cm; text-align: justify; hyphens: auto; orphans: 2; widows: 2; }
    ul, ol { margin: .3em 0 .7em; padding-left: 1.25cm; }
    li { margin: .15em 0; }
    .table-wrap { margin: .8em 0 1em; overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 11.5pt; line-height: 1.25; }
    caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .35em; }
    th, td { border: 0.75pt solid #666; padding: .25em .45em; text-align: left; vertical-align: top;
      overflow-wrap: anywhere; }
    thead { display: table-header-group; }
    thead th { background: #e3e3e3; font-weight: bold; vertical-align: bottom; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; overflow-wrap: normal; }
    td.tone-good { background: #d9ead3; }
    td.tone-fair { background: #fff2cc; }
    td.tone-poor { background: #f4cccc; }
    td.tone-muted { background: #e7e6e6; color: #000; }
    figure.chart { margin: 1em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
    figure.chart figcaption { font-weight: bold; text-align: center; margin: 0 0 .4em; }
    figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
    svg text { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", Times, serif; }
    ul.legend { list-style: none; padding: 0; margin: .4em 0 0; display: flex; flex-wrap: wrap;
      justify-content: center; gap: .2em 1.2em; font-size: 10.5pt; }
    ul.legend li { margin: 0; white-space: nowrap; }
    ul.legend svg { display: inline; vertical-align: -1px; margin-right: .35em; width: 11px; height: 11px; }
    .note { font-size: 10.5pt; text-indent: 0; color: #222; margin: .3em 0 .8em; }
    .page-break { break-after: page; page-break-after: always; height: 0; }
    @media screen { .page-break { border-top: 1px dashed #bbb; margin: 2em -1.5cm; } }
    @media screen and (max-width: 22cm) { main.document { margin: 0; padding: 1.2rem; box-shadow: none; } }
    @media print {
      html { background: none; }
      body { font-size: 12pt; }
      main.document { margin: 0; padding: 0; max-width: none; box-shadow: none; }
      .table-wrap { overflow: visible; }
    }

    """
}

extension String {
    /// "12,50" → "12.50" for CSS numbers.
    func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 }).filter { $0 != "\u{00A0}" && $0 != "−" }
    }
}

// MARK: - SVG charts

/// Draws a `Chart` as an inline SVG inside a `<figure>`, with an HTML legend below it.
struct SVGChartRenderer {
    let chart: Chart

    private let width = 680.0
    private let fontSize = 13.0
    private let lineHeight = 15.0
    private let labelWidth = 225.0
    private var plotLeft: Double { labelWidth + 12 }

    func render() -> String {
        let title = DocumentText.singleLine(chart.title)
        var s = "<figure class=\"chart\">\n"
        if !title.isEmpty {
            s += "<figcaption>\(HTMLRenderer.escape(title))</figcaption>\n"
        }
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            return s + "<p class=\"note\">Нет данных для диаграммы.</p>\n</figure>\n"
        }
        switch chart.kind {
        case .bars: s += barsSVG(grouped: false)
        case .groupedBars: s += barsSVG(grouped: true)
        case .divergingStacked: s += divergingSVG()
        }
        s += legend()
        return s + "</figure>\n"
    }

    // MARK: Layout helpers

    private var digits: Int { DocumentNumberFormat.fractionDigits(for: chart.allValues) }

    private func color(series i: Int) -> String {
        "#" + ColorHex.seriesColor(chart.series[i].color, index: i)
    }

    private func toneColor(category c: Int) -> String? {
        guard case .bars = chart.kind, c < chart.tones.count, let tone = chart.tones[c] else { return nil }
        return tone.chartColor
    }

    /// Word-wraps a category label into lines of at most `maxChars`, at most 4 lines.
    static func wrap(_ text: String, maxChars: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in DocumentText.singleLine(text).split(separator: " ") {
            var w = String(word)
            while w.count > maxChars {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(maxChars)))
                w = String(w.dropFirst(maxChars))
            }
            if current.isEmpty { current = w }
            else if current.count + 1 + w.count <= maxChars { current += " " + w }
            else { lines.append(current); current = w }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.isEmpty { lines = [""] }
        if lines.count > 4 {
            lines = Array(lines.prefix(4))
            lines[3] = String(lines[3].prefix(maxChars - 1)) + "…"
        }
        return lines
    }

    private var labelLines: [[String]] {
        let maxChars = Int(labelWidth / (fontSize * 0.52))
        return chart.categories.map { Self.wrap($0, maxChars: maxChars) }
    }

    private func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    private func categoryLabel(_ lines: [String], full: String, centerY: Double) -> String {
        let x = plotLeft - 8
        let firstY = centerY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
        var s = "<text x=\"\(f(x))\" y=\"\(f(firstY))\" text-anchor=\"end\" font-size=\"\(f(fontSize))\">"
        s += "<title>\(HTMLRenderer.escape(DocumentText.singleLine(full)))</title>"
        for (i, line) in lines.enumerated() {
            let dy = i == 0 ? "" : " dy=\"\(f(lineHeight))\""
            s += "<tspan x=\"\(f(x))\"\(dy)>\(HTMLRenderer.escape(line))</tspan>"
        }
        return s + "</text>\n"
    }

    private func svgOpen(height: Double) -> String {
        let label = HTMLRenderer.escape(DocumentText.singleLine(chart.title))
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" "
            + "width=\"\(f(width))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(label)\">\n"
    }

    // MARK: Bars and grouped bars

    private func barsSVG(grouped: Bool) -> String {
        let seriesIndices = grouped ? Array(chart.series.indices) : [0]
        let k = Double(seriesIndices.count)
        let barH = grouped ? (k <= 2 ? 15.0 : 12.0) : 18.0
        let barGap = 2.0
        let lines = labelLines
        let rowHeights = lines.map { max(k * barH + (k - 1) * barGap + 12, Double($0.count) * lineHeight + 10) }
        let top = 6.0
        let plotH = rowHeights.reduce(0, +)
        let height = top + plotH + 24
        let plotRight = width - 62
        let dataMax = chart.allValues.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let (maxV, step) = AxisScale.scale(dataMax: dataMax, explicitMax: chart.maxValue)
        let scale = (plotRight - plotLeft) / maxV
        let unit = chart.unit

        var s = svgOpen(height: height)
        s += axisGrid(top: top, bottom: top + plotH, ticks: stride(from: 0, through: maxV + 1e-9, by: step).map { $0 },
                      xFor: { plotLeft + $0 * scale }, label: { DocumentNumberFormat.value($0, unit: unit, fractionDigits: step == step.rounded() ? 0 : 1) })
        var y = top
        for c in chart.categories.indices {
            let rowH = rowHeights[c]
            let groupH = k * barH + (k - 1) * barGap
            var by = y + (rowH - groupH) / 2
            s += categoryLabel(lines[c], full: chart.categories[c], centerY: y + rowH / 2)
            for si in seriesIndices {
                let v = chart.value(series: si, category: c)
                let fill = toneColor(category: c) ?? color(series: si)
                let w = max(0, min(v ?? 0, maxV)) * scale
                let valueText = DocumentNumberFormat.value(v, unit: unit, fractionDigits: digits)
                let tip = "\(DocumentText.singleLine(chart.series[si].name)): \(valueText)"
                if v != nil && w > 0 {
                    s += "<rect x=\"\(f(plotLeft))\" y=\"\(f(by))\" width=\"\(f(w))\" height=\"\(f(barH))\" fill=\"\(fill)\">"
                        + "<title>\(HTMLRenderer.escape(tip))</title></rect>\n"
                }
                let ty = by + barH / 2 + fontSize * 0.35
                s += "<text x=\"\(f(plotLeft + w + 4))\" y=\"\(f(ty))\" font-size=\"\(f(grouped ? 12 : fontSize))\">\(HTMLRenderer.escape(valueText))</text>\n"
                by += barH + barGap
            }
            y += rowH
        }
        s += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(top))\" x2=\"\(f(plotLeft))\" y2=\"\(f(top + plotH))\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        return s + "</svg>\n"
    }

    private func axisGrid(top: Double, bottom: Double, ticks: [Double], xFor: (Double) -> Double,
                          label: (Double) -> String) -> String {
        var s = ""
        for t in ticks {
            let x = xFor(t)
            s += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" stroke=\"#d0d0d0\" stroke-width=\"0.75\"/>\n"
            s += "<text x=\"\(f(x))\" y=\"\(f(bottom + 15))\" text-anchor=\"middle\" font-size=\"11.5\" fill=\"#333\">\(HTMLRenderer.escape(label(t)))</text>\n"
        }
        return s
    }

    // MARK: Diverging stacked

    private func divergingSVG() -> String {
        guard let split = chart.divergingSplit else { return "" }
        let lines = labelLines
        let barH = 22.0
        let rowHeights = lines.map { max(barH + 10, Double($0.count) * lineHeight + 10) }
        let top = 6.0
        let plotH = rowHeights.reduce(0, +)
        let height = top + plotH + 24
        let plotRight = width - 14
        let center = (plotLeft + plotRight) / 2
        let extents = chart.categories.indices.map { chart.divergingExtents(category: $0) }
        let reach = extents.map { max($0.left, $0.right) }.max() ?? 0
        let (maxV, step) = AxisScale.scale(dataMax: reach, explicitMax: nil)
        let scale = (plotRight - center) / maxV
        let unit = chart.unit

        var s = svgOpen(height: height)
        var ticks: [Double] = []
        var t = -maxV
        while t <= maxV + 1e-9 { ticks.append(t); t += step }
        s += axisGrid(top: top, bottom: top + plotH, ticks: ticks, xFor: { center + $0 * scale },
                      label: { DocumentNumberFormat.value(abs($0), unit: unit, fractionDigits: step == step.rounded() ? 0 : 1) })
        // The zero line goes under the bars: it shows between them, not across their labels.
        s += "<line x1=\"\(f(center))\" y1=\"\(f(top))\" x2=\"\(f(center))\" y2=\"\(f(top + plotH))\" stroke=\"#222\" stroke-width=\"1.2\"/>\n"
        let order = split.negative + (split.neutral.map { [$0] } ?? []) + split.positive
        var y = top
        for c in chart.categories.indices {
            let rowH = rowHeights[c]
            let by = y + (rowH - barH) / 2
            s += categoryLabel(lines[c], full: chart.categories[c], centerY: y + rowH / 2)
            let hasData = order.contains { chart.value(series: $0, category: c) != nil }
            if !hasData {
                s += "<text x=\"\(f(center + 6))\" y=\"\(f(by + barH / 2 + 4))\" font-size=\"11\" fill=\"#444\">нет данных</text>\n"
            }
            var x = center - extents[c].left * scale
            for si in order {
                guard let v = chart.value(series: si, category: c), v > 0 else { continue }
                let w = v * scale
                let hex = ColorHex.seriesColor(chart.series[si].color, index: si)
                let valueText = DocumentNumberFormat.value(v, unit: unit, fractionDigits: digits)
                let tip = "\(DocumentText.singleLine(chart.series[si].name)): \(valueText)"
                s += "<rect x=\"\(f(x))\" y=\"\(f(by))\" width=\"\(f(w))\" height=\"\(f(barH))\" fill=\"#\(hex)\" stroke=\"#fff\" stroke-width=\"0.5\">"
                    + "<title>\(HTMLRenderer.escape(tip))</title></rect>\n"
                let label = DocumentNumberFormat.decimal(v, fractionDigits: digits)
                if w >= Double(label.count) * 6.8 + 6 {
                    let fill = ColorHex.prefersDarkText(hex) ? "#000" : "#fff"
                    s += "<text x=\"\(f(x + w / 2))\" y=\"\(f(by + barH / 2 + 4))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(fill)\">\(HTMLRenderer.escape(label))</text>\n"
                }
                x += w
            }
            y += rowH
        }
        return s + "</svg>\n"
    }

    // MARK: Legend

    private func legend() -> String {
        var items: [(color: String, name: String)] = []
        switch chart.kind {
        case .bars:
            var seen: [Tone] = []
            for case let tone? in chart.tones where !seen.contains(tone) { seen.append(tone) }
            items = Tone.allCases.filter(seen.contains).map { ($0.chartColor, $0.legendLabel) }
        case .groupedBars, .divergingStacked:
            items = chart.series.indices.map { (color(series: $0), DocumentText.singleLine(chart.series[$0].name)) }
        }
        guard !items.isEmpty else { return "" }
        var s = "<ul class=\"legend\">"
        for item in items {
            s += "<li><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect width=\"10\" height=\"10\" fill=\"\(item.color)\"/></svg>"
                + "\(HTMLRenderer.escape(item.name))</li>"
        }
        return s + "</ul>\n"
    }
}
