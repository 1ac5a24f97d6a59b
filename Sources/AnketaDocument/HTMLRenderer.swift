/// Renders a `Document` as one self-contained HTML5 file: inline CSS, charts as inline SVG,
/// no scripts and no external resources. Reads on screen (a phone at 390 px to a desktop) and
/// prints on A4 with the document's `DocumentStyle`: its font and sizes, its page margins in
/// `@page`, page numbers in the bottom margin.
///
/// Each chart is drawn twice: labels beside the bars for wide screens and print, labels above
/// the bars for narrow screens; CSS shows one of them.
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
        \(Self.css(doc.style.checked))</style>
        </head>
        <body>
        <main class="document">

        """
        if !doc.title.isEmpty || !doc.subtitle.isEmpty || !doc.preamble.isEmpty {
            out += "<header class=\"title-block\">\n"
            for line in doc.preamble {
                out += "<p class=\"subtitle preamble\">\(Self.escapeLines(line))</p>\n"
            }
            if !doc.title.isEmpty {
                out += "<h1 class=\"doc-title\">\(Self.escapeLines(doc.title))</h1>\n"
            }
            for line in doc.subtitle {
                out += "<p class=\"subtitle\">\(Self.escapeLines(line))</p>\n"
            }
            out += "</header>\n"
        }
        for (i, block) in doc.blocks.enumerated() {
            let next = i + 1 < doc.blocks.count ? doc.blocks[i + 1] : nil
            out += renderBlock(block, next: next, style: doc.style.checked)
        }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - Blocks

    private func renderBlock(_ block: Block, next: Block?, style: DocumentStyle) -> String {
        switch block {
        case .heading(let text, let level):
            // The document title is <h1>; chapter headings start at <h2>.
            let h = min(max(level, 1), 3) + 1
            return "<h\(h)>\(Self.escapeLines(text))</h\(h)>\n"
        case .paragraph(let inlines):
            // A paragraph that introduces a table, list or chart stays on its page.
            if let next, next.isFigure, Block.introduces(inlines) {
                let cls = Block.isRunInCaption(inlines) ? "intro lead-in" : "intro"
                return "<p class=\"\(cls)\">\(Self.inlines(inlines))</p>\n"
            }
            return "<p>\(Self.inlines(inlines))</p>\n"
        case .list(let items, let ordered):
            let tag = ordered ? "ol" : "ul"
            var s = "<\(tag)>\n"
            for item in items { s += "<li>\(Self.inlines(item))</li>\n" }
            return s + "</\(tag)>\n"
        case .table(let table):
            return renderTable(table, style: style)
        case .chart(let chart):
            return SVGChartRenderer(chart: chart).render()
        case .note(let inlines):
            return "<p class=\"note\">\(Self.inlines(inlines))</p>\n"
        case .pageBreak:
            return "<div class=\"page-break\" aria-hidden=\"true\"></div>\n"
        }
    }

    private func renderTable(_ table: Table, style: DocumentStyle) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        var s = "<div class=\"table-wrap\">\n<table>\n"
        if let caption = table.caption, !caption.isEmpty {
            s += "<caption>\(Self.escapeLines(caption))</caption>\n"
        }
        // The same content-based widths as in DOCX, as shares of the printed line.
        let widths = TableLayout.columnWidths(table, totalWidth: style.textWidthPoints, fontSize: style.tableSize,
                                              padding: style.tableSize * 0.9)
        let total = widths.reduce(0, +)
        if widths.count == columns, total > 0 {
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

    /// Escaped text whose newlines become `<br>`; numbers are glued to their units.
    static func escapeLines(_ text: String) -> String {
        let lines = DocumentText.bindingUnits(DocumentText.sanitized(text)).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.map { escape(String($0)) }.joined(separator: "<br>")
    }

    // MARK: - Style

    /// The style sheet for a document style: screen rules for phones and desktops, print rules
    /// with the style's page size, margins, font and sizes.
    static func css(_ style: DocumentStyle) -> String {
        let m = style.margins
        let font = "\"" + style.fontName.filter { $0 != "\"" && $0 != "\\" && $0 != "<" && $0 != ">" } + "\""
        func pt(_ v: Double) -> String { DocumentNumberFormat.decimal(v, fractionDigits: 1).replacingComma() + "pt" }
        func mm(_ v: Double) -> String { DocumentNumberFormat.decimal(v, fractionDigits: 1).replacingComma() + "mm" }
        var pageNumber = ""
        if let position = style.pageNumbers {
            let box = position == .right ? "bottom-right" : "bottom-center"
            pageNumber = " @\(box) { content: counter(page); font-family: \(font), serif; font-size: \(pt(style.noteSize)); }"
        }
        return """
        @page { size: A4; margin: \(mm(m.top)) \(mm(m.right)) \(mm(m.bottom)) \(mm(m.left));\(pageNumber) }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
        html { background: #eeede9; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: #000;
          font-family: \(font), "Liberation Serif", "DejaVu Serif", Times, serif;
          font-size: \(pt(max(style.bodySize - 1, 10))); line-height: \(DocumentNumberFormat.decimal(1.15 * style.lineSpacing + 0.2, fractionDigits: 2).replacingComma()); }
        main.document { max-width: 21cm; margin: 1.5rem auto; padding: 2cm 1.5cm 2cm 2.5cm; background: #fff;
          box-shadow: 0 1px 4px rgba(0,0,0,.18); }
        .title-block { text-align: center; margin: 0 0 1.6em; }
        h1.doc-title { font-size: 1.15em; margin: 0 0 .5em; line-height: 1.25; }
        .subtitle { margin: 0; text-indent: 0; text-align: center; }
        h2, h3, h4 { font-size: 1em; line-height: 1.25; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
        h2 { margin: 1.4em 0 .6em; }
        h3 { margin: 1.2em 0 .5em; }
        h4 { font-style: italic; margin: 1em 0 .4em; }
        p { margin: 0 0 .35em; text-indent: \(mm(style.firstLineIndent)); text-align: justify; hyphens: manual; orphans: 2; widows: 2; }
        p.intro { break-after: avoid; page-break-after: avoid; }
        p.lead-in { text-indent: 0; text-align: left; }
        ul, ol { margin: .3em 0 .7em; padding-left: 1.25cm; }
        li { margin: .15em 0; }
        .table-wrap { margin: .8em 0 1em; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: \(pt(style.tableSize)); line-height: 1.2; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding: 0 0 .35em; break-after: avoid; }
        th, td { border: 0.75pt solid #666; padding: .2em .45em; text-align: left; vertical-align: top;
          overflow-wrap: break-word; hyphens: auto; }
        th { hyphens: manual; }
        thead { display: table-header-group; }
        thead th { background: #e3e3e3; font-weight: bold; vertical-align: bottom; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        td.tone-good { background: \(Tone.good.cellBackground); }
        td.tone-fair { background: \(Tone.fair.cellBackground); }
        td.tone-poor { background: \(Tone.poor.cellBackground); }
        td.tone-muted { background: \(Tone.muted.cellBackground); color: #000; }
        figure.chart { margin: 1em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
        figure.chart figcaption { font-weight: bold; text-align: center; margin: 0 0 .4em; break-after: avoid; }
        figure.chart svg { display: block; width: 100%; height: auto; max-width: 100%; }
        figure.chart svg.narrow { display: none; }
        svg text { font-family: \(font), "Liberation Serif", "DejaVu Serif", Times, serif; }
        ul.legend { list-style: none; padding: 0; margin: .4em 0 0; display: flex; flex-wrap: wrap;
          justify-content: center; gap: .2em 1.2em; font-size: \(pt(min(style.noteSize, 11))); }
        ul.legend li { margin: 0; white-space: nowrap; }
        ul.legend svg { display: inline; vertical-align: -1px; margin-right: .35em; width: 11px; height: 11px; }
        ol.chart-key { margin: .4em 0 0; padding-left: 2.2em; font-size: \(pt(min(style.noteSize, 11))); }
        ol.chart-key li { margin: 0; }
        .note { font-size: \(pt(style.noteSize)); text-indent: 0; text-align: left; color: #222; margin: .3em 0 .8em; }
        .page-break { break-after: page; page-break-after: always; height: 0; }
        @media screen { .page-break { border-top: 1px dashed #bbb; margin: 2em -1.5cm; } }
        @media screen and (max-width: 22cm) {
          main.document { margin: 0; padding: 1.5rem 1.25rem; box-shadow: none; max-width: none; }
          .page-break { margin: 2em 0; }
        }
        @media screen and (max-width: 600px) {
          body { font-size: 17px; }
          main.document { padding: 1rem .9rem; }
          p { text-align: left; text-indent: 1.2em; }
          ul, ol { padding-left: 1.4em; }
          table { font-size: 15px; }
          figure.chart svg.wide { display: none; }
          figure.chart svg.narrow { display: block; }
          ol.chart-key { display: none; }
        }
        @media print {
          html { background: none; }
          body { font-size: \(pt(style.bodySize)); line-height: \(DocumentNumberFormat.decimal(1.15 * style.lineSpacing, fractionDigits: 2).replacingComma()); }
          main.document { margin: 0; padding: 0; max-width: none; box-shadow: none; }
          .table-wrap { overflow: visible; }
          figure.chart svg.wide { display: block; }
          figure.chart svg.narrow { display: none; }
          ol.chart-key { display: block; }
        }

        """
    }
}

extension String {
    /// "12,50" → "12.50" for CSS numbers.
    func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 }).filter { $0 != "\u{00A0}" && $0 != "−" }
    }
}
