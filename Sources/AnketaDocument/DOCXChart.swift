/// Writes one `Chart` as a DrawingML chart part (`c:chartSpace`) for a .docx.
///
/// All three kinds are horizontal bar charts (`c:barChart`, `barDir="bar"`), categories read
/// from top to bottom (category axis reversed, value axis crossing at its maximum so it stays at
/// the bottom). The data lives only in `c:strCache`/`c:numCache`; no workbook is embedded.
///
/// - `.bars`: one clustered series, per-point colours (`c:dPt`) from `tones`.
/// - `.groupedBars`: one clustered series per series, legend at the bottom.
/// - `.divergingStacked`: a stacked chart (`overlap 100`) whose first series is an invisible
///   spacer of `reach − left extent` per category, so every bar's neutral segment (or the
///   border between negative and positive options) sits on the chart's centre line. The series
///   keep their natural order, from the most negative to the most positive, with their real
///   values, so the data labels read correctly; the value axis is unlabelled and its centre
///   gridline marks zero.
///
/// Legends are not drawn inside the chart (Word and LibreOffice order and filter legend entries
/// differently for reversed bar charts); `DOCXBuilder` writes a legend paragraph under it.
struct DOCXChartWriter {
    let chart: Chart

    private let catAxisId = 50010
    private let valAxisId = 50020

    /// Height of the drawing on the page, in EMU.
    var heightEMU: Int {
        let n = Double(max(chart.categories.count, 1))
        let cm: Double
        switch chart.kind {
        case .bars: cm = n * 0.75 + 1.4
        case .groupedBars: cm = n * (Double(max(chart.series.count, 1)) * 0.45 + 0.45) + 1.4
        case .divergingStacked: cm = n * 0.85 + 1.0
        }
        return Int(min(max(cm, 4), 22) * 360_000)
    }

    private var digits: Int { DocumentNumberFormat.fractionDigits(for: chart.allValues) }

