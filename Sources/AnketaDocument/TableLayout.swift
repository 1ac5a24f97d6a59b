/// Column widths from a table's content, so that no word of a header or a cell is broken.
///
/// Each column gets at least the width of its longest word (header words in bold; numbers and
/// their units count as one word, see `DocumentText.bindingUnits`) plus the cell padding; in body
/// cells a long word counts by its longer half, since body text is hyphenated. The
/// rest of the line is shared out by the table's relative `columnWidths` when it has them, else
/// by content length (like a browser's automatic table layout: a column that fits on one line
/// gets its whole text's width). Only when the longest words of all columns together are wider
/// than the page must a word break; the widths are then scaled down proportionally.
///
/// ```swift
/// let widths = TableLayout.columnWidths(table, totalWidth: 467, fontSize: 12, padding: 8.5)
/// ```
public enum TableLayout {
    /// Widths in points, one per column (`max(header.count, longest row)`), summing to
    /// `totalWidth`.
    public static func columnWidths(_ table: Table, totalWidth: Double, fontSize: Double, padding: Double) -> [Double] {
        let columns = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        guard columns > 0, totalWidth > 0 else { return [] }
        let minimum = minimumWidths(table, columns: columns, fontSize: fontSize, padding: padding)
        let natural = naturalWidths(table, columns: columns, fontSize: fontSize, padding: padding)
        let minSum = minimum.reduce(0, +)
        if minSum >= totalWidth {
            return minimum.map { $0 * totalWidth / minSum }
        }
        if let relative = table.columnWidths, relative.count == columns,
           relative.allSatisfy({ $0.isFinite && $0 > 0 }) {
            return waterFill(relative: relative, minimum: minimum, total: totalWidth)
        }
        let naturalSum = natural.reduce(0, +)
        if naturalSum <= totalWidth {
            // Everything fits on one line: share the spare room in proportion to the content.
            return natural.map { $0 + (totalWidth - naturalSum) * $0 / naturalSum }
        }
        let spare = totalWidth - minSum
        let wanted = naturalSum - minSum
        return (0..<columns).map { minimum[$0] + (natural[$0] - minimum[$0]) * spare / wanted }
    }

    /// The narrowest width of each column at which none of its words breaks, in points.
    public static func minimumWidths(_ table: Table, columns: Int, fontSize: Double, padding: Double) -> [Double] {
        (0..<columns).map { c in
            var widest = 0.0
            if c < table.header.count {
                widest = TextMeasure.longestWordWidth(text(table.header[c]), size: fontSize, bold: true)
            }
            // Body cells hyphenate (DOCX autoHyphenation, CSS hyphens: auto): a long word needs
            // only the room of its longer half and a hyphen. Numbers and headers never break.
            let numeric = table.numericColumns.contains(c)
            for row in table.rows where c < row.count {
                widest = max(widest, TextMeasure.longestWordWidth(text(row[c].text), size: fontSize, bold: row[c].bold, hyphenated: !numeric))
            }
            return widest * safety + padding
        }
    }

    /// The width of each column with every cell on one line (its longest line), in points.
    static func naturalWidths(_ table: Table, columns: Int, fontSize: Double, padding: Double) -> [Double] {
        (0..<columns).map { c in
            var widest = 0.0
            func measure(_ s: String, bold: Bool) {
                for line in text(s).split(separator: "\n") {
                    widest = max(widest, TextMeasure.width(String(line), size: fontSize, bold: bold))
                }
            }
            if c < table.header.count { measure(table.header[c], bold: true) }
            for row in table.rows where c < row.count { measure(row[c].text, bold: row[c].bold) }
            return widest * safety + padding
        }
    }

    /// Room for the estimate being a little short (kerning, a substituted font).
    static let safety = 1.06

    private static func text(_ s: String) -> String {
        DocumentText.bindingUnits(DocumentText.sanitized(s))
    }

    /// Shares `total` by `relative`, but never below `minimum`: columns whose share would be too
    /// narrow get their minimum and the others share what is left, until every column fits.
    static func waterFill(relative: [Double], minimum: [Double], total: Double) -> [Double] {
        var fixed = Set<Int>()
        var widths = minimum
        while true {
            let free = relative.indices.filter { !fixed.contains($0) }
            guard !free.isEmpty else { break }
            let room = total - fixed.reduce(0) { $0 + minimum[$1] }
            let weight = free.reduce(0) { $0 + relative[$1] }
            var changed = false
            for i in free {
                let share = room * relative[i] / weight
                if share < minimum[i] { fixed.insert(i); changed = true }
                widths[i] = share
            }
            if !changed { break }
        }
        for i in fixed { widths[i] = minimum[i] }
        return widths
    }
}
