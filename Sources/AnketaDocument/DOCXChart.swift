/// Writes one `Chart` as a DrawingML chart part (`c:chartSpace`) for a .docx.
///
/// All three kinds are horizontal bar charts (`c:barChart`, `barDir="bar"`), categories read
/// from top to bottom (category axis reversed, value axis crossing at its maximum so it stays at
/// the bottom). The data lives only in `c:strCache`/`c:numCache`; no workbook is embedded.
///
/// - `.bars`: one clustered series, per-point colours (`c:dPt`) from `tones`.
/// - `.groupedBars`: one clustered series per series, legend at the bottom.
/// - `.divergingStacked`: a stacked chart (`overlap 100`) whose first series is an invisible
///   spacer of `left reach − left extent` per category, so every bar's neutral segment (or the
///   border between negative and positive options) sits on one vertical line. That zero line
///   is placed where the longest left side ends (not at the centre), so the bars use the
///   whole width; the category axis crosses there and draws it. The series keep their natural
///   order, from the most negative to the most positive, with their real values, so the data
///   labels read correctly; the value axis is unlabelled.
///
/// Legends are not drawn inside the chart (Word and LibreOffice order and filter legend entries
/// differently for reversed bar charts); `DOCXBuilder` writes a legend paragraph under it.
struct DOCXChartWriter {
    let chart: Chart
    /// The document's font, used for all chart text.
    var fontName = "Times New Roman"
    /// The drawing's width in points (the text width of the page, less a little).
    var widthPoints = 460.0

    let catAxisId = 50010
    let valAxisId = 50020

    /// Category labels in points; data labels are a point smaller.
    static let labelSize = 10.0
    static let dataLabelSize = 9.0
    private static let lineHeight = 12.0

    /// The labels as every format writes them (wrapped lines or a numbered key).
    var labels: ChartLabels { ChartLabels(chart: chart) }

    // MARK: Geometry (points)

    /// Width of the label column left of the bars: the widest label line, at most the
    /// `ChartLabels.columnEms` limit.
    private var labelColumn: Double {
        let widest = labels.lines.flatMap { $0 }.map { TextMeasure.width($0, size: Self.labelSize) }.max() ?? 0
        return min(widest * 1.05, ChartLabels.columnEms * Self.labelSize) + 8
    }

    /// Room right of the plot for the data labels of the longest bar.
    private var rightReserve: Double {
        switch chart.kind {
        case .divergingStacked, .stacked, .line, .bubble: return 6
        case .forest: return 8
        case .bars, .groupedBars:
            let widest = chart.categories.indices.map { TextMeasure.width(dataLabelText(category: $0), size: Self.dataLabelSize) }.max() ?? 0
            return widest + 10
        }
    }

    /// Height of one category's band.
    private var band: Double {
        let text = Double(labels.maxLineCount) * Self.lineHeight + 8
        switch chart.kind {
        case .bars: return max(20, text)
        case .groupedBars: return max(Double(max(chart.series.count, 1)) * 11 + 8, text)
        case .divergingStacked, .stacked, .line, .bubble: return max(22, text)
        case .forest: return max(16, text)
        }
    }

    private var topPad: Double { 6 }
    private var bottomPad: Double {
        switch chart.kind {
        case .divergingStacked, .stacked: return 8
        default: return 24
        }
    }

    var heightPoints: Double {
        if case .line = chart.kind { return Self.lineHeightPoints }
        if case .bubble = chart.kind { return bubbleHeightPoints }
        return topPad + Double(max(chart.categories.count, 1)) * band + bottomPad
    }

    /// Height of the drawing on the page, in EMU.
    var heightEMU: Int { Int(heightPoints * 12700) }

    /// Width of the drawing on the page, in EMU.
    var widthEMU: Int { Int(widthPoints * 12700) }

    /// Width of the plot area (the bars' room), in points.
    private var plotWidth: Double {
        max(0.2 * widthPoints, widthPoints - labelColumn - 4 - rightReserve)
    }

    /// The plot area's inner rectangle as fractions of the chart, so the label column and the
    /// room for data labels are exactly what the labels need.
    private var plotLayout: String {
        let x = (labelColumn + 4) / widthPoints
        let w = plotWidth / widthPoints
        let h = Double(max(chart.categories.count, 1)) * band / heightPoints
        let y = topPad / heightPoints
        func r(_ v: Double) -> String { String(format: "%.4f", v) }
        return "<c:layout><c:manualLayout><c:layoutTarget val=\"inner\"/><c:xMode val=\"edge\"/><c:yMode val=\"edge\"/>"
            + "<c:x val=\"\(r(x))\"/><c:y val=\"\(r(y))\"/><c:w val=\"\(r(w))\"/><c:h val=\"\(r(h))\"/></c:manualLayout></c:layout>"
    }