    func xml() -> String {
        var s = DOCXParts.header
        s += "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        s += "<c:date1904 val=\"0\"/><c:lang val=\"ru-RU\"/><c:roundedCorners val=\"0\"/>"
        s += "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>"
        switch chart.kind {
        case .bars: s += barChart(grouped: false)
        case .groupedBars: s += barChart(grouped: true)
        case .divergingStacked: s += divergingChart()
        }
        s += axes()
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        s += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        s += textProperties(size: 1000)
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
            let labels = dataLabels(format: numberFormat(digits: digits, withUnit: true), position: "outEnd",
                                    textColor: "000000", deleted: [])
            s += ser(index: order, name: series.name, color: color, points: points, labels: labels,
                     values: chart.categories.indices.map { chart.value(series: si, category: $0) })
        }
        s += "<c:gapWidth val=\"\(grouped ? 50 : 40)\"/>"
        s += "<c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:barChart>"
        return s
    }

    /// The reach of the longest side of any bar: the half-width of the value axis.
    private var divergingReach: (max: Double, step: Double) {
        let reach = chart.categories.indices.map { c -> Double in
            let e = chart.divergingExtents(category: c)
            return max(e.left, e.right)
        }.max() ?? 0
        // The value axis is unlabelled, so the reach need not be a round number: a little
        // headroom is enough.
        return (max: reach > 0 ? reach * 1.02 : 1, step: 0)
    }

    private func divergingChart() -> String {
        guard let split = chart.divergingSplit else { return "" }
        let reach = divergingReach.max
        var s = "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>"
        // The spacer: pushes each bar so that zero sits at `reach`.
        let spacer = chart.categories.indices.map { c -> Double? in reach - chart.divergingExtents(category: c).left }
        s += ser(index: 0, name: "", color: nil, points: "", labels: "<c:dLbls><c:delete val=\"1\"/></c:dLbls>", values: spacer)
        let order = split.negative + (split.neutral.map { [$0] } ?? []) + split.positive
        let minLabelled = 2 * reach * 0.03
        for (k, si) in order.enumerated() {
            let series = chart.series[si]
            let color = ColorHex.seriesColor(series.color, index: si)
            let values = chart.categories.indices.map { chart.value(series: si, category: $0) }
            let hidden = values.enumerated().compactMap { c, v in (v ?? 0) < minLabelled ? c : nil }
            let labels = dataLabels(format: numberFormat(digits: digits, withUnit: false), position: "ctr",
                                    textColor: ColorHex.prefersDarkText(color) ? "000000" : "FFFFFF", deleted: hidden)
            s += ser(index: k + 1, name: series.name, color: color, points: "", labels: labels, values: values)
        }
        s += "<c:gapWidth val=\"40\"/><c:overlap val=\"100\"/>"
        s += "<c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:barChart>"
        return s
    }

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
        for (i, category) in chart.categories.enumerated() {
            s += "<c:pt idx=\"\(i)\"><c:v>\(XML.escape(DocumentText.singleLine(category)))</c:v></c:pt>"
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

    private func dataLabels(format: String, position: String, textColor: String, deleted: [Int]) -> String {
        var s = "<c:dLbls>"
        for idx in deleted { s += "<c:dLbl><c:idx val=\"\(idx)\"/><c:delete val=\"1\"/></c:dLbl>" }
        s += "<c:numFmt formatCode=\"\(XML.escape(format))\" sourceLinked=\"0\"/>"
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        s += textProperties(size: 900, color: textColor)
        s += "<c:dLblPos val=\"\(position)\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
            + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
        return s
    }

    // MARK: Axes and legend

    private func axes() -> String {
        let line = "<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"7F7F7F\"/></a:solidFill></a:ln></c:spPr>"
        var s = "<c:catAx><c:axId val=\"\(catAxisId)\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"l\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
            + line + textProperties(size: 1000)
            + "<c:crossAx val=\"\(valAxisId)\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/>"
            + "<c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
        let grid = "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"BFBFBF\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        s += "<c:valAx><c:axId val=\"\(valAxisId)\"/>"
        switch chart.kind {
        case .divergingStacked:
            let reach = divergingReach.max
            s += "<c:scaling><c:orientation val=\"minMax\"/><c:max val=\"\(number(2 * reach))\"/><c:min val=\"0\"/></c:scaling>"
                + "<c:delete val=\"0\"/><c:axPos val=\"b\"/>"
                + "<c:majorGridlines><c:spPr><a:ln w=\"12700\"><a:solidFill><a:srgbClr val=\"404040\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
                + "<c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
                + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"none\"/>"
                + "<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: 900)
                + "<c:crossAx val=\"\(catAxisId)\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>"
                + "<c:majorUnit val=\"\(number(reach))\"/>"
        case .bars, .groupedBars:
            let dataMax = chart.allValues.compactMap { $0 }.filter(\.isFinite).max() ?? 0
            let (maxV, step) = AxisScale.scale(dataMax: dataMax, explicitMax: chart.maxValue)
            let tickDigits = step == step.rounded() ? 0 : 1
            s += "<c:scaling><c:orientation val=\"minMax\"/><c:max val=\"\(number(maxV))\"/><c:min val=\"0\"/></c:scaling>"
                + "<c:delete val=\"0\"/><c:axPos val=\"b\"/>" + grid
                + "<c:numFmt formatCode=\"\(XML.escape(numberFormat(digits: tickDigits, withUnit: true)))\" sourceLinked=\"0\"/>"
                + "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
                + line + textProperties(size: 900)
                + "<c:crossAx val=\"\(catAxisId)\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>"
                + "<c:majorUnit val=\"\(number(step))\"/>"
        }
        return s + "</c:valAx>"
    }

    // MARK: Helpers

    /// Format code for labels, e.g. `0.0" %"` (a non-breaking space before the unit). The
    /// decimal separator follows the reader's locale: a comma in Russian Word and LibreOffice.
    private func numberFormat(digits: Int, withUnit: Bool) -> String {
        // [$-419]: the format's locale is Russian, so LibreOffice shows a decimal comma whatever
        // its UI locale; Word follows the reader's system settings (a comma on Russian Windows).
        var code = "[$-419]" + (digits > 0 ? "0." + String(repeating: "0", count: digits) : "0")
        let unit = String(chart.unit.trimmingWhitespace().filter { $0 != "\"" && $0 != "\\" })
        if withUnit && !unit.isEmpty { code += "\"\u{00A0}\(unit)\"" }
        return code
    }

    private func fill(_ hex: String) -> String {
        "<c:spPr><a:solidFill><a:srgbClr val=\"\(hex)\"/></a:solidFill></c:spPr>"
    }

    private func textProperties(size: Int, color: String = "000000") -> String {
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size)\" b=\"0\">"
            + "<a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill>"
            + "<a:latin typeface=\"Times New Roman\"/><a:cs typeface=\"Times New Roman\"/></a:defRPr></a:pPr>"
            + "<a:endParaRPr lang=\"ru-RU\"/></a:p></c:txPr>"
    }

    /// A number as XML Schema double text ("82.4").
    private func number(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }

    /// 1 → "B", 2 → "C", … (column A holds the categories).
    private func columnLetter(_ index: Int) -> String {
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
