extension DOCXChartWriter {
    /// Height of a line chart on the page, in points.
    static let lineHeightPoints = 190.0

    /// Line dash per series, so lines stay apart in black-and-white print.
    static let lineDashes = ["solid", "dash", "sysDot", "lgDashDot", "dashDot", "lgDash"]
    /// Marker per series, for the same reason.
    static let lineMarkers = ["circle", "square", "triangle", "diamond", "x", "star"]

    /// A `.line` chart: categories (waves) along the bottom, values up the left, one line with
    /// markers and value labels above the points per series.
    func lineXML() -> String {
        var s = DOCXParts.header
        s += "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        s += "<c:date1904 val=\"0\"/><c:lang val=\"ru-RU\"/><c:roundedCorners val=\"0\"/>"
        s += "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>"
        s += "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
        let n = chart.categories.count
        for (index, series) in chart.series.enumerated() {
            let color = ColorHex.seriesColor(series.color, index: index)
            let column = columnLetter(index + 1)
            let dash = Self.lineDashes[index % Self.lineDashes.count]
            let marker = Self.lineMarkers[index % Self.lineMarkers.count]
            s += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
            s += "<c:tx><c:strRef><c:f>Sheet1!$\(column)$1</c:f><c:strCache><c:ptCount val=\"1\"/>"
                + "<c:pt idx=\"0\"><c:v>\(XML.escape(DocumentText.singleLine(series.name)))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
            s += "<c:spPr><a:ln w=\"28575\" cap=\"rnd\"><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill>"
                + "<a:prstDash val=\"\(dash)\"/><a:round/></a:ln></c:spPr>"
            s += "<c:marker><c:symbol val=\"\(marker)\"/><c:size val=\"7\"/>"
                + "<c:spPr><a:solidFill><a:srgbClr val=\"\(color)\"/></a:solidFill><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"404040\"/></a:solidFill></a:ln></c:spPr></c:marker>"
            s += "<c:dLbls><c:numFmt formatCode=\"\(XML.escape(numberFormat(digits: digits, withUnit: true)))\" sourceLinked=\"0\"/>"
                + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: Self.dataLabelSize, wrap: false)
                + "<c:dLblPos val=\"t\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
                + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
            s += "<c:cat><c:strRef><c:f>Sheet1!$A$2:$A$\(n + 1)</c:f><c:strCache><c:ptCount val=\"\(n)\"/>"
            for (i, category) in chart.categories.enumerated() {
                s += "<c:pt idx=\"\(i)\"><c:v>\(XML.escape(DocumentText.singleLine(category)))</c:v></c:pt>"
            }
            s += "</c:strCache></c:strRef></c:cat>"
            s += "<c:val><c:numRef><c:f>Sheet1!$\(column)$2:$\(column)$\(n + 1)</c:f><c:numCache>"
                + "<c:formatCode>General</c:formatCode><c:ptCount val=\"\(n)\"/>"
            for c in 0..<n {
                guard let v = chart.value(series: index, category: c) else { continue }
                s += "<c:pt idx=\"\(c)\"><c:v>\(number(v))</c:v></c:pt>"
            }
            s += "</c:numCache></c:numRef></c:val><c:smooth val=\"0\"/></c:ser>"
        }
        s += "<c:marker val=\"1\"/><c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:lineChart>"
        let line = "<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"7F7F7F\"/></a:solidFill></a:ln></c:spPr>"
        s += "<c:catAx><c:axId val=\"\(catAxisId)\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"b\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"low\"/>"
            + line + textProperties(size: Self.labelSize, upright: true)
            + "<c:crossAx val=\"\(valAxisId)\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/>"
            + "<c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/><c:noMultiLvlLbl val=\"0\"/></c:catAx>"
        let (minV, maxV, step) = LineScale.range(values: chart.allValues, explicitMax: chart.maxValue)
        let tickDigits = step == step.rounded() ? 0 : 1
        let grid = "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"D9D9D9\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        s += "<c:valAx><c:axId val=\"\(valAxisId)\"/><c:scaling><c:orientation val=\"minMax\"/>"
            + "<c:max val=\"\(number(maxV))\"/><c:min val=\"\(number(minV))\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"l\"/>" + grid
            + "<c:numFmt formatCode=\"\(XML.escape(numberFormat(digits: tickDigits, withUnit: true)))\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"out\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + line + textProperties(size: Self.dataLabelSize)
            + "<c:crossAx val=\"\(catAxisId)\"/><c:crosses val=\"autoZero\"/><c:crossBetween val=\"between\"/>"
            + "<c:majorUnit val=\"\(number(step))\"/></c:valAx>"
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        s += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        s += textProperties(size: Self.labelSize)
        return s + "</c:chartSpace>"
    }
}

/// The value range of a line chart: from zero (or a round number below the data when the data
/// sit far from zero) to the explicit maximum or a round number above the data.
enum LineScale {
    static func range(values: [Double?], explicitMax: Double?) -> (min: Double, max: Double, step: Double) {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        let dataMax = present.max() ?? 1
        let (top, step) = AxisScale.scale(dataMax: max(dataMax, 1e-9), explicitMax: explicitMax)
        return (min(0, (present.min() ?? 0)), top, step)
    }
}
