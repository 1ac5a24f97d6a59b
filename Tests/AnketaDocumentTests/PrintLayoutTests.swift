import Foundation
import Testing
import AnketaTestSupport
@testable import AnketaDocument

// Print layout: fonts and margins, chart labels, column widths, keep-with-next, greyscale.

private func part(_ name: String, of doc: Document) throws -> String {
    let parts = try DOCXRenderer.parts(of: try DOCXRenderer().render(doc))
    return String(decoding: try #require(parts[name], "missing \(name)"), as: UTF8.self)
}

/// One style's XML from styles.xml, up to its closing tag.
private func styleXML(_ id: String, in styles: String) -> String {
    guard let start = styles.range(of: "w:styleId=\"\(id)\""),
          let end = styles.range(of: "</w:style>", range: start.upperBound..<styles.endIndex) else { return "" }
    return String(styles[start.upperBound..<end.lowerBound])
}

/// The text of every `<c:v>` inside the category cache of the chart's first series.
private func categoryCache(_ chartXML: String) -> [String] {
    guard let cat = chartXML.range(of: "<c:cat>"), let end = chartXML.range(of: "</c:cat>", range: cat.upperBound..<chartXML.endIndex) else {
        return []
    }
    let xml = String(chartXML[cat.upperBound..<end.lowerBound])
    var values: [String] = []
    var rest = Substring(xml)
    while let open = rest.range(of: "<c:v>"), let close = rest.range(of: "</c:v>", range: open.upperBound..<rest.endIndex) {
        values.append(String(rest[open.upperBound..<close.lowerBound]))
        rest = rest[close.upperBound...]
    }
    return values
}

/// Six indicators as the parents' справка names them: LibreOffice used to show three of them.
private let indicatorChart = Chart(
    kind: .bars, title: "Значения показателей",
    categories: ["Удовлетворённость качеством обучения", "Комфортность и безопасность условий",
                 "Доброжелательность и вежливость работников", "Организация питания обучающихся",
                 "Информационная открытость образовательной организации", "Взаимодействие с родителями"],
    series: [.init(name: "Значение", values: [82.4, 67.9, 87.0, 59.3, 74.1, 91.2], color: "#4a6fa5")],
    tones: [.good, .fair, .good, .poor, .fair, .good], maxValue: 100, unit: "%",
    annotations: ["высокий", "средний", "высокий", "низкий", "средний", "высокий"])

private let stackedChart = Chart(
    kind: .divergingStacked(neutralSeries: 2), title: "Оценка условий",
    categories: ["Состояние туалетов", "Качество и разнообразие блюд", "Чистота и порядок в помещениях школы",
                 "Безопасность на территории школы", "Оснащённость кабинетов"],
    series: Palette.likert(count: 5).enumerated().map { i, color in
        Chart.Series(name: ["Не удовлетворён", "Скорее не удовлетворён", "Затрудняюсь ответить",
                            "Скорее удовлетворён", "Полностью удовлетворён"][i],
                     values: [10, 15, 20, 30, 25], color: color)
    }, maxValue: 100, unit: "%")

@Suite("DOCX charts label every category")
struct ChartLabelTests {
    @Test(arguments: [indicatorChart, stackedChart])
    func everyCategoryIsInTheCacheAndNoneIsSkipped(chart: Chart) throws {
        let xml = try part("word/charts/chart1.xml", of: Document(title: "", blocks: [.chart(chart)]))
        let cached = categoryCache(xml)
        #expect(cached.count == chart.categories.count)
        for (label, category) in zip(cached, chart.categories) {
            // Wrapped into lines, but every word of the category is there, in order.
            let words = label.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\u{00A0}" }).joined(separator: " ")
            #expect(words == category)
            #expect(label.split(separator: "\n").count <= ChartLabels.maxLines)
        }
        #expect(xml.contains("<c:tickLblSkip val=\"1\"/>"))
        #expect(xml.contains("<a:bodyPr rot=\"0\" vert=\"horz\"/>"))
        #expect(xml.contains("<c:manualLayout><c:layoutTarget val=\"inner\"/>"))
    }

    @Test func chartGrowsWithItsCategoriesAndLines() {
        var small = indicatorChart
        small.categories = Array(small.categories.prefix(2))
        let few = DOCXChartWriter(chart: small).heightPoints
        let all = DOCXChartWriter(chart: indicatorChart).heightPoints
        #expect(all > few * 2)
        // Every band leaves room for its label's lines at 12 pt a line.
        let lines = Double(ChartLabels(chart: indicatorChart).maxLineCount)
        #expect(all >= Double(indicatorChart.categories.count) * lines * 12)
    }

    @Test func longLabelsBecomeANumberedKey() throws {
        let long = "Насколько вы согласны с тем, что педагоги школы своевременно и подробно информируют родителей об успехах и трудностях ребёнка в учёбе и поведении"
        var chart = stackedChart
        chart.categories[1] = long
        let doc = Document(title: "", blocks: [.chart(chart)])
        let xml = try part("word/charts/chart1.xml", of: doc)
        #expect(categoryCache(xml) == ["1", "2", "3", "4", "5"])
        let body = try part("word/document.xml", of: doc)
        #expect(body.contains("w:pStyle w:val=\"ChartKey\""))
        #expect(body.contains("2\u{00A0}— " + long))
        #expect(body.contains("5\u{00A0}— Оснащённость кабинетов"))
        let html = HTMLRenderer().render(doc)
        #expect(html.contains("<ol class=\"chart-key\">"))
        #expect(html.contains("<li>\(long)</li>"))
    }

    @Test func annotationsAreWrittenBesideTheBars() throws {
        let doc = Document(title: "", blocks: [.chart(indicatorChart)])
        let xml = try part("word/charts/chart1.xml", of: doc)
        // Per-point data labels: the value, its unit and the level word.
        #expect(xml.contains("<c:dLbl><c:idx val=\"3\"/><c:numFmt formatCode=\"[$-419]0.0&quot;\u{00A0}%\u{00A0}—\u{00A0}низкий&quot;\""))
        #expect(xml.components(separatedBy: "<c:dLbl>").count - 1 == 6)
        let html = HTMLRenderer().render(doc)
        #expect(html.contains(">59,3\u{00A0}% — низкий</text>"))
        let md = MarkdownRenderer().render(doc)
        #expect(md.contains("| Организация питания обучающихся | 59,3\u{00A0}% | низкий |"))
    }

    @Test func htmlLabelsAreWrappedNotCut() {
        let html = HTMLRenderer().render(Document(title: "", blocks: [.chart(indicatorChart), .chart(stackedChart)]))
        #expect(!html.contains("…"))
        for category in indicatorChart.categories + stackedChart.categories {
            #expect(html.contains("<title>\(category)</title>"))
        }
        // One drawing for wide screens and print, one for phones.
        #expect(html.components(separatedBy: "<svg class=\"wide\"").count - 1 == 2)
        #expect(html.components(separatedBy: "<svg class=\"narrow\"").count - 1 == 2)
    }
}

@Suite("Table columns from content")
struct ColumnWidthTests {
    static let indicators = Table(
        caption: "Таблица 1. Показатели и их уровни",
        header: ["Показатель", "Значение", "Уровень", "Респондентов", "α Кронбаха"],
        rows: [["Удовлетворённость качеством обучения", "82,4 %", Cell("высокий", tone: .good), "320", "0,81"],
               ["Организация питания", "+5,9 п. п.", Cell("низкий (дефицит)", tone: .poor), "318", "0,74"]],
        columnWidths: [5, 1.6, 2.2, 1.6, 1.4], numericColumns: [1, 3, 4])

    @Test func noHeaderWordIsNarrowerThanItsColumn() {
        let total = DocumentStyle().textWidthPoints
        let widths = TableLayout.columnWidths(Self.indicators, totalWidth: total, fontSize: 12, padding: 8.5)
        #expect(abs(widths.reduce(0, +) - total) < 0.01)
        for (c, header) in Self.indicators.header.enumerated() {
            for word in header.split(separator: " ") {
                #expect(widths[c] >= TextMeasure.width(String(word), size: 12, bold: true) + 8.5, "\(word)")
            }
        }
        // «Респондентов» in bold 12 pt needs about 80 pt; the old 1.6 share of 467 pt gave 65.
        #expect(widths[3] > 80)
        // «+5,9 п. п.» is one unbreakable piece.
        #expect(widths[1] >= TextMeasure.width("+5,9\u{00A0}п.\u{00A0}п.", size: 12) + 8.5)
    }

    @Test func docxGridUsesTheContentWidths() throws {
        let xml = try part("word/document.xml", of: Document(title: "", blocks: [.table(Self.indicators)]))
        let grid = xml.components(separatedBy: "<w:gridCol w:w=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(grid.count == 5)
        #expect(grid.reduce(0, +) == DOCXLayout.textWidth(DocumentStyle()))
        let minimum = TableLayout.minimumWidths(Self.indicators, columns: 5, fontSize: 12, padding: 8.5)
        for (twips, points) in zip(grid, minimum) { #expect(Double(twips) / 20 >= points - 0.1) }
        #expect(xml.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
        #expect(xml.components(separatedBy: "<w:cantSplit/>").count - 1 == 3)
        #expect(xml.contains("+5,9\u{00A0}п.\u{00A0}п."))
    }

    @Test func shortTablesStayTogetherLongOnesKeepOnlyTheirStart() throws {
        func keeps(_ table: Table) throws -> [Bool] {
            let xml = try part("word/document.xml", of: Document(title: "", blocks: [.table(table), .paragraph([.text("Дальше.")])]))
            return xml.components(separatedBy: "<w:tr>").dropFirst().map { $0.contains("<w:keepNext/>") }
        }
        let short = Table(header: ["Вариант", "Чел."], rows: (1...4).map { [Cell("Ответ \($0)"), Cell("\($0)")] })
        #expect(try keeps(short) == [true, true, true, true, false])
        // Tall rows (a long question each): the header and the first row stay together, the
        // rest may flow onto the next page.
        let question = String(repeating: "Насколько вы удовлетворены информацией на стендах в здании школы? ", count: 3)
        let tall = Table(header: ["Вопрос", "Ответов"], rows: (1...8).map { [Cell(question), Cell("\($0)")] }, columnWidths: [1, 3])
        #expect(try keeps(tall) == [true, true, false, false, false, false, false, false, false])
    }

    /// A карта дефицитов of a named survey with six positions: at 12 pt the longest header words
    /// do not fit side by side on a portrait page, so the table is set smaller (never below 9 pt)
    /// until every word fits; narrow tables keep the style's 12 pt.
    @Test func wideTablesAreSetSmallerRatherThanBreakingWords() throws {
        let wide = Table(header: ["Показатель", "Все респонденты", "Директор", "Заместитель директора по учебно-воспитательной работе",
                                  "Заместитель директора по воспитательной работе", "Руководитель ШМО"],
                         rows: [["Мониторинг образовательного процесса", "0,56\nсредний", "0,00\nнизкий (дефицит)", "0,50\nсредний",
                                 "0,75\nвысокий", "1,00\nвысокий"]],
                         columnWidths: [4, 1.4, 1.4, 1.4, 1.4, 1.4], numericColumns: [1, 2, 3, 4, 5])
        let total = Double(DOCXLayout.textWidth(DocumentStyle())) / 20
        let padding = Double(2 * DOCXLayout.cellMargin) / 20
        // The premise: at 12 pt the words cannot all fit.
        #expect(TableLayout.minimumWidths(wide, columns: 6, fontSize: 12, padding: padding).reduce(0, +) > total)
        let xml = try part("word/document.xml", of: Document(title: "", blocks: [.table(wide)]))
        let sizes = Set(xml.components(separatedBy: "<w:sz w:val=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) })
        #expect(sizes.count == 1)
        let halfPoints = try #require(sizes.first)
        #expect(halfPoints < 24 && halfPoints >= 18)
        let size = Double(halfPoints) / 2
        #expect(TableLayout.minimumWidths(wide, columns: 6, fontSize: size, padding: padding).reduce(0, +) <= total)
        let grid = xml.components(separatedBy: "<w:gridCol w:w=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        for (twips, points) in zip(grid, TableLayout.minimumWidths(wide, columns: 6, fontSize: size, padding: padding)) {
            #expect(Double(twips) / 20 >= points - 0.1)
        }
        // The five-column indicator table fits at 12 pt and carries no size of its own.
        let narrow = try part("word/document.xml", of: Document(title: "", blocks: [.table(Self.indicators)]))
        #expect(!narrow.contains("<w:sz "))
    }

    /// Seeded random tables: whenever the longest words fit on the line, every column is at least
    /// as wide as its longest word and the widths fill the line exactly.
    @Test func randomTablesNeverBreakAWordWhenTheyCanFit() {
        var rng = SeededRandom(seed: 0x5EED)
        let words = ["доля", "Респондентов", "α", "Кронбаха", "82,4 %", "+5,9 п. п.", "дефицит", "средний",
                     "Положительных", "Удовлетворённость", "—", "12", "в", "по", "классам", "Индекс 0–100"]
        var checked = 0
        for _ in 0..<300 {
            let columns = Int.random(in: 1...7, using: &rng)
            func text() -> String {
                (0..<Int.random(in: 1...4, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            }
            let header = (0..<columns).map { _ in text() }
            let rows = (0..<Int.random(in: 0...5, using: &rng)).map { _ in (0..<columns).map { _ in Cell(text()) } }
            let relative: [Double]? = Bool.random(using: &rng) ? (0..<columns).map { _ in Double.random(in: 0.5...5, using: &rng) } : nil
            let table = Table(header: header, rows: rows, columnWidths: relative)
            let total = Double.random(in: 250...470, using: &rng)
            let widths = TableLayout.columnWidths(table, totalWidth: total, fontSize: 12, padding: 8.5)
            #expect(widths.count == columns)
            #expect(abs(widths.reduce(0, +) - total) < 0.01)
            let minimum = TableLayout.minimumWidths(table, columns: columns, fontSize: 12, padding: 8.5)
            if minimum.reduce(0, +) <= total {
                checked += 1
                for c in 0..<columns { #expect(widths[c] >= minimum[c] - 1e-9) }
            }
        }
        #expect(checked > 100)
    }
}

@Suite("Document style in DOCX and HTML")
struct DocumentStyleTests {
    static let doc = Document(title: "Аналитическая справка", blocks: [
        .heading("Результаты", level: 1),
        .paragraph([.text("Значения показателей приведены в таблице:")]),
        .table(ColumnWidthTests.indicators),
        .paragraph([.text("Обычный абзац без двоеточия.")]),
        .table(Table(header: ["A"], rows: [["1"]])),
        .paragraph([.strong("Как вы оцениваете питание?")]),
        .table(Table(header: ["Вариант ответа", "Чел.", "Доля, %"], rows: [["Хорошо", "12", "40"]])),
        .note([.text("Доля — от 30 ответов.")]),
        .chart(indicatorChart),
        .paragraph([.text("Последний абзац.")]),
    ])

    @Test func bodyIs14PointAndTablesAre12() throws {
        let styles = try part("word/styles.xml", of: Self.doc)
        let normal = styleXML("Normal", in: styles)
        #expect(normal.contains("<w:sz w:val=\"28\"/>"))
        #expect(normal.contains("w:ascii=\"Times New Roman\""))
        #expect(styleXML("TableText", in: styles).contains("<w:sz w:val=\"24\"/>"))
        #expect(styleXML("AnketaTable", in: styles).contains("<w:sz w:val=\"24\"/>"))
        #expect(styleXML("Heading1", in: styles).contains("<w:sz w:val=\"28\"/>"))
        #expect(styles.contains("<w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\""))

        var style = DocumentStyle(fontName: "PT Serif", bodySize: 12, tableSize: 10.5)
        style.margins.left = 25
        let custom = Document(title: "", blocks: [], style: style)
        let customStyles = try part("word/styles.xml", of: custom)
        #expect(customStyles.contains("<w:rFonts w:ascii=\"PT Serif\""))
        #expect(customStyles.contains("<w:sz w:val=\"24\"/>"))
        #expect(customStyles.contains("<w:sz w:val=\"21\"/>"))
        #expect(try part("word/document.xml", of: custom).contains("w:left=\"1417\""))
    }

    @Test func marginsAndPageNumbers() throws {
        let xml = try part("word/document.xml", of: Self.doc)
        // 20 mm = 1134 twips, 15 mm = 850, 30 mm = 1701.
        #expect(xml.contains("<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""))
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(xml.contains("<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"))
        let footer = try part("word/footer1.xml", of: Self.doc)
        #expect(footer.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        #expect(footer.contains("<w:jc w:val=\"center\"/>"))
        var style = DocumentStyle()
        style.pageNumbers = .right
        #expect(try part("word/footer1.xml", of: Document(title: "", blocks: [], style: style)).contains("<w:jc w:val=\"right\"/>"))
        style.pageNumbers = nil
        #expect(!(try part("word/document.xml", of: Document(title: "", blocks: [], style: style))).contains("footerReference"))
    }

    @Test func headingsCaptionsAndIntroductionsKeepWithNext() throws {
        let styles = try part("word/styles.xml", of: Self.doc)
        for id in ["Heading1", "Heading2", "Heading3", "Caption", "ChartFrame"] {
            #expect(styleXML(id, in: styles).contains("<w:keepNext/>"), "\(id)")
        }
        let xml = try part("word/document.xml", of: Self.doc)
        func paragraph(containing text: String) -> String? {
            xml.components(separatedBy: "<w:p>").first { $0.contains(text) }
        }
        #expect(paragraph(containing: "приведены в таблице:")?.contains("<w:keepNext/>") == true)
        #expect(paragraph(containing: "Как вы оцениваете питание?")?.contains("<w:keepNext/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>") == true)
        #expect(paragraph(containing: "Обычный абзац без двоеточия.")?.contains("<w:keepNext/>") == false)
        #expect(paragraph(containing: "Таблица 1. Показатели и их уровни")?.contains("<w:keepNext/>") == true)
        #expect(paragraph(containing: "Значения показателей</w:t>")?.contains("<w:keepNext/>") == true)
        // The last row of a table followed by its note stays with the note.
        #expect(paragraph(containing: ">40</w:t>")?.contains("<w:keepNext/>") == true)
        let html = HTMLRenderer().render(Self.doc)
        #expect(html.contains("<p class=\"intro\">Значения показателей приведены в таблице:</p>"))
        #expect(html.contains("<p>Обычный абзац без двоеточия.</p>"))
        #expect(html.contains("<p class=\"intro lead-in\"><strong>Как вы оцениваете питание?</strong></p>"))
    }

    @Test func htmlPrintsWithTheStyle() {
        let html = HTMLRenderer().render(Self.doc)
        #expect(html.contains("@page { size: A4; margin: 20.0mm 15.0mm 20.0mm 30.0mm; @bottom-center { content: counter(page);"))
        #expect(html.contains("body { font-size: 14.0pt;"))
        #expect(html.contains("table { border-collapse: collapse; width: 100%; font-size: 12.0pt;"))
        #expect(html.contains("font-family: \"Times New Roman\""))
        #expect(html.contains("@media screen and (max-width: 600px)"))
        #expect(html.contains("<colgroup><col style=\"width:"))
        // A hostile font name cannot leave the style sheet.
        let hostile = HTMLRenderer().render(Document(title: "", blocks: [], style: DocumentStyle(fontName: "x\"; } </style><script>")))
        #expect(!hostile.contains("<script>"))
        #expect(!hostile.contains("</style><"))
    }
}

@Suite("Numbers keep their units")
struct BindingUnitsTests {
    @Test(arguments: [
        ("+5,9 п. п.", "+5,9\u{00A0}п.\u{00A0}п."),
        ("выросла на 5,9 п.п. за год", "выросла на 5,9\u{00A0}п.п. за год"),
        ("82,4 % родителей", "82,4\u{00A0}% родителей"),
        ("в 2025 г. и 2026 гг.", "в 2025\u{00A0}г. и 2026\u{00A0}гг."),
        ("школа № 5", "школа № 5"),
        ("стаж 15 лет", "стаж 15\u{00A0}лет"),
        ("3 раза в неделю", "3 раза в неделю"),
        ("5 яблок", "5 яблок"),
        ("12 чел.", "12\u{00A0}чел."),
        ("без чисел", "без чисел"),
        ("< 0,001", "<\u{00A0}0,001"),
        ("p < 0,05", "p <\u{00A0}0,05"),
        ("a< 5", "a< 5"),
    ])
    func glued(input: String, expected: String) {
        #expect(DocumentText.bindingUnits(input) == expected)
    }
}

@Suite("Black-and-white print")
struct GreyscaleTests {
    /// WCAG 2.x relative luminance, written out here independently of `Palette`.
    static func luminance(_ hex: String) -> Double {
        let h = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        let v = Int(h, radix: 16)!
        func lin(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * lin(v >> 16 & 255) + 0.7152 * lin(v >> 8 & 255) + 0.0722 * lin(v & 255)
    }

    static let minimumGap = 0.12

    @Test func luminanceFormulaMatchesKnownValues() {
        // WCAG: white 1, black 0; mid grey #808080 ≈ 0.2159 (sRGB 128/255 linearised).
        #expect(Self.luminance("#FFFFFF") == 1)
        #expect(Self.luminance("#000000") == 0)
        #expect(abs(Self.luminance("#808080") - 0.21586) < 1e-4)
        #expect(abs((Palette.relativeLuminance("#808080") ?? 0) - 0.21586) < 1e-4)
    }

    @Test func levelTonesAreOrderedDarkestForTheDeficit() {
        let bars = [Tone.poor, .fair, .good, .muted].map { Self.luminance($0.chartColor) }
        for (a, b) in zip(bars, bars.dropFirst()) { #expect(b - a >= Self.minimumGap, "bars \(bars)") }
        let cells = [Tone.poor, .muted, .fair, .good].map { Self.luminance($0.cellBackground) }
        for (a, b) in zip(cells, cells.dropFirst()) { #expect(b - a >= Self.minimumGap, "cells \(cells)") }
        // Black text stays readable on every cell (contrast ≥ 7:1).
        for l in cells { #expect((l + 0.05) / 0.05 >= 7) }
    }

    @Test(arguments: 2...7)
    func likertPaletteRisesInLuminance(count: Int) {
        let colors = Chart.likertPalette(count: count)
        #expect(colors.count == count)
        #expect(Set(colors).count == count)
        let l = colors.map(Self.luminance)
        for (a, b) in zip(l, l.dropFirst()) { #expect(b - a >= Self.minimumGap, "\(colors) → \(l)") }
    }

    @Test func largerPalettesStayMonotonic() {
        for count in [1, 8, 11] {
            let l = Palette.likert(count: count).map(Self.luminance)
            #expect(l.count == count)
            for (a, b) in zip(l, l.dropFirst()) { #expect(b > a) }
        }
        #expect(Palette.likert(count: 0).isEmpty)
    }
}

