extension SVGChartRenderer {
    /// Dash patterns per series, so lines stay apart in black-and-white print.
    static let lineDashes = ["", "7 4", "2 3", "10 3 2 3"]

    /// A `.line` chart: categories (waves) left to right, a value axis on the left, one line
    /// with markers and the value above each point per series.
    func lineSVG(layout: Layout) -> String {
        let w = width(layout)
        let left = 52.0, right = 20.0, top = 18.0, plotH = layout == .wide ? 170.0 : 150.0
        let height = top + plotH + 34
        let n = chart.categories.count
        let (minV, maxV, step) = LineScale.range(values: chart.allValues, explicitMax: chart.maxValue)
        let plotW = w - left - right
        func x(_ c: Int) -> Double { n <= 1 ? left + plotW / 2 : left + plotW * (0.06 + 0.88 * Double(c) / Double(n - 1)) }
        func y(_ v: Double) -> Double { top + plotH - (v - minV) / max(maxV - minV, 1e-9) * plotH }
        var s = svgOpen(layout, height: height)
        var tick = minV
        while tick <= maxV + 1e-9 {
            s += "<line x1=\"\(f(left))\" y1=\"\(f(y(tick)))\" x2=\"\(f(w - right))\" y2=\"\(f(y(tick)))\" stroke=\"#d9d9d9\" stroke-width=\"0.75\"/>\n"
            let label = DocumentNumberFormat.value(tick, unit: chart.unit, fractionDigits: step == step.rounded() ? 0 : 1)
            s += "<text x=\"\(f(left - 6))\" y=\"\(f(y(tick) + 4))\" text-anchor=\"end\" font-size=\"12\" fill=\"#333\">\(HTMLRenderer.escape(label))</text>\n"
            tick += step
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(w - right))\" y2=\"\(f(top + plotH))\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        for c in 0..<n {
            let label = DocumentText.singleLine(chart.categories[c])
            s += "<text x=\"\(f(x(c)))\" y=\"\(f(top + plotH + 18))\" text-anchor=\"middle\" font-size=\"\(f(layout == .wide ? fontSize : 12))\">\(HTMLRenderer.escape(label))</text>\n"
        }
        for si in chart.series.indices {
            let colour = color(series: si)
            let dash = Self.lineDashes[si % Self.lineDashes.count]
            var path = ""
            var previous = false
            for c in 0..<n {
                guard let v = chart.value(series: si, category: c) else { previous = false; continue }
                path += (previous ? " L " : "M ") + "\(f(x(c))) \(f(y(v)))"
                previous = true
            }
            if !path.isEmpty {
                s += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.5\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
            }
            for c in 0..<n {
                guard let v = chart.value(series: si, category: c) else { continue }
                let text = DocumentNumberFormat.value(v, unit: chart.unit, fractionDigits: digits)
                let tip = "\(DocumentText.singleLine(chart.series[si].name)), \(DocumentText.singleLine(chart.categories[c])): \(text)"
                s += "<circle cx=\"\(f(x(c)))\" cy=\"\(f(y(v)))\" r=\"4.5\" fill=\"\(colour)\" stroke=\"#404040\" stroke-width=\"0.8\"><title>\(HTMLRenderer.escape(tip))</title></circle>\n"
                s += "<text x=\"\(f(x(c)))\" y=\"\(f(y(v) - 9))\" text-anchor=\"middle\" font-size=\"\(f(valueFontSize))\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTMLRenderer.escape(text))</text>\n"
            }
        }
        return s + "</svg>\n"
    }
}