    /// The text of a `.bars`/`.groupedBars` data label: value, unit and annotation.
    func dataLabelText(category c: Int) -> String {
        let values = chart.series.indices.map { chart.value(series: $0, category: c) }
        let widest = values.map { DocumentNumberFormat.value($0, unit: chart.unit, fractionDigits: digits) }
            .max { $0.count < $1.count } ?? ""
        if case .bars = chart.kind, let note = chart.annotation(c) { return widest + " — " + note }
        return widest
    }

    var digits: Int { DocumentNumberFormat.fractionDigits(for: chart.allValues) }

    func xml() -> String {
        if case .line = chart.kind { return lineXML() }
        if case .bubble = chart.kind { return bubbleXML() }
        var s = DOCXParts.header
        s += "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        s += "<c:date1904 val=\"0\"/><c:lang val=\"ru-RU\"/><c:roundedCorners val=\"0\"/>"
        s += "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea>" + plotLayout
        switch chart.kind {
        case .bars: s += barChart(grouped: false)
        case .groupedBars: s += barChart(grouped: true)
        case .divergingStacked, .stacked: s += divergingChart()
        case .line, .bubble: break
        case .forest: s += forestChart()
        }
        s += axes()
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        s += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        s += textProperties(size: Self.labelSize)
        return s + "</c:chartSpace>"
    }

    // MARK: Series

    private func barChart(grouped: Bool) -> String {
        var s = "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/><c:varyColors val=\"0\"/>"
        let indices = grouped ? Array(chart.series.indices) : [0]
        for (order, si) in indices.enumerated() {
            let series = chart.series[si]
            let color = ColorHex.seriesColor(series.color, index: si)
            var points = ""
            if !grouped {
                for (c, tone) in chart.tones.prefix(chart.categories.count).enumerated() {
                    guard let tone else { continue }
                    points += "<c:dPt><c:idx val=\"\(c)\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/>"
                        + fill(String(tone.chartColor.dropFirst())) + "</c:dPt>"
                }
            }
            var perPoint: [Int: String] = [:]
            if !grouped {
                for c in chart.categories.indices {
                    if let note = chart.annotation(c) {
                        // Non-breaking spaces: LibreOffice wraps data labels at spaces.
                        let suffix = (" — " + note).map { $0 == " " ? "\u{00A0}" : $0 }
                        perPoint[c] = numberFormat(digits: digits, withUnit: true, suffix: String(suffix))
                    }
                }
            }
            let labels = dataLabels(format: numberFormat(digits: digits, withUnit: true), position: "outEnd",
                                    textColor: "000000", deleted: [], formats: perPoint)
            s += ser(index: order, name: series.name, color: color, points: points, labels: labels,
                     values: chart.categories.indices.map { chart.value(series: si, category: $0) })
        }
        s += "<c:gapWidth val=\"\(grouped ? 50 : 40)\"/>"
        s += "<c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:barChart>"
        return s
    }

    /// How far the bars reach left and right of zero: the value axis runs from 0 to
    /// `left + right` and zero sits at `left`.
    private var divergingReach: (left: Double, right: Double) {
        let extents = chart.categories.indices.map { chart.divergingExtents(category: $0) }
        let left = extents.map(\.left).max() ?? 0
        let right = extents.map(\.right).max() ?? 0
        // The value axis is unlabelled, so the reach need not be a round number: a little
        // headroom is enough.
        let total = left + right
        guard total > 0 else { return (0.5, 0.5) }
        return (left + total * 0.01, right + total * 0.01)
    }

