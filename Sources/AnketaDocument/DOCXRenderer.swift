import Foundation
import ZIPFoundation

/// Renders a `Document` as a .docx (Office Open XML WordprocessingML) package.
///
/// The file uses real styles (Title, Subtitle, Heading 1–3, Normal, Caption, a table style,
/// a note style) sized from the document's `DocumentStyle` (by default Times New Roman 14 pt,
/// tables 12 pt, an A4 page with margins left 30 mm, right 15 mm, top and bottom 20 mm, page
/// numbers centred in the footer), numbered and bulleted lists from numbering.xml, and charts as
/// native Word charts (word/charts/chartN.xml) whose data lives in the chart's caches (there is
/// no embedded workbook: Word and LibreOffice show and restyle the chart, only "Edit data" has
/// nothing to open).
///
/// Print layout: table columns are as wide as their longest word needs (`TableLayout`), header
/// rows repeat on every page and rows never split; headings, captions, charts and a paragraph
/// that introduces a table, list or chart are kept with what follows; numbers stay on one line
/// with their units (`DocumentText.bindingUnits`).
///
/// The output is deterministic: the same document gives the same bytes.
public struct DOCXRenderer: Sendable {
    public init() {}

    public func render(_ doc: Document) throws -> Data {
        let style = doc.style.checked
        var builder = DOCXBuilder(style: style)
        let body = builder.body(doc)
        let archive = try Archive(data: Data(), accessMode: .create)
        // A fixed timestamp keeps the output reproducible.
        let stamp = Date(timeIntervalSince1970: 1_577_836_800) // 2020-01-01
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: stamp, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let charts = builder.charts
        try add("[Content_Types].xml", DOCXParts.contentTypes(chartCount: charts.count))
        try add("_rels/.rels", DOCXParts.packageRels)
        try add("docProps/core.xml", DOCXParts.core(title: doc.title))
        try add("docProps/app.xml", DOCXParts.app)
        try add("word/document.xml", DOCXParts.document(body: body, style: style))
        try add("word/_rels/document.xml.rels", DOCXParts.documentRels(chartCount: charts.count))
        try add("word/styles.xml", DOCXParts.styles(style))
        try add("word/numbering.xml", DOCXParts.numbering(orderedLists: builder.orderedListCount))
        try add("word/settings.xml", DOCXParts.settings)
        try add("word/fontTable.xml", DOCXParts.fontTable(style))
        try add("word/footer1.xml", DOCXParts.footer(style))
        for (i, chart) in charts.enumerated() {
            try add("word/charts/chart\(i + 1).xml", builder.chartWriter(chart).xml())
        }
        guard let data = archive.data else { throw DOCXError.archiveUnavailable }
        return data
    }
}

extension DOCXRenderer {
    /// The parts of a .docx (or any zip) by path: for tests and for reading a package back.
    static func parts(of data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var content = Data()
            _ = try archive.extract(entry) { content.append($0) }
            result[entry.path] = content
        }
        return result
    }
}

public enum DOCXError: Error, Sendable {
    case archiveUnavailable
}

// MARK: - XML text

enum XML {
    /// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
    static func escape(_ text: String) -> String {
        DocumentText.escapeMarkup(text, apostrophe: "&apos;")
    }
}

// MARK: - Layout constants

enum DOCXLayout {
    static let pageWidth = 11906   // A4, twips
    static let pageHeight = 16838
    static let emuPerTwip = 635
    /// Cell margin left and right, twips (the table style's `tblCellMar`).
    static let cellMargin = 85

    /// The text width in twips for a style's margins (9355 twips ≈ 16.5 cm by default).
    static func textWidth(_ style: DocumentStyle) -> Int {
        pageWidth - DocumentStyle.twips(mm: style.margins.left) - DocumentStyle.twips(mm: style.margins.right)
    }
}

// MARK: - Body

struct DOCXBuilder {
    let style: DocumentStyle
    private(set) var charts: [Chart] = []
    private(set) var orderedListCount = 0

    init(style: DocumentStyle) { self.style = style }

    /// numId 1 is the shared bullet list; ordered lists get numId 2, 3, … so each restarts at 1.
    static let bulletNumId = 1

