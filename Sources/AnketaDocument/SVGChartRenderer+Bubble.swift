extension SVGChartRenderer {
    /// A `.bubble` chart: columns left to right, rows bottom to top, one bubble per non-empty
    /// cell whose area grows with its count and the count written on it; a dashed diagonal where
    /// the axes agree.
    func bubbleSVG(layout: Layout) -> String {
        guard case .bubble(let xTitle, let yTitle, let yCategories) = chart.kind else { return "" }
        let w = width(layout)
        let cols = max(chart.categories.count, 1), rows = max(yCategories.count, 1)
        let left = 64.0, right = 16.0, top = 12.0
        let cellW = min((w - left - right) / Double(cols), 90)
        let cellH = layout == .wide ? 58.0 : 50.0
        let plotW = cellW * Double(cols), plotH = cellH * Double(rows)
        let plotLeft = left + (w - left - right - plotW) / 2
        let height = top + plotH + 48
        func cx(_ x: Int) -> Double { plotLeft + cellW * (Double(x) + 0.5) }
        func cy(_ y: Int) -> Double { top + plotH - cellH * (Double(y) + 0.5) }
        let bubbles = chart.drawableBubbles
        let maxCount = bubbles.map(\.count).max() ?? 1
        let maxR = min(cellW, cellH) * 0.46
        let countDigits = DocumentNumberFormat.fractionDigits(for: bubbles.map(\.count))
        var s = svgOpen(layout, height: height)
        // Grid: a light line between cells, axis lines on the left and bottom.
        for c in 0...cols {
            let x = plotLeft + cellW * Double(c)
            s += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotH))\" stroke=\"#e3e3e3\" stroke-width=\"0.75\"/>\n"
        }
        for r in 0...rows {
            let y = top + cellH * Double(r)
            s += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(y))\" x2=\"\(f(plotLeft + plotW))\" y2=\"\(f(y))\" stroke=\"#e3e3e3\" stroke-width=\"0.75\"/>\n"
        }
        s += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(top + plotH))\" x2=\"\(f(plotLeft + plotW))\" y2=\"\(f(top + plotH))\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        s += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(top))\" x2=\"\(f(plotLeft))\" y2=\"\(f(top + plotH))\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        if chart.bubbleDiagonal {
            s += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(top + plotH))\" x2=\"\(f(plotLeft + plotW))\" y2=\"\(f(top))\" stroke=\"#7f7f7f\" stroke-width=\"1\" stroke-dasharray=\"5 4\"/>\n"
        }
        let labelSize = layout == .wide ? fontSize : 12
        for c in chart.categories.indices {
            s += "<text x=\"\(f(cx(c)))\" y=\"\(f(top + plotH + 17))\" text-anchor=\"middle\" font-size=\"\(f(labelSize))\">\(HTMLRenderer.escape(DocumentText.singleLine(chart.categories[c])))</text>\n"
        }
        for r in yCategories.indices {
            s += "<text x=\"\(f(plotLeft - 8))\" y=\"\(f(cy(r) + 5))\" text-anchor=\"end\" font-size=\"\(f(labelSize))\">\(HTMLRenderer.escape(DocumentText.singleLine(yCategories[r])))</text>\n"
        }
        s += "<text x=\"\(f(plotLeft + plotW / 2))\" y=\"\(f(top + plotH + 38))\" text-anchor=\"middle\" font-size=\"\(f(labelSize))\" fill=\"#333\">\(HTMLRenderer.escape(DocumentText.singleLine(xTitle)))</text>\n"
        let yMid = top + plotH / 2
        s += "<text x=\"\(f(plotLeft - 34))\" y=\"\(f(yMid))\" text-anchor=\"middle\" font-size=\"\(f(labelSize))\" fill=\"#333\" transform=\"rotate(-90 \(f(plotLeft - 34)) \(f(yMid)))\">\(HTMLRenderer.escape(DocumentText.singleLine(yTitle)))</text>\n"
        for bubble in bubbles {
            let r = max(5, maxR * (bubble.count / maxCount).squareRoot())
            let colour = color(series: bubble.series)
            let text = DocumentNumberFormat.value(bubble.count, unit: "", fractionDigits: countDigits)
            let groupName = bubble.series < chart.series.count ? DocumentText.singleLine(chart.series[bubble.series].name) + ": " : ""
            let tip = "\(groupName)\(DocumentText.singleLine(xTitle)) \(DocumentText.singleLine(chart.categories[bubble.x])), \(DocumentText.singleLine(yTitle)) \(DocumentText.singleLine(yCategories[bubble.y])) — \(text)"
            s += "<circle cx=\"\(f(cx(bubble.x)))\" cy=\"\(f(cy(bubble.y)))\" r=\"\(f(r))\" fill=\"\(colour)\" fill-opacity=\"0.85\" stroke=\"#404040\" stroke-width=\"0.8\"><title>\(HTMLRenderer.escape(tip))</title></circle>\n"
            // The count on the bubble, or beside it when the bubble is too small to hold it.
            let inside = r >= 11
            let tx = inside ? cx(bubble.x) : cx(bubble.x) + r + 3
            s += "<text x=\"\(f(tx))\" y=\"\(f(cy(bubble.y) + 4.5))\" text-anchor=\"\(inside ? "middle" : "start")\" font-size=\"\(f(valueFontSize))\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTMLRenderer.escape(text))</text>\n"
        }
        return s + "</svg>\n"
    }
}