    private func divergingChart() -> String {
        guard let split = chart.divergingSplit else { return "" }
        let reach = divergingReach
        var s = "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>"
        // The spacer: pushes each bar so that zero sits at `reach.left`.
        let spacer = chart.categories.indices.map { c -> Double? in reach.left - chart.divergingExtents(category: c).left }
        s += ser(index: 0, name: "", color: nil, points: "", labels: "<c:dLbls><c:delete val=\"1\"/></c:dLbls>", values: spacer)
        let order = split.negative + (split.neutral.map { [$0] } ?? []) + split.positive
        // A segment shows its value only when the label fits inside it.
        let pointsPerUnit = plotWidth / (reach.left + reach.right)
        for (k, si) in order.enumerated() {
            let series = chart.series[si]
            let color = ColorHex.seriesColor(series.color, index: si)
            let values = chart.categories.indices.map { chart.value(series: si, category: $0) }
            let hidden = values.enumerated().compactMap { c, v -> Int? in
                guard let v else { return c }
                let text = DocumentNumberFormat.decimal(v, fractionDigits: digits)
                return v * pointsPerUnit < TextMeasure.width(text, size: Self.dataLabelSize) + 3 ? c : nil
            }
            let labels = dataLabels(format: numberFormat(digits: digits, withUnit: false), position: "ctr",
                                    textColor: ColorHex.prefersDarkText(color) ? "000000" : "FFFFFF", deleted: hidden)
            s += ser(index: k + 1, name: series.name, color: color, points: "", labels: labels, values: values)
        }
        s += "<c:gapWidth val=\"40\"/><c:overlap val=\"100\"/>"
        s += "<c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:barChart>"
        return s
    }

    /// A forest plot as a stacked bar chart: per row, segments from the axis outwards — invisible,
    /// a light band for the interval, a dark mark at the estimate (toned by `tones`) and a thin
    /// near-black tick at the reference value. The ticks of the rows, with the gaps between the
    /// rows, draw the reference as a dashed line, as the HTML chart does. Segment k of every row is
    /// series k, each point filled by its own role. Word and LibreOffice draw it natively; the
    /// values stay editable.
    private func forestChart() -> String {
        let dataMax = chart.allValues.compactMap { $0 }.filter(\.isFinite).max() ?? 0
        let axisMax = AxisScale.scale(dataMax: dataMax, explicitMax: chart.maxValue).max
        // The estimate's mark is wide and outlined in black, so that a light tone (the good level)
        // still shows on the grey band when printed in black and white; the reference tick is thin.
        let mark = axisMax / 50, tick = axisMax / 300
        var reference: Double?
        if case .forest(let value) = chart.kind, let value, value.isFinite, value >= 0 { reference = value }
        let rows = chart.categories.indices.map { c in
            Self.forestSegments(value: chart.value(series: 0, category: c), low: chart.value(series: 1, category: c),
                                high: chart.value(series: 2, category: c), reference: reference, mark: mark, tick: tick)
        }
        let none = "<c:dLbls><c:delete val=\"1\"/></c:dLbls>"
        var s = "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>"
        for k in 0..<(rows.map(\.count).max() ?? 0) {
            var points = ""
            for (c, row) in rows.enumerated() where k < row.count {
                let color: String? = switch row[k].role {
                case .gap: nil
                case .band: "BFBFBF"
                case .point: String((chart.tones.indices.contains(c) ? chart.tones[c] : nil)?.chartColor.dropFirst() ?? "262626")
                case .reference: "222222"
                }
                guard let color else { continue }
                let shape = row[k].role == .point
                    ? "<c:spPr><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill><a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr>"
                    : fill(color)
                points += "<c:dPt><c:idx val=\"\(c)\"/><c:invertIfNegative val=\"0\"/><c:bubble3D val=\"0\"/>" + shape + "</c:dPt>"
            }
            s += ser(index: k, name: "", color: nil, points: points, labels: none, values: rows.map { k < $0.count ? $0[k].length : nil })
        }
        s += "<c:gapWidth val=\"150\"/><c:overlap val=\"100\"/>"
        s += "<c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:barChart>"
        return s
    }

    /// One part of a forest plot's row.
    struct ForestSegment: Equatable {
        enum Role: Equatable { case gap, band, point, reference }
        var role: Role
        var length: Double
    }

