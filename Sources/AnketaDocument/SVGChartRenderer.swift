/// Draws a `Chart` as inline SVG inside a `<figure>`, with an HTML legend (and, for long
/// labels, a numbered key) below it.
///
/// Two drawings of the same chart: `wide` (labels in a column left of the bars; screens wider
/// than 600 px and print) and `narrow` (each label on its own lines above its bar, for phones);
/// the style sheet shows one. Labels are wrapped, never cut; every category is labelled.
struct SVGChartRenderer {
    let chart: Chart

    enum Layout { case wide, narrow }

    let fontSize = 14.0
    private let lineHeight = 16.0
    let valueFontSize = 13.0

    func render() -> String {
        let title = DocumentText.singleLine(chart.title)
        var s = "<figure class=\"chart\">\n"
        if !title.isEmpty {
            s += "<figcaption>\(HTMLRenderer.escapeLines(title))</figcaption>\n"
        }
        guard !chart.categories.isEmpty, !chart.series.isEmpty else {
            return s + "<p class=\"note\">Нет данных для диаграммы.</p>\n</figure>\n"
        }
        let labels = ChartLabels(chart: chart)
        for layout in [Layout.wide, .narrow] {
            switch chart.kind {
            case .bars: s += barsSVG(grouped: false, layout: layout, labels: labels)
            case .groupedBars: s += barsSVG(grouped: true, layout: layout, labels: labels)
            case .divergingStacked, .stacked: s += divergingSVG(layout: layout, labels: labels)
            case .line: s += lineSVG(layout: layout)
            case .bubble: s += bubbleSVG(layout: layout)
            case .forest(let reference): s += forestSVG(reference: reference, layout: layout, labels: labels)
            }
        }
        s += legend()
        if labels.keyed {
            s += "<ol class=\"chart-key\">"
            for text in labels.texts { s += "<li>\(HTMLRenderer.escape(text))</li>" }
            s += "</ol>\n"
        }
        return s + "</figure>\n"
    }

    // MARK: Geometry

    func width(_ layout: Layout) -> Double { layout == .wide ? 680 : 360 }

    /// Lines of each category label in this layout: the shared wrapping (or key numbers) beside
    /// the bars; the full text wrapped to the drawing's width above them.
    private func lines(_ layout: Layout, _ labels: ChartLabels) -> [[String]] {
        switch layout {
        case .wide: return labels.lines
        case .narrow:
            let ems = (width(.narrow) - 10) / fontSize
            return labels.texts.enumerated().map { i, text in
                ChartLabels.wrap(labels.keyed ? "\(i + 1). \(text)" : text, widthEms: ems)
            }
        }
    }

    /// Where the plot starts in the wide layout: right of the widest label line.
    private func plotLeft(_ labels: ChartLabels) -> Double {
        let widest = labels.lines.flatMap { $0 }.map { TextMeasure.width($0, size: fontSize) }.max() ?? 0
        return min(widest * 1.05, ChartLabels.columnEms * fontSize) + 14
    }

    var digits: Int { DocumentNumberFormat.fractionDigits(for: chart.allValues) }

    func color(series i: Int) -> String {
        "#" + ColorHex.seriesColor(chart.series[i].color, index: i)
    }

    private func toneColor(category c: Int) -> String? {
        switch chart.kind {
        case .bars, .forest: break
        default: return nil
        }
        guard c < chart.tones.count, let tone = chart.tones[c] else { return nil }
        return tone.chartColor
    }

