extension DOCXChartWriter {
    /// Height of a bubble chart on the page, in points.
    var bubbleHeightPoints: Double {
        guard case .bubble(_, _, let yCategories) = chart.kind else { return 0 }
        return min(300, 70 + 42 * Double(max(yCategories.count, 1)))
    }

    /// Positions of the axis labels: the labels themselves when they are all numbers (marks),
    /// else 1, 2, 3, … (Word's value axes can only show numbers).
    static func bubblePositions(_ labels: [String]) -> [Double] {
        let numbers = labels.map { Double($0.trimmingWhitespace().replacingOccurrences(of: ",", with: ".")) }
        if !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }), zip(numbers, numbers.dropFirst()).allSatisfy({ $0! < $1! }) {
            return numbers.map { $0! }
        }
        return labels.indices.map { Double($0 + 1) }
    }

    /// A `.bubble` chart as a native `c:bubbleChart`: one series per group, each point at its
    /// (x, y) position with its count as the bubble size (area) and the data label. The axes run
    /// one step beyond the first and last position; a number format hides those outer ticks.
    func bubbleXML() -> String {
        guard case .bubble(let xTitle, let yTitle, let yCategories) = chart.kind else { return "" }
        let xs = Self.bubblePositions(chart.categories), ys = Self.bubblePositions(yCategories)
        let bubbles = chart.drawableBubbles
        let countDigits = DocumentNumberFormat.fractionDigits(for: bubbles.map(\.count))
        var s = DOCXParts.header
        s += "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        s += "<c:date1904 val=\"0\"/><c:lang val=\"ru-RU\"/><c:roundedCorners val=\"0\"/>"
        s += "<c:chart><c:autoTitleDeleted val=\"1\"/><c:plotArea><c:layout/>"
        s += "<c:bubbleChart><c:varyColors val=\"0\"/>"
        var row = 2
        for (index, series) in chart.series.enumerated() {
            let points = bubbles.filter { $0.series == index }
            guard !points.isEmpty else { continue }
            let color = ColorHex.seriesColor(series.color, index: index)
            let n = points.count
            let first = row, last = row + n - 1
            row += n
            s += "<c:ser><c:idx val=\"\(index)\"/><c:order val=\"\(index)\"/>"
            s += "<c:tx><c:strRef><c:f>Sheet1!$D$\(index + 1)</c:f><c:strCache><c:ptCount val=\"1\"/>"
                + "<c:pt idx=\"0\"><c:v>\(XML.escape(DocumentText.singleLine(series.name)))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
            s += "<c:spPr><a:solidFill><a:srgbClr val=\"\(color)\"><a:alpha val=\"85000\"/></a:srgbClr></a:solidFill>"
                + "<a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"404040\"/></a:solidFill></a:ln></c:spPr>"
            s += "<c:invertIfNegative val=\"0\"/>"
            // Each point's label is its count as text (Word shows the bubble size, LibreOffice
            // the y value for `showVal`; a written label reads the same in both).
            s += "<c:dLbls>"
            let largest = bubbles.map(\.count).max() ?? 1
            for (i, point) in points.enumerated() {
                // A small bubble cannot hold its number: the label goes right of it.
                let position = point.count / largest < 0.12 ? "r" : "ctr"
                let text = DocumentNumberFormat.value(point.count, unit: "", fractionDigits: countDigits)
                s += "<c:dLbl><c:idx val=\"\(i)\"/><c:tx><c:rich><a:bodyPr wrap=\"none\"/><a:lstStyle/><a:p><a:r>"
                    + "<a:rPr lang=\"ru-RU\" sz=\"\(Int(Self.labelSize * 100))\" b=\"0\"><a:latin typeface=\"\(XML.escape(fontName))\"/><a:cs typeface=\"\(XML.escape(fontName))\"/></a:rPr>"
                    + "<a:t>\(XML.escape(text))</a:t></a:r></a:p></c:rich></c:tx><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
                    + "<c:dLblPos val=\"\(position)\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/>"
                    + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbl>"
            }
            s += "<c:numFmt formatCode=\"\(XML.escape(numberFormat(digits: countDigits, withUnit: false)))\" sourceLinked=\"0\"/>"
                + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" + textProperties(size: Self.labelSize, wrap: false)
                + "<c:dLblPos val=\"ctr\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"0\"/><c:showCatName val=\"0\"/>"
                + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"1\"/></c:dLbls>"
            func numbers(_ column: String, _ values: [Double]) -> String {
                var v = "<c:numRef><c:f>Sheet1!$\(column)$\(first):$\(column)$\(last)</c:f><c:numCache>"
                    + "<c:formatCode>General</c:formatCode><c:ptCount val=\"\(n)\"/>"
                for (i, value) in values.enumerated() { v += "<c:pt idx=\"\(i)\"><c:v>\(number(value))</c:v></c:pt>" }
                return v + "</c:numCache></c:numRef>"
            }
            s += "<c:xVal>" + numbers("A", points.map { xs[$0.x] }) + "</c:xVal>"
            s += "<c:yVal>" + numbers("B", points.map { ys[$0.y] }) + "</c:yVal>"
            s += "<c:bubbleSize>" + numbers("C", points.map(\.count)) + "</c:bubbleSize>"
            s += "<c:bubble3D val=\"0\"/></c:ser>"
        }
        s += "<c:bubbleScale val=\"70\"/><c:showNegBubbles val=\"0\"/><c:sizeRepresents val=\"area\"/>"
        s += "<c:axId val=\"\(catAxisId)\"/><c:axId val=\"\(valAxisId)\"/></c:bubbleChart>"
        s += valueAxis(id: catAxisId, cross: valAxisId, position: "b", title: xTitle, positions: xs)
        s += valueAxis(id: valAxisId, cross: catAxisId, position: "l", title: yTitle, positions: ys)
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"
        s += "<c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart>"
        s += "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>"
        s += textProperties(size: Self.labelSize)
        return s + "</c:chartSpace>"
    }

    /// A value axis over `positions`, one step of room at each end, with a title.
    private func valueAxis(id: Int, cross: Int, position: String, title: String, positions: [Double]) -> String {
        let low = (positions.first ?? 1) - 1, high = (positions.last ?? 1) + 1
        let steps = zip(positions, positions.dropFirst()).map { $1 - $0 }
        let step = steps.min() ?? 1
        let digits = DocumentNumberFormat.fractionDigits(for: positions)
        // Ticks outside the data (the room at each end) are printed as nothing.
        let plain = numberFormat(digits: digits, withUnit: false)
        let format = "[<\(number(low + step / 2))]\"\";[>\(number(high - step / 2))]\"\";\(plain)"
        let line = "<c:spPr><a:ln w=\"9525\"><a:solidFill><a:srgbClr val=\"7F7F7F\"/></a:solidFill></a:ln></c:spPr>"
        let grid = "<c:majorGridlines><c:spPr><a:ln w=\"6350\"><a:solidFill><a:srgbClr val=\"E3E3E3\"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>"
        let titleXML = "<c:title><c:tx><c:rich><a:bodyPr\(position == "l" ? " rot=\"-5400000\" vert=\"horz\"" : "")/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(Int(Self.labelSize * 100))\" b=\"0\"/></a:pPr>"
            + "<a:r><a:rPr lang=\"ru-RU\" sz=\"\(Int(Self.labelSize * 100))\" b=\"0\"><a:latin typeface=\"\(XML.escape(fontName))\"/><a:cs typeface=\"\(XML.escape(fontName))\"/></a:rPr>"
            + "<a:t>\(XML.escape(DocumentText.singleLine(title)))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
        return "<c:valAx><c:axId val=\"\(id)\"/><c:scaling><c:orientation val=\"minMax\"/>"
            + "<c:max val=\"\(number(high))\"/><c:min val=\"\(number(low))\"/></c:scaling>"
            + "<c:delete val=\"0\"/><c:axPos val=\"\(position)\"/>" + grid + titleXML
            + "<c:numFmt formatCode=\"\(XML.escape(format))\" sourceLinked=\"0\"/>"
            + "<c:majorTickMark val=\"none\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>"
            + line + textProperties(size: Self.labelSize)
            + "<c:crossAx val=\"\(cross)\"/><c:crossesAt val=\"\(number(low))\"/><c:crossBetween val=\"midCat\"/>"
            + "<c:majorUnit val=\"\(number(step))\"/></c:valAx>"
    }
}