    /// A row's segments from 0: the interval band, the estimate's mark over it, the reference tick
    /// over the band (the mark wins where they meet); gaps between. Adjacent parts of one role merge.
    static func forestSegments(value: Double?, low: Double?, high: Double?, reference: Double?, mark: Double, tick: Double) -> [ForestSegment] {
        var spans: [(from: Double, to: Double, role: ForestSegment.Role, rank: Int)] = []
        if let value, value.isFinite {
            let lower = min(low ?? value, value), upper = max(high ?? value, value)
            spans.append((lower, upper, .band, 1))
            spans.append((value - mark / 2, value + mark / 2, .point, 3))
        }
        if let reference { spans.append((reference - tick / 2, reference + tick / 2, .reference, 2)) }
        let cuts = Set([0] + spans.flatMap { [max(0, $0.from), max(0, $0.to)] }).sorted()
        var segments: [ForestSegment] = []
        for (a, b) in zip(cuts, cuts.dropFirst()) where b > a {
            let middle = (a + b) / 2
            let role = spans.filter { $0.from <= middle && middle <= $0.to }.max { $0.rank < $1.rank }?.role ?? .gap
            if let last = segments.last, last.role == role {
                segments[segments.count - 1].length += b - a
            } else {
                segments.append(ForestSegment(role: role, length: b - a))
            }
        }
        return segments
    }

    /// The category labels as lines (or key numbers).
    private var categoryLines: [[String]] { labels.lines }

    private func ser(index: Int, name: String, color: String?, points: String, labels: String, values: [Double?]) -> String {
        let column = columnLetter(index + 1)
        let n = chart.categories.count
        var s = "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
        s += "<c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
            + "<c:pt idx=\"0\"><c:v>\(XML.escape(DocumentText.singleLine(name)))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
        if let color {
            s += fill(color)
        } else {
            s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        }
        s += "<c:invertIfNegative val=\"0\"/>" + points + labels
        s += "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(n + 1)</c:f><c:strCache><c:ptCount val=\"\(n)\"/>"
        for (i, lines) in categoryLines.enumerated() {
            s += "<c:pt idx=\"\(i)\"><c:v>\(XML.escape(lines.joined(separator: "\n")))</c:v></c:pt>"
        }
        s += "</c:strCache></c:strRef></c:cat>"
        s += "<c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(n + 1)</c:f><c:numCache>"
            + "<c:formatCode>General</c:formatCode><c:ptCount val=\"\(n)\"/>"
        for (i, v) in values.enumerated() {
            guard let v, v.isFinite else { continue }
            s += "<c:pt idx=\"\(i)\"><c:v>\(number(v))</c:v></c:pt>"
        }
        s += "</c:numCache></c:numRef></c:val></c:ser>"
        return s
    }

    /// Data labels of a series: `deleted` points have none; `formats` gives single points
    /// their own number format (a value followed by its annotation).
    private func dataLabels(format: String, position: String, textColor: String, deleted: [Int],
                            formats: [Int: String] = [:]) -> String {
        let flags = "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
            + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>"
        let text = textProperties(size: Self.dataLabelSize, color: textColor, wrap: false)
        let noBox = "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        var s = "<c:dLbls>"
        for idx in Set(deleted).union(formats.keys).sorted() {
            if deleted.contains(idx) {
                s += "<c:dLbl><c:idx val=\"\(idx)\"/><c:delete val=\"1\"/></c:dLbl>"
            } else if let own = formats[idx] {
                s += "<c:dLbl><c:idx val=\"\(idx)\"/><c:numFmt formatCode=\"\(XML.escape(own))\" sourceLinked=\"0\"/>"
                    + noBox + text + "<c:dLblPos val=\"\(position)\"/>" + flags + "</c:dLbl>"
            }
        }
        s += "<c:numFmt formatCode=\"\(XML.escape(format))\" sourceLinked=\"0\"/>"
        s += noBox + text
        s += "<c:dLblPos val=\"\(position)\"/>" + flags + "</c:dLbls>"
        return s
    }

    // MARK: Axes and legend