    func f(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    private func label(_ lines: [String], full: String, x: Double, firstBaseline: Double, anchor: String) -> String {
        // Above the bars (narrow layout) a white halo keeps grid lines from crossing the letters.
        let halo = anchor == "start" ? " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"" : ""
        var s = "<text x=\"\(f(x))\" y=\"\(f(firstBaseline))\" text-anchor=\"\(anchor)\" font-size=\"\(f(fontSize))\"\(halo)>"
        s += "<title>\(HTMLRenderer.escape(full))</title>"
        for (i, line) in lines.enumerated() {
            let dy = i == 0 ? "" : " dy=\"\(f(lineHeight))\""
            s += "<tspan x=\"\(f(x))\"\(dy)>\(HTMLRenderer.escape(line))</tspan>"
        }
        return s + "</text>\n"
    }

    /// A label beside the bars (wide) centred on `centerY`.
    private func sideLabel(_ lines: [String], full: String, plotLeft: Double, centerY: Double) -> String {
        let first = centerY - Double(lines.count - 1) * lineHeight / 2 + fontSize * 0.35
        return label(lines, full: full, x: plotLeft - 8, firstBaseline: first, anchor: "end")
    }

    func svgOpen(_ layout: Layout, height: Double) -> String {
        let name = HTMLRenderer.escape(DocumentText.singleLine(chart.title))
        let w = width(layout)
        let cls = layout == .wide ? "wide" : "narrow"
        // Only one of the two drawings is displayed; the other (display: none) is hidden from
        // screen readers too.
        return "<svg class=\"\(cls)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f(w)) \(f(height))\" "
            + "width=\"\(f(w))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(name)\">\n"
    }

    /// The label after a bar: value, unit and, for `.bars`, the annotation.
    private func valueText(series si: Int, category c: Int) -> String {
        let text = DocumentNumberFormat.value(chart.value(series: si, category: c), unit: chart.unit, fractionDigits: digits)
        if case .bars = chart.kind, let note = chart.annotation(c) { return text + " — " + note }
        return text
    }

    // MARK: Bars and grouped bars

    private func barsSVG(grouped: Bool, layout: Layout, labels: ChartLabels) -> String {
        let seriesIndices = grouped ? Array(chart.series.indices) : [0]
        let k = Double(seriesIndices.count)
        let barH = grouped ? (k <= 2 ? 15.0 : 12.0) : 18.0
        let barGap = 2.0
        let groupH = k * barH + (k - 1) * barGap
        let lines = self.lines(layout, labels)
        let w = width(layout)
        let left = layout == .wide ? plotLeft(labels) : 4
        let reserve = (chart.categories.indices.flatMap { c in seriesIndices.map { valueText(series: $0, category: c) } }
            .map { TextMeasure.width($0, size: valueFontSize) }.max() ?? 0) + 10
        let plotRight = max(left + 60, w - reserve)
        let rowHeights = lines.map { l -> Double in
            layout == .wide ? max(groupH + 12, Double(l.count) * lineHeight + 10)
                : Double(l.count) * lineHeight + 4 + groupH + 10
        }
        let top = 6.0
        let plotH = rowHeights.reduce(0, +)
        let height = top + plotH + 24
        let dataMax = chart.allValues.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let (maxV, step) = AxisScale.scale(dataMax: dataMax, explicitMax: chart.maxValue)
        let scale = (plotRight - left) / maxV
        let unit = chart.unit

        var s = svgOpen(layout, height: height)
        s += axisGrid(top: top, bottom: top + plotH, ticks: stride(from: 0, through: maxV + 1e-9, by: step).map { $0 },
                      xFor: { left + $0 * scale },
                      label: { DocumentNumberFormat.value($0, unit: unit, fractionDigits: step == step.rounded() ? 0 : 1) })
        var y = top
        for c in chart.categories.indices {
            let rowH = rowHeights[c]
            var by: Double
            switch layout {
            case .wide:
                by = y + (rowH - groupH) / 2
                s += sideLabel(lines[c], full: labels.texts[c], plotLeft: left, centerY: y + rowH / 2)
            case .narrow:
                s += label(lines[c], full: labels.texts[c], x: left, firstBaseline: y + 4 + fontSize * 0.8, anchor: "start")
                by = y + 4 + Double(lines[c].count) * lineHeight + 4
            }
            for si in seriesIndices {
                let v = chart.value(series: si, category: c)
                let fill = toneColor(category: c) ?? color(series: si)
                let bw = max(0, min(v ?? 0, maxV)) * scale
                let text = valueText(series: si, category: c)
                let tip = "\(DocumentText.singleLine(chart.series[si].name)): \(text)"
                if v != nil && bw > 0 {
                    s += "<rect x=\"\(f(left))\" y=\"\(f(by))\" width=\"\(f(bw))\" height=\"\(f(barH))\" fill=\"\(fill)\" stroke=\"#404040\" stroke-width=\"0.6\">"
                        + "<title>\(HTMLRenderer.escape(tip))</title></rect>\n"
                }
                let ty = by + barH / 2 + valueFontSize * 0.35
                s += "<text x=\"\(f(left + bw + 4))\" y=\"\(f(ty))\" font-size=\"\(f(valueFontSize))\">\(HTMLRenderer.escape(text))</text>\n"
                by += barH + barGap
            }
            y += rowH
        }
        s += "<line x1=\"\(f(left))\" y1=\"\(f(top))\" x2=\"\(f(left))\" y2=\"\(f(top + plotH))\" stroke=\"#333\" stroke-width=\"1\"/>\n"
        return s + "</svg>\n"
    }

    private func axisGrid(top: Double, bottom: Double, ticks: [Double], xFor: (Double) -> Double,
                          label: (Double) -> String) -> String {
        var s = ""
        for t in ticks {
            let x = xFor(t)
            s += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(bottom))\" stroke=\"#d0d0d0\" stroke-width=\"0.75\"/>\n"
            s += "<text x=\"\(f(x))\" y=\"\(f(bottom + 15))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333\">\(HTMLRenderer.escape(label(t)))</text>\n"
        }
        return s
    }

