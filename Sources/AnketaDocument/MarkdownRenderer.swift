/// Renders a `Document` as GitHub-flavoured Markdown.
///
/// Text from the model is escaped so that it always reads literally: Markdown punctuation is
/// backslash-escaped, `<` and `&` cannot start HTML or entities, and line-start markers
/// (`#`, `-`, `+`, `=`, `>`, `1.`) are neutralised. Newlines inside table cells become `<br>`,
/// elsewhere spaces. Charts become a small table of their values.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ doc: Document) -> String {
        var blocks: [String] = []
        let preamble = doc.preamble.map { Self.escapeLine(DocumentText.singleLine($0)) }.filter { !$0.isEmpty }
        if !preamble.isEmpty { blocks.append(preamble.joined(separator: "\\\n")) }
        let title = DocumentText.singleLine(doc.title)
        if !title.isEmpty { blocks.append("# " + Self.escapeHeading(title)) }
        let subtitle = doc.subtitle.map { Self.escapeLine(DocumentText.singleLine($0)) }.filter { !$0.isEmpty }
        if !subtitle.isEmpty {
            // Trailing backslash: a hard line break between subtitle lines.
            blocks.append(subtitle.joined(separator: "\\\n"))
        }
        for block in doc.blocks {
            if let s = renderBlock(block), !s.isEmpty { blocks.append(s) }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func renderBlock(_ block: Block) -> String? {
        switch block {
        case .heading(let text, let level):
            let hashes = String(repeating: "#", count: min(max(level, 1), 3) + 1)
            let t = DocumentText.singleLine(text)
            return t.isEmpty ? nil : hashes + " " + Self.escapeHeading(t)
        case .paragraph(let inlines):
            return Self.escapeLineStart(Self.inlines(inlines))
        case .list(let items, let ordered):
            return items.enumerated().map { i, item in
                (ordered ? "\(i + 1). " : "- ") + Self.escapeLineStart(Self.inlines(item))
            }.joined(separator: "\n")
        case .table(let table):
            return renderTable(table)
        case .chart(let chart):
            return renderChart(chart)
        case .note(let inlines):
            return "> " + Self.escapeLineStart(Self.inlines(inlines))
        case .pageBreak:
            return "---"
        }
    }

    private func renderTable(_ table: Table) -> String? {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return nil }
        var lines: [String] = []
        if let caption = table.caption.map(DocumentText.singleLine), !caption.isEmpty {
            lines.append("**" + Self.escape(caption) + "**")
            lines.append("")
        }
        let header = (0..<columns).map { $0 < table.header.count ? Self.cell(table.header[$0]) : "" }
        lines.append(Self.row(header))
        lines.append(Self.row((0..<columns).map { table.numericColumns.contains($0) ? "---:" : "---" }))
        for row in table.rows {
            lines.append(Self.row((0..<columns).map { c in
                guard c < row.count else { return "" }
                let text = Self.cell(row[c].text)
                return row[c].bold && !text.isEmpty ? "**" + text + "**" : text
            }))
        }
        return lines.joined(separator: "\n")
    }

    private func renderChart(_ chart: Chart) -> String? {
        guard !chart.categories.isEmpty else { return nil }
        if case .bubble = chart.kind { return renderBubbleChart(chart) }
        var lines: [String] = []
        let title = DocumentText.singleLine(chart.title)
        if !title.isEmpty {
            lines.append("**" + Self.escape(title) + "**")
            lines.append("")
        }
        let digits = DocumentNumberFormat.fractionDigits(for: chart.allValues)
        let hasTones: Bool
        if case .bars = chart.kind {
            hasTones = chart.tones.contains { $0 != nil } || chart.categories.indices.contains { chart.annotation($0) != nil }
        } else {
            hasTones = false
        }
        let seriesIndices: [Int]
        if case .bars = chart.kind { seriesIndices = chart.series.isEmpty ? [] : [0] } else {
            seriesIndices = Array(chart.series.indices)
        }
        let first: String
        if case .line = chart.kind { first = "Период" } else { first = "Показатель" }
        var header = [first] + seriesIndices.map { Self.cell(chart.series[$0].name) }
        if hasTones { header.append("Уровень") }
        lines.append(Self.row(header))
        lines.append(Self.row(["---"] + seriesIndices.map { _ in "---:" } + (hasTones ? ["---"] : [])))
        for c in chart.categories.indices {
            var cells = [Self.cell(chart.categories[c])]
            for s in seriesIndices {
                cells.append(Self.cell(DocumentNumberFormat.value(chart.value(series: s, category: c),
                                                                 unit: chart.unit, fractionDigits: digits)))
            }
            if hasTones {
                // The annotation says it in the composer's words; else the tone's meaning.
                let tone = c < chart.tones.count ? chart.tones[c] : nil
                cells.append(Self.cell(chart.annotation(c) ?? tone?.legendLabel ?? ""))
            }
            lines.append(Self.row(cells))
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Escaping

    static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// A table cell: escaped, `|` escaped, newlines as `<br>`.
    static func cell(_ text: String) -> String {
        let lines = DocumentText.sanitized(text).split(separator: "\n").map {
            escape(String($0).replacingTabs().trimmingWhitespace())
        }.filter { !$0.isEmpty }
        return lines.joined(separator: "<br>")
    }

    static func inlines(_ inlines: [Inline]) -> String {
        var s = ""
        for inline in inlines {
            switch inline {
            case .text(let t):
                s += escape(flatten(t))
            case .strong(let t), .emphasis(let t):
                let marker: String
                if case .strong = inline { marker = "**" } else { marker = "*" }
                let raw = flatten(t)
                let core = raw.trimmingWhitespace()
                guard !core.isEmpty else { s += raw.isEmpty ? "" : " "; continue }
                // Emphasis delimiters must hug the text; keep surrounding spaces outside.
                if raw.first?.isWhitespace == true { s += " " }
                s += marker + escape(core) + marker
                if raw.last?.isWhitespace == true { s += " " }
            }
        }
        return s.trimmingWhitespace()
    }

    /// Newlines and tabs to spaces (inline text cannot break a Markdown block).
    private static func flatten(_ text: String) -> String {
        var out = ""
        for ch in DocumentText.sanitized(text) {
            out.append(ch == "\n" || ch == "\t" ? " " : ch)
        }
        return out
    }

    /// Characters escaped wherever they occur. Every ASCII punctuation character may be
    /// backslash-escaped in CommonMark, so escaping never changes the visible text.
    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "$"]

    /// Escapes inline text (not line starts; see `escapeLineStart`).
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if alwaysEscaped.contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Heading text: `#` is escaped too, since trailing `#`s would close an ATX heading.
    static func escapeHeading(_ text: String) -> String {
        var out = ""
        for ch in escape(text) {
            if ch == "#" { out.append("\\") }
            out.append(ch)
        }
        return out.trimmingWhitespace()
    }

    /// A single line of plain text escaped for the start of a line.
    static func escapeLine(_ text: String) -> String {
        escapeLineStart(escape(text))
    }

    /// Neutralises block markers at the start of an already-escaped line: headings (`#`),
    /// list items (`-`, `+`, `1.`, `1)`), setext underlines (`=`), thematic breaks and
    /// indented code (leading spaces are dropped).
    static func escapeLineStart(_ escaped: String) -> String {
        var s = Substring(escaped)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        guard let first = s.first else { return "" }
        if "#-+=".contains(first) { return "\\" + s }
        if first.isASCII && first.isNumber {
            let digitsEnd = s.firstIndex { !($0.isASCII && $0.isNumber) } ?? s.endIndex
            if digitsEnd < s.endIndex, s[digitsEnd] == "." || s[digitsEnd] == ")" {
                return s[..<digitsEnd] + "\\" + s[digitsEnd...]
            }
        }
        return String(s)
    }
}

extension String {
    func replacingTabs() -> String { String(map { $0 == "\t" ? " " : $0 }) }
}