    private func axes() -> String {
        let line = "<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"7F7F7F\"/></a:solidFill></a:ln></c:spPr>"
        var catLine = line
        var crossing = "<c:crosses val=\"autoZero\"/>"
        if chart.divergingSplit != nil {
            // The category axis is the zero line of a diverging chart.
            catLine = "<c:spPr><a:ln w=\"15875\"><a:solidFill><a:srgbClr val=\"262626\"/></a:solidFill></a:ln></c:spPr>"
            crossing = "<c:crossesAt val=\"\(number(divergingReach.left))\"/>"
        }
        var s = "<c:catAx><c:axId val=\"\(catAxisId)\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
            // rot="0": LibreOffice lets upright labels overlap rather than skip every other one;
            // the band height leaves room for every label's lines, so none overlaps in practice.
            + catLine + textProperties(size: Self.labelSize, upright: true)
            + "<c:crossAx val=\"\(valAxisId)\"/>\(crossing)<c:auto val=\"1\"/>"
            + "<c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:tickLblSkip val=\"1\"/><c:tickMarkSkip val=\"1\"/>"
            + "<c:noMultiLvlLbl val=\"0\"/></c:catAx>"
        let grid = "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"BFBFBF\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        s += "<c:valAx><c:axId val=\"\(valAxisId)\"/>"
        switch chart.kind {
        case .divergingStacked, .stacked, .line, .bubble:
            let reach = divergingReach
            s += "<c:scaling><c:orientation val=\"minMax\"/><c:max val=\"\(number(reach.left + reach.right))\"/><c:min val=\"0\"/></c:scaling>"
                + "<c:delete val=\"0\"/><c:axPos val=\"b\"/>"
                + "<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
                + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"none\"/>"
                + "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: Self.dataLabelSize)
                + "<c:crossAx val=\"\(catAxisId)\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>"
                + "<c:majorUnit val=\"\(number(reach.left + reach.right))\"/>"
        case .bars, .groupedBars, .forest:
            let dataMax = chart.allValues.compactMap { $0 }.filter(\.isFinite).max() ?? 0
            let (maxV, step) = AxisScale.scale(dataMax: dataMax, explicitMax: chart.maxValue)
            let tickDigits = step == step.rounded() ? 0 : 1
            s += "<c:scaling><c:orientation val=\"minMax\"/><c:max val=\"\(number(maxV))\"/><c:min val=\"0\"/></c:scaling>"
                + "<c:delete val=\"0\"/><c:axPos val=\"b\"/>" + grid
                + "<c:numFmt formatCode=\"\(XML.escape(numberFormat(digits: tickDigits, withUnit: true)))\" sourceLinked=\"0\"/>"
                + "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
                + line + textProperties(size: Self.dataLabelSize)
                + "<c:crossAx val=\"\(catAxisId)\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>"
                + "<c:majorUnit val=\"\(number(step))\"/>"
        }
        return s + "</c:valAx>"
    }

    // MARK: Helpers

    /// Format code for labels, e.g. `0.0" %"` (a non-breaking space before the unit). The
    /// decimal separator follows the reader's locale: a comma in Russian Word and LibreOffice.
    func numberFormat(digits: Int, withUnit: Bool, suffix: String = "") -> String {
        // [$-419]: the format's locale is Russian, so LibreOffice shows a decimal comma whatever
        // its UI locale; Word follows the reader's system settings (a comma on Russian Windows).
        var code = "[$-419]" + (digits > 0 ? "0." + String(repeating: "0", count: digits) : "0")
        // One quoted literal for the unit and the suffix (adjacent literals could read as an
        // escaped quote).
        let unit = Self.literal(chart.unit).trimmingWhitespace()
        let literal = (withUnit && !unit.isEmpty ? "\u{00A0}" + unit : "") + Self.literal(suffix)
        if !literal.isEmpty { code += "\"\(literal)\"" }
        return code
    }

    /// Text safe inside a quoted number-format literal (no quotes or backslashes).
    private static func literal(_ text: String) -> String {
        String(DocumentText.sanitized(text).map { $0 == "\n" || $0 == "\t" ? " " : $0 }.filter { $0 != "\"" && $0 != "\\" })
    }

    /// A solid fill with a thin dark outline, so light bars stand out on white paper.
    func fill(_ hex: String) -> String {
        "<c:spPr><a:solidFill><a:srgbClr val=\"\(hex)\"/></a:solidFill>"
            + "<a:ln w=\"3175\"><a:solidFill><a:srgbClr val=\"404040\"/></a:solidFill></a:ln></c:spPr>"
    }

    func textProperties(size: Double, color: String = "000000", upright: Bool = false, wrap: Bool = true) -> String {
        let font = XML.escape(fontName)
        let body = upright ? "<a:bodyPr rot=\"0\" vert=\"horz\"/>" : wrap ? "<a:bodyPr/>" : "<a:bodyPr wrap=\"none\"/>"
        return "<c:txPr>\(body)<a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(Int(size * 100))\" b=\"0\">"
            + "<a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill>"
            + "<a:latin typeface=\"\(font)\"/><a:cs typeface=\"\(font)\"/></a:defRPr></a:pPr>"
            + "<a:endParaRPr lang=\"ru-RU\"/></a:p></c:txPr>"
    }

    /// A number as XML Schema double text ("82.4").
    func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// 1 → "B", 2 → "C", … (column A holds the categories).
    func columnLetter(_ index: Int) -> String {
        var n = index + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }
}