    // MARK: Diverging stacked

    private func divergingSVG(layout: Layout, labels: ChartLabels) -> String {
        guard let split = chart.divergingSplit else { return "" }
        let lines = self.lines(layout, labels)
        let barH = 22.0
        let w = width(layout)
        // Narrow: room left for half of the first axis label.
        let left = layout == .wide ? plotLeft(labels) : 20
        let rowHeights = lines.map { l -> Double in
            layout == .wide ? max(barH + 10, Double(l.count) * lineHeight + 10)
                : Double(l.count) * lineHeight + 4 + barH + 10
        }
        let top = 6.0
        let plotH = rowHeights.reduce(0, +)
        let height = top + plotH + 24
        // Room right of the plot for half of the last axis label («100 %»).
        let plotRight = w - 24
        // Zero sits where the longest left side ends, so the bars use the whole width.
        let extents = chart.categories.indices.map { chart.divergingExtents(category: $0) }
        let leftMax = extents.map(\.left).max() ?? 0
        let rightMax = extents.map(\.right).max() ?? 0
        let step = AxisScale.niceStep(forRange: max(leftMax + rightMax, 1), targetTicks: layout == .wide ? 6 : 4)
        let leftAxis = (leftMax / step).rounded(.up) * step
        let rightAxis = max((rightMax / step).rounded(.up), leftAxis > 0 ? 0 : 1) * step
        let scale = (plotRight - left) / (leftAxis + rightAxis)
        let center = left + leftAxis * scale
        let unit = chart.unit

        var s = svgOpen(layout, height: height)
        var ticks: [Double] = []
        var t = -leftAxis
        while t <= rightAxis + 1e-9 { ticks.append(t); t += step }
        s += axisGrid(top: top, bottom: top + plotH, ticks: ticks, xFor: { center + $0 * scale },
                      label: { DocumentNumberFormat.value(abs($0), unit: unit, fractionDigits: step == step.rounded() ? 0 : 1) })
        // The zero line goes under the bars: it shows between them, not across their labels.
        // A plain stacked chart starts at zero: its axis line would only cross the labels above the bars (narrow layout).
        if case .stacked = chart.kind {} else {
            s += "<line x1=\"\(f(center))\" y1=\"\(f(top))\" x2=\"\(f(center))\" y2=\"\(f(top + plotH))\" stroke=\"#222\" stroke-width=\"1.2\"/>\n"
        }
        let order = split.negative + (split.neutral.map { [$0] } ?? []) + split.positive
        var y = top
        for c in chart.categories.indices {
            let rowH = rowHeights[c]
            let by: Double
            switch layout {
            case .wide:
                by = y + (rowH - barH) / 2
                s += sideLabel(lines[c], full: labels.texts[c], plotLeft: left, centerY: y + rowH / 2)
            case .narrow:
                s += label(lines[c], full: labels.texts[c], x: 4, firstBaseline: y + 4 + fontSize * 0.8, anchor: "start")
                by = y + 4 + Double(lines[c].count) * lineHeight + 4
            }
            let hasData = order.contains { chart.value(series: $0, category: c) != nil }
            if !hasData {
                s += "<text x=\"\(f(center + 6))\" y=\"\(f(by + barH / 2 + 4))\" font-size=\"11\" fill=\"#444\">нет данных</text>\n"
            }
            var x = center - extents[c].left * scale
            for si in order {
                guard let v = chart.value(series: si, category: c), v > 0 else { continue }
                let bw = v * scale
                let hex = ColorHex.seriesColor(chart.series[si].color, index: si)
                let valueText = DocumentNumberFormat.value(v, unit: unit, fractionDigits: digits)
                let tip = "\(DocumentText.singleLine(chart.series[si].name)): \(valueText)"
                s += "<rect x=\"\(f(x))\" y=\"\(f(by))\" width=\"\(f(bw))\" height=\"\(f(barH))\" fill=\"#\(hex)\" stroke=\"#404040\" stroke-width=\"0.5\">"
                    + "<title>\(HTMLRenderer.escape(tip))</title></rect>\n"
                let text = DocumentNumberFormat.decimal(v, fractionDigits: digits)
                if bw >= TextMeasure.width(text, size: 12) + 6 {
                    let fill = ColorHex.prefersDarkText(hex) ? "#000" : "#fff"
                    s += "<text x=\"\(f(x + bw / 2))\" y=\"\(f(by + barH / 2 + 4))\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(fill)\">\(HTMLRenderer.escape(text))</text>\n"
                }
                x += bw
            }
            y += rowH
        }
        return s + "</svg>\n"
    }

    // MARK: Forest plot

