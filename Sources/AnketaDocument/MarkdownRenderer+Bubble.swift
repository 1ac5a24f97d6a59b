extension MarkdownRenderer {
    /// A `.bubble` chart as a cross-table of counts: the vertical axis's labels down the first
    /// column (highest first, as on the chart), the horizontal axis's across; an empty cell is «0».
    func renderBubbleChart(_ chart: Chart) -> String? {
        guard case .bubble(let xTitle, let yTitle, let yCategories) = chart.kind, !yCategories.isEmpty else { return nil }
        var lines: [String] = []
        let title = DocumentText.singleLine(chart.title)
        if !title.isEmpty {
            lines.append("**" + Self.escape(title) + "**")
            lines.append("")
        }
        let digits = DocumentNumberFormat.fractionDigits(for: chart.drawableBubbles.map(\.count))
        let corner = "\(DocumentText.singleLine(yTitle)) / \(DocumentText.singleLine(xTitle))"
        lines.append(Self.row([Self.cell(corner)] + chart.categories.map { Self.cell($0) }))
        lines.append(Self.row(["---"] + chart.categories.map { _ in "---:" }))
        for y in yCategories.indices.reversed() {
            let counts = chart.categories.indices.map { x in
                DocumentNumberFormat.value(chart.bubbleCount(x: x, y: y) ?? 0, unit: "", fractionDigits: digits)
            }
            lines.append(Self.row([Self.cell(yCategories[y])] + counts.map { Self.cell($0) }))
        }
        return lines.joined(separator: "\n")
    }
}
