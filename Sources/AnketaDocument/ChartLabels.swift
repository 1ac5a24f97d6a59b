/// How a chart's category labels are written, the same decision for every format.
///
/// A label is wrapped into lines that fit the label column (measured with `TextMeasure`). When
/// any label would need more than `maxLines` lines, the whole chart switches to a numbered key:
/// the categories are labelled «1», «2», … and the full texts are listed under the chart. Every
/// category keeps a visible label either way; nothing is cut or skipped.
struct ChartLabels: Sendable, Equatable {
    /// The lines of each category's label, in order.
    let lines: [[String]]
    /// True when the labels are numbers and `key` lists the texts.
    let keyed: Bool
    /// The full label texts, one per category (for the key and for tooltips).
    let texts: [String]

    /// The label column's width in ems of the label font: 17 ems is 170 pt at 10 pt in DOCX and
    /// 225 px at 13 px in HTML.
    static let columnEms = 17.0
    /// Lines a label may take before the chart switches to a numbered key.
    static let maxLines = 3

    init(chart: Chart) {
        texts = chart.categories.map { DocumentText.bindingUnits(DocumentText.singleLine($0)) }
        let wrapped = texts.map { Self.wrap($0, widthEms: Self.columnEms) }
        if wrapped.contains(where: { $0.count > Self.maxLines }) {
            keyed = true
            lines = texts.indices.map { ["\($0 + 1)"] }
        } else {
            keyed = false
            lines = wrapped
        }
    }

    /// The most lines any label takes.
    var maxLineCount: Int { lines.map(\.count).max() ?? 1 }

    /// Word-wraps `text` into lines no wider than `widthEms` (measured at 1 pt, so ems). A word
    /// wider than a line is split at the line width, never dropped.
    static func wrap(_ text: String, widthEms: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        func width(_ s: String) -> Double { TextMeasure.width(s, size: 1) }
        for word in text.split(separator: " ") {
            var w = String(word)
            while width(w) > widthEms {
                if !current.isEmpty { lines.append(current); current = "" }
                var head = ""
                for ch in w {
                    if width(head + String(ch)) > widthEms && !head.isEmpty { break }
                    head.append(ch)
                }
                lines.append(head)
                w = String(w.dropFirst(head.count))
            }
            if w.isEmpty { continue }
            if current.isEmpty { current = w }
            else if width(current + " " + w) <= widthEms { current += " " + w }
            else { lines.append(current); current = w }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.isEmpty ? [""] : lines
    }
}

extension Chart {
    /// The annotation of category `c`, trimmed; nil when absent or empty.
    func annotation(_ c: Int) -> String? {
        guard c < annotations.count, let a = annotations[c] else { return nil }
        let text = DocumentText.singleLine(a)
        return text.isEmpty ? nil : text
    }
}