    private func forestSVG(reference: Double?, layout: Layout, labels: ChartLabels) -> String {
        let lines = self.lines(layout, labels)
        let w = width(layout)
        let left = layout == .wide ? plotLeft(labels) : 4
        let reserve = (chart.categories.indices.map { valueText(series: 0, category: $0) }.map { TextMeasure.width($0, size: valueFontSize) }.max() ?? 0) + 12
        let plotRight = max(left + 60, w - reserve)
        let rowH = 20.0
        let rowHeights = lines.map { l -> Double in layout == .wide ? max(rowH, Double(l.count) * lineHeight + 6) : Double(l.count) * lineHeight + 4 + rowH }
        let top = 6.0
        let plotH = rowHeights.reduce(0, +)
        let height = top + plotH + 24
        let dataMax = (chart.allValues + [reference]).compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let (maxV, step) = AxisScale.scale(dataMax: dataMax, explicitMax: chart.maxValue)
        let scale = (plotRight - left) / maxV
        let unit = chart.unit
        func x(_ v: Double) -> Double { left + max(0, min(v, maxV)) * scale }
        var s = svgOpen(layout, height: height)
        s += axisGrid(top: top, bottom: top + plotH, ticks: stride(from: 0, through: maxV + 1e-9, by: step).map { $0 }, xFor: { left + $0 * scale },
                      label: { DocumentNumberFormat.value($0, unit: unit, fractionDigits: step == step.rounded() ? 0 : 1) })
        if let reference {
            s += "<line x1=\"\(f(x(reference)))\" y1=\"\(f(top))\" x2=\"\(f(x(reference)))\" y2=\"\(f(top + plotH))\" stroke=\"#222\" stroke-width=\"1.2\" stroke-dasharray=\"5 3\"/>\n"
        }
        var y = top
        for c in chart.categories.indices {
            let h = rowHeights[c]
            let cy: Double
            switch layout {
            case .wide:
                cy = y + h / 2
                s += sideLabel(lines[c], full: labels.texts[c], plotLeft: left, centerY: cy)
            case .narrow:
                s += label(lines[c], full: labels.texts[c], x: left, firstBaseline: y + 4 + fontSize * 0.8, anchor: "start")
                cy = y + 4 + Double(lines[c].count) * lineHeight + rowH / 2
            }
            if let low = chart.value(series: 1, category: c), let high = chart.value(series: 2, category: c) {
                s += "<line x1=\"\(f(x(low)))\" y1=\"\(f(cy))\" x2=\"\(f(x(high)))\" y2=\"\(f(cy))\" stroke=\"#333\" stroke-width=\"1.5\"/>\n"
                for end in [low, high] {
                    s += "<line x1=\"\(f(x(end)))\" y1=\"\(f(cy - 4))\" x2=\"\(f(x(end)))\" y2=\"\(f(cy + 4))\" stroke=\"#333\" stroke-width=\"1.5\"/>\n"
                }
            }
            if let v = chart.value(series: 0, category: c) {
                let fill = toneColor(category: c) ?? color(series: 0)
                let text = valueText(series: 0, category: c)
                s += "<rect x=\"\(f(x(v) - 5))\" y=\"\(f(cy - 5))\" width=\"10\" height=\"10\" fill=\"\(fill)\" stroke=\"#222\" stroke-width=\"1\">"
                    + "<title>\(HTMLRenderer.escape(text))</title></rect>\n"
                let tx = x(chart.value(series: 2, category: c) ?? v) + 6
                s += "<text x=\"\(f(tx))\" y=\"\(f(cy + valueFontSize * 0.35))\" font-size=\"\(f(valueFontSize))\">\(HTMLRenderer.escape(text))</text>\n"
            } else {
                s += "<text x=\"\(f(left + 6))\" y=\"\(f(cy + 4))\" font-size=\"11\" fill=\"#444\">скрыто</text>\n"
            }
            y += h
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
        case .line where chart.series.count == 1:
            items = []
        case .groupedBars, .divergingStacked, .stacked, .line, .bubble:
            items = chart.series.indices.map { (color(series: $0), DocumentText.singleLine(chart.series[$0].name)) }
        case .forest(let reference):
            items = Chart.forestLegend(chart, reference: reference)
        }
        guard !items.isEmpty else { return "" }
        var s = "<ul class=\"legend\">"
        for item in items {
            s += "<li><svg viewBox=\"0 0 10 10\" aria-hidden=\"true\"><rect x=\"0.5\" y=\"0.5\" width=\"9\" height=\"9\" fill=\"\(item.color)\" stroke=\"#404040\" stroke-width=\"0.8\"/></svg>"
                + "\(HTMLRenderer.escape(item.name))</li>"
        }
        return s + "</ul>\n"
    }
}