    mutating func body(_ doc: Document) -> String {
        var s = ""
        for line in doc.preamble {
            s += paragraph(style: "Subtitle", runs: textRuns(DocumentText.sanitized(line)))
        }
        let title = DocumentText.sanitized(doc.title)
        if !title.isEmpty { s += paragraph(style: "Title", runs: textRuns(title)) }
        for line in doc.subtitle {
            s += paragraph(style: "Subtitle", runs: textRuns(DocumentText.sanitized(line)))
        }
        for (i, block) in doc.blocks.enumerated() {
            let next = i + 1 < doc.blocks.count ? doc.blocks[i + 1] : nil
            s += self.block(block, next: next)
        }
        return s
    }

    private mutating func block(_ block: Block, next: Block?) -> String {
        switch block {
        case .heading(let text, let level):
            let l = min(max(level, 1), 3)
            return paragraph(style: "Heading\(l)", runs: textRuns(text))
        case .paragraph(let inlines):
            guard next?.isFigure == true, Block.introduces(inlines) else { return paragraph(style: nil, runs: runs(inlines)) }
            let caption = Block.isRunInCaption(inlines) ? "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>" : ""
            return paragraph(style: nil, extraPPr: "<w:keepNext/>" + caption, runs: runs(inlines))
        case .list(let items, let ordered):
            let numId: Int
            if ordered { orderedListCount += 1; numId = 1 + orderedListCount } else { numId = Self.bulletNumId }
            // A short list stays on one page.
            let keepTogether = items.count <= 6
            return items.enumerated().map { i, item in
                let keep = keepTogether && i < items.count - 1 ? "<w:keepNext/>" : ""
                return "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/>\(keep)<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numId)\"/></w:numPr></w:pPr>\(runs(item))</w:p>"
            }.joined()
        case .table(let table):
            var followedByNote = false
            if case .note = next { followedByNote = true }
            return self.table(table, keepWithNext: followedByNote)
        case .chart(let chart):
            return self.chart(chart)
        case .note(let inlines):
            return paragraph(style: "Note", runs: runs(inlines))
        case .pageBreak:
            return "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        }
    }

    // MARK: Paragraphs and runs

    private func paragraph(style: String?, extraPPr: String = "", runs: String) -> String {
        var ppr = ""
        if let style { ppr += "<w:pStyle w:val=\"\(style)\"/>" }
        ppr += extraPPr
        return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>") + runs + "</w:p>"
    }

    func runs(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let t): return textRuns(t)
            case .strong(let t): return textRuns(t, rPr: "<w:b/><w:bCs/>")
            case .emphasis(let t): return textRuns(t, rPr: "<w:i/><w:iCs/>")
            }
        }.joined()
    }

    /// One run; newlines become `<w:br/>` and tabs `<w:tab/>`; numbers are glued to their
    /// units with non-breaking spaces.
    func textRuns(_ text: String, rPr: String = "") -> String {
        let clean = DocumentText.bindingUnits(DocumentText.sanitized(text))
        guard !clean.isEmpty else { return "" }
        var content = ""
        var buffer = ""
        func flush() {
            if !buffer.isEmpty { content += "<w:t xml:space=\"preserve\">\(XML.escape(buffer))</w:t>"; buffer = "" }
        }
        for ch in clean {
            if ch == "\n" { flush(); content += "<w:br/>" }
            else if ch == "\t" { flush(); content += "<w:tab/>" }
            else { buffer.append(ch) }
        }
        flush()
        return "<w:r>" + (rPr.isEmpty ? "" : "<w:rPr>\(rPr)</w:rPr>") + content + "</w:r>"
    }

    // MARK: Tables

    private func table(_ table: Table, keepWithNext: Bool) -> String {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        var s = ""
        if let caption = table.caption, !caption.isEmpty {
            s += paragraph(style: "Caption", extraPPr: "<w:keepNext/>", runs: textRuns(caption))
        }
        let size = fittingSize(table, columns: columns)
        let widths = columnWidths(table, columns: columns, fontSize: size)
        s += "<w:tbl><w:tblPr><w:tblStyle w:val=\"AnketaTable\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        s += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\"/>"
        }.joined() + "</w:tblBorders>"
        s += "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr>"
        s += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        // Short tables are kept on one page (keepNext on every row but the last).
        // A short table is kept on one page (keepNext on every row but the last); a long one
        // only keeps its header with the first two rows, so it never starts with a lone header
        // and never pushes half a page of white space ahead of it.
        let keepTogether = table.rows.count <= 18 && estimatedHeight(table, widths: widths, fontSize: size) <= 230
        let header = (0..<columns).map { Cell($0 < table.header.count ? table.header[$0] : "", bold: true) }
        s += row(header, widths: widths, numeric: table.numericColumns, isHeader: true, keepNext: true, fontSize: size)
        for (i, r) in table.rows.enumerated() {
            let cells = (0..<columns).map { $0 < r.count ? r[$0] : Cell("") }
            let last = i == table.rows.count - 1
            s += row(cells, widths: widths, numeric: table.numericColumns, isHeader: false,
                     keepNext: ((keepTogether || i == 0) && !last) || (last && keepWithNext), fontSize: size)
        }
        s += "</w:tbl>"
        // A small empty paragraph after the table keeps two adjacent tables from merging.
        s += "<w:p><w:pPr><w:pStyle w:val=\"TableSpacer\"/></w:pPr></w:p>"
        return s
    }

    /// The table's height in points, estimated from how many lines each row's tallest cell
    /// wraps into at the table font size.
    func estimatedHeight(_ table: Table, widths: [Int], fontSize: Double? = nil) -> Double {
        let size = fontSize ?? style.tableSize
        let lineHeight = size * 1.15
        let padding = Double(2 * DOCXLayout.cellMargin) / 20
        func lines(_ text: String, column: Int, bold: Bool) -> Int {
            guard column < widths.count else { return 1 }
            let ems = max(1, (Double(widths[column]) / 20 - padding) / (size * (bold ? 1.08 : 1)))
            return DocumentText.sanitized(text).split(separator: "\n", omittingEmptySubsequences: false)
                .reduce(0) { $0 + ChartLabels.wrap(DocumentText.bindingUnits(String($1)), widthEms: ems).count }
        }
        var height = 0.0
        let header = table.header.enumerated().map { lines($1, column: $0, bold: true) }.max() ?? 1
        height += Double(header) * lineHeight + 3
        for row in table.rows {
            let tallest = row.enumerated().map { lines($1.text, column: $0, bold: $1.bold) }.max() ?? 1
            height += Double(tallest) * lineHeight + 3
        }
        return height
    }

    /// The table's font size: the style's table size, or — for a wide table (a карта дефицитов with
    /// six groups) whose longest words do not fit side by side — up to three points smaller, down
    /// to 9 pt, so that «Руководитель» is not printed as «Руководител/ь». A table that does not fit
    /// even then keeps the smallest size and its words break (TableLayout scales the columns).
    func fittingSize(_ table: Table, columns: Int) -> Double {
        let total = Double(DOCXLayout.textWidth(style)) / 20
        let padding = Double(2 * DOCXLayout.cellMargin) / 20
        let smallest = max(9, style.tableSize - 3)
        var size = style.tableSize
        while size - 0.5 >= smallest,
              TableLayout.minimumWidths(table, columns: columns, fontSize: size, padding: padding).reduce(0, +) > total {
            size -= 0.5
        }
        return size
    }

    /// Column widths in twips from the content (`TableLayout`), summing to the text width.
    func columnWidths(_ table: Table, columns: Int, fontSize: Double? = nil) -> [Int] {
        let total = DOCXLayout.textWidth(style)
        let points = TableLayout.columnWidths(table, totalWidth: Double(total) / 20, fontSize: fontSize ?? style.tableSize,
                                              padding: Double(2 * DOCXLayout.cellMargin) / 20)
        guard points.count == columns else { return Array(repeating: total / columns, count: columns) }
        var twips = points.map { max(200, Int(($0 * 20).rounded(.down))) }
        // Rounding leftovers go to the widest column so the grid adds up exactly.
        if let widest = twips.indices.max(by: { twips[$0] < twips[$1] }) {
            twips[widest] += total - twips.reduce(0, +)
        }
        return twips
    }

    /// Characters in one cell beyond which a row may break across pages.
    static let splittableRowText = 200

    private func row(_ cells: [Cell], widths: [Int], numeric: Set<Int>, isHeader: Bool, keepNext: Bool, fontSize: Double) -> String {
        // A smaller size than the TableText style's (see fittingSize) is set on every run.
        let sizeRPr = fontSize == style.tableSize ? "" : "<w:sz w:val=\"\(Int((fontSize * 2).rounded()))\"/><w:szCs w:val=\"\(Int((fontSize * 2).rounded()))\"/>"
        // A row stays on one page unless it is long (a management decision runs to half a page):
        // such a row may continue on the next page rather than leave a blank half page behind.
        let long = cells.contains { $0.text.count > Self.splittableRowText }
        var s = "<w:tr><w:trPr>" + (long ? "" : "<w:cantSplit/>") + (isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
        for (c, cell) in cells.enumerated() {
            var tcPr = "<w:tcW w:w=\"\(widths[c])\" w:type=\"dxa\"/>"
            if isHeader {
                tcPr += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/><w:vAlign w:val=\"bottom\"/>"
            } else if let tone = cell.tone {
                tcPr += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(tone.cellBackground.dropFirst())\"/>"
            }
            var ppr = "<w:pStyle w:val=\"TableText\"/>"
            if keepNext { ppr += "<w:keepNext/>" }
            // Headers and numbers never hyphenate; other cells may (see TableLayout).
            if isHeader || numeric.contains(c) { ppr += "<w:suppressAutoHyphens/>" }
            if numeric.contains(c) { ppr += "<w:jc w:val=\"right\"/>" }
            let rPr = (cell.bold || isHeader ? "<w:b/><w:bCs/>" : "") + sizeRPr
            s += "<w:tc><w:tcPr>\(tcPr)</w:tcPr><w:p><w:pPr>\(ppr)</w:pPr>\(textRuns(cell.text, rPr: rPr))</w:p></w:tc>"
        }
        return s + "</w:tr>"
    }

    // MARK: Charts

    private mutating func chart(_ chart: Chart) -> String {
        var s = ""
        let title = DocumentText.singleLine(chart.title)
        if !title.isEmpty {
            s += paragraph(style: "Caption", extraPPr: "<w:keepNext/><w:jc w:val=\"center\"/>", runs: textRuns(title))
        }
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            return s + paragraph(style: "Note", runs: textRuns("Нет данных для диаграммы."))
        }
        charts.append(chart)
        let n = charts.count
        let writer = chartWriter(chart)
        let cx = writer.widthEMU
        let cy = writer.heightEMU
        let descr = XML.escape(title)
        s += "<w:p><w:pPr><w:pStyle w:val=\"ChartFrame\"/></w:pPr><w:r><w:drawing>"
            + "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
            + "<wp:docPr id=\"\(n)\" name=\"Chart \(n)\" descr=\"\(descr)\"/><wp:cNvGraphicFramePr/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">"
            + "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">"
            + "<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" r:id=\"\(DOCXParts.chartRelId(n))\"/>"
            + "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
        let labels = writer.labels
        let legend = self.legend(chart, keepNext: labels.keyed)
        s += legend
        if labels.keyed {
            // The numbered key: «1 — full label», kept together and with the chart.
            for (i, text) in labels.texts.enumerated() {
                let keep = i < labels.texts.count - 1 ? "<w:keepNext/>" : "<w:spacing w:after=\"200\"/>"
                s += paragraph(style: "ChartKey", extraPPr: keep, runs: textRuns("\(i + 1)\u{00A0}— " + text))
            }
        }
        return s
    }

    /// The chart part writer for this document's font and text width.
    func chartWriter(_ chart: Chart) -> DOCXChartWriter {
        DOCXChartWriter(chart: chart, fontName: style.fontName, widthPoints: Double(DOCXLayout.textWidth(style)) / 20 - 5)
    }

    /// A legend paragraph under a chart: a coloured square and a name per series (or per tone
    /// for `.bars`), matching the HTML legend.
    private func legend(_ chart: Chart, keepNext: Bool) -> String {
        var items: [(color: String, name: String)] = []
        switch chart.kind {
        case .bars:
            var seen: [Tone] = []
            for case let tone? in chart.tones where !seen.contains(tone) { seen.append(tone) }
            items = Tone.allCases.filter(seen.contains).map { (String($0.chartColor.dropFirst()), $0.legendLabel) }
        case .line where chart.series.count == 1:
            items = []
        case .groupedBars, .divergingStacked, .stacked, .line, .bubble:
            items = chart.series.indices.map {
                (ColorHex.seriesColor(chart.series[$0].color, index: $0), DocumentText.singleLine(chart.series[$0].name))
            }
        case .forest(let reference):
            items = Chart.forestLegend(chart, reference: reference).map { (String($0.color.dropFirst()), $0.name) }
        }
        guard !items.isEmpty else { return "" }
        var runs = ""
        let size = DocumentStyle.halfPoints(DOCXChartWriter.labelSize + 2)
        for (i, item) in items.enumerated() {
            if i > 0 { runs += textRuns("    ") }
            runs += textRuns("\u{25A0}", rPr: "<w:color w:val=\"\(item.color)\"/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>")
            runs += textRuns("\u{00A0}" + item.name)
        }
        return paragraph(style: "ChartLegend", extraPPr: keepNext ? "<w:keepNext/>" : "", runs: runs)
    }
}
