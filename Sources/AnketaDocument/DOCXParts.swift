/// The fixed parts of a .docx package: content types, relationships, styles, numbering.
enum DOCXParts {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func chartRelId(_ n: Int) -> String { "rIdChart\(n)" }

    static func contentTypes(chartCount: Int) -> String {
        var s = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let overrides: [(String, String)] = [
            ("/word/document.xml", "\(wml).document.main+xml"),
            ("/word/styles.xml", "\(wml).styles+xml"),
            ("/word/numbering.xml", "\(wml).numbering+xml"),
            ("/word/settings.xml", "\(wml).settings+xml"),
            ("/word/fontTable.xml", "\(wml).fontTable+xml"),
            ("/word/footer1.xml", "\(wml).footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ] + (0..<chartCount).map { ("/word/charts/chart\($0 + 1).xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml") }
        for (part, type) in overrides {
            s += "<Override PartName=\"\(part)\" ContentType=\"\(type)\"/>"
        }
        return s + "</Types>"
    }

    static let packageRels = header
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relBase)/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relBase)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    static func documentRels(chartCount: Int) -> String {
        var s = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        s += "<Relationship Id=\"rIdStyles\" Type=\"\(relBase)/styles\" Target=\"styles.xml\"/>"
        s += "<Relationship Id=\"rIdNumbering\" Type=\"\(relBase)/numbering\" Target=\"numbering.xml\"/>"
        s += "<Relationship Id=\"rIdSettings\" Type=\"\(relBase)/settings\" Target=\"settings.xml\"/>"
        s += "<Relationship Id=\"rIdFontTable\" Type=\"\(relBase)/fontTable\" Target=\"fontTable.xml\"/>"
        s += "<Relationship Id=\"rIdFooter1\" Type=\"\(relBase)/footer\" Target=\"footer1.xml\"/>"
        for n in 1...max(chartCount, 1) where chartCount > 0 {
            s += "<Relationship Id=\"\(chartRelId(n))\" Type=\"\(relBase)/chart\" Target=\"charts/chart\(n).xml\"/>"
        }
        return s + "</Relationships>"
    }

    static func core(title: String) -> String {
        header + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XML.escape(DocumentText.singleLine(title)))</dc:title>"
            + "<dc:language>ru-RU</dc:language><cp:lastModifiedBy>Anketa</cp:lastModifiedBy>"
            + "</cp:coreProperties>"
    }

    static let app = header
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
        + "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
        + "<Application>Anketa</Application><DocSecurity>0</DocSecurity></Properties>"

    static func document(body: String, style: DocumentStyle) -> String {
        let m = style.margins
        let footer = style.pageNumbers == nil ? "" : "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>"
        // The footer sits 10 mm from the page edge, inside the bottom margin.
        return header + "<w:document xmlns:w=\"\(wNS)\" xmlns:r=\"\(rNS)\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\">"
            + "<w:body>" + body
            + "<w:sectPr>\(footer)"
            + "<w:pgSz w:w=\"\(DOCXLayout.pageWidth)\" w:h=\"\(DOCXLayout.pageHeight)\"/>"
            + "<w:pgMar w:top=\"\(DocumentStyle.twips(mm: m.top))\" w:right=\"\(DocumentStyle.twips(mm: m.right))\" "
            + "w:bottom=\"\(DocumentStyle.twips(mm: m.bottom))\" w:left=\"\(DocumentStyle.twips(mm: m.left))\" "
            + "w:header=\"709\" w:footer=\"\(DocumentStyle.twips(mm: min(10, m.bottom / 2)))\" w:gutter=\"0\"/>"
            + "<w:cols w:space=\"708\"/><w:docGrid w:linePitch=\"360\"/></w:sectPr>"
            + "</w:body></w:document>"
    }

    static let settings = header + "<w:settings xmlns:w=\"\(wNS)\">"
        + "<w:zoom w:percent=\"100\"/>"
        // Russian hyphenation, as school documents are set: long words in narrow table columns
        // break at a syllable with a hyphen instead of anywhere (headers suppress it).
        + "<w:autoHyphenation/><w:consecutiveHyphenLimit w:val=\"2\"/><w:hyphenationZone w:val=\"357\"/><w:doNotHyphenateCaps/>"
        + "<w:defaultTabStop w:val=\"708\"/>"
        + "<w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "<w:themeFontLang w:val=\"ru-RU\"/>"
        + "</w:settings>"

    static func fontTable(_ style: DocumentStyle) -> String {
        var s = header + "<w:fonts xmlns:w=\"\(wNS)\">"
        s += "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"CC\"/>"
            + "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        if style.fontName != "Times New Roman" {
            s += "<w:font w:name=\"\(XML.escape(style.fontName))\"><w:charset w:val=\"CC\"/><w:pitch w:val=\"variable\"/></w:font>"
        }
        return s + "</w:fonts>"
    }

    /// The footer: a centred or right-aligned PAGE field.
    static func footer(_ style: DocumentStyle) -> String {
        let jc = style.pageNumbers == .right ? "right" : "center"
        return header + "<w:ftr xmlns:w=\"\(wNS)\" xmlns:r=\"\(rNS)\">"
        + "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/><w:jc w:val=\"\(jc)\"/></w:pPr>"
        + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        + "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + "<w:r><w:t>1</w:t></w:r>"
        + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>"
    }

    static func numbering(orderedLists: Int) -> String {
        var s = header + "<w:numbering xmlns:w=\"\(wNS)\">"
        s += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>"
            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>"
            + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1069\" w:hanging=\"360\"/></w:pPr>"
            + "</w:lvl>"
            + "</w:abstractNum>"
        s += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/>"
            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/>"
            + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1069\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            + "</w:abstractNum>"
        s += "<w:num w:numId=\"\(DOCXBuilder.bulletNumId)\"><w:abstractNumId w:val=\"0\"/></w:num>"
        for i in 0..<orderedLists {
            s += "<w:num w:numId=\"\(i + 2)\"><w:abstractNumId w:val=\"1\"/>"
                + "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        }
        return s + "</w:numbering>"
    }

    // MARK: Styles

    private static func font(_ name: String) -> String {
        let n = XML.escape(name)
        return "<w:rFonts w:ascii=\"\(n)\" w:hAnsi=\"\(n)\" w:eastAsia=\"\(n)\" w:cs=\"\(n)\"/>"
    }

    private static func size(_ points: Double) -> String {
        let hp = DocumentStyle.halfPoints(points)
        return "<w:sz w:val=\"\(hp)\"/><w:szCs w:val=\"\(hp)\"/>"
    }

    private static func paragraphStyle(id: String, name: String, basedOn: String? = "Normal", next: String? = nil,
                                       uiPriority: Int? = nil, qFormat: Bool = true, pPr: String = "", rPr: String = "",
                                       isDefault: Bool = false) -> String {
        var s = "<w:style w:type=\"paragraph\"" + (isDefault ? " w:default=\"1\"" : "") + " w:styleId=\"\(id)\">"
        s += "<w:name w:val=\"\(name)\"/>"
        if let basedOn { s += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        if let next { s += "<w:next w:val=\"\(next)\"/>" }
        if let uiPriority { s += "<w:uiPriority w:val=\"\(uiPriority)\"/>" }
        if qFormat { s += "<w:qFormat/>" }
        if !pPr.isEmpty { s += "<w:pPr>\(pPr)</w:pPr>" }
        if !rPr.isEmpty { s += "<w:rPr>\(rPr)</w:rPr>" }
        return s + "</w:style>"
    }

    /// styles.xml for a document style: body, headings, captions, tables and notes in the
    /// style's font and sizes. Headings are the body size in bold (level 3 also italic), the
    /// title two points larger; headings, captions and chart frames keep with the next paragraph.
    static func styles(_ style: DocumentStyle) -> String {
        let font = font(style.fontName)
        let body = style.bodySize
        let line = Int((240 * style.lineSpacing).rounded())
        let indent = DocumentStyle.twips(mm: style.firstLineIndent)
        var s = header + "<w:styles xmlns:w=\"\(wNS)\">"
        s += "<w:docDefaults><w:rPrDefault><w:rPr>\(font)\(size(body))"
            + "<w:lang w:val=\"ru-RU\" w:eastAsia=\"ru-RU\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"\(line)\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
            + "</w:docDefaults>"
        s += paragraphStyle(id: "Normal", name: "Normal", basedOn: nil,
                            pPr: "<w:widowControl/><w:spacing w:after=\"60\" w:line=\"\(line)\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"\(indent)\"/><w:jc w:val=\"both\"/>",
                            rPr: "\(font)\(size(body))", isDefault: true)
        s += paragraphStyle(id: "Title", name: "Title", next: "Subtitle", uiPriority: 10,
                            pPr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/><w:outlineLvl w:val=\"0\"/>",
                            rPr: "<w:b/><w:bCs/>\(size(body + 2))")
        s += paragraphStyle(id: "Subtitle", name: "Subtitle", next: "Normal", uiPriority: 11,
                            pPr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                            rPr: size(body))
        for level in 1...3 {
            let italic = level == 3 ? "<w:i/><w:iCs/>" : ""
            s += paragraphStyle(id: "Heading\(level)", name: "heading \(level)", next: "Normal", uiPriority: 9,
                                pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"\(level == 1 ? 240 : 180)\" w:after=\"120\"/>"
                                    + "<w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                                rPr: "<w:b/><w:bCs/>\(italic)\(size(body))")
        }
        s += paragraphStyle(id: "Caption", name: "caption", next: "Normal", uiPriority: 35,
                            pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
                            rPr: "<w:b/><w:bCs/>\(size(style.tableSize))")
        s += paragraphStyle(id: "ListParagraph", name: "List Paragraph", uiPriority: 34,
                            pPr: "<w:spacing w:after=\"40\"/><w:ind w:left=\"1069\" w:hanging=\"360\"/><w:contextualSpacing/>")
        s += paragraphStyle(id: "Note", name: "Примечание", next: "Normal",
                            pPr: "<w:spacing w:before=\"40\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>",
                            rPr: size(style.noteSize))
        s += paragraphStyle(id: "TableText", name: "Текст таблицы", qFormat: true,
                            pPr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"left\"/>",
                            rPr: size(style.tableSize))
        s += paragraphStyle(id: "TableSpacer", name: "Отступ после таблицы", qFormat: false,
                            pPr: "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/>",
                            rPr: size(6))
        s += paragraphStyle(id: "ChartFrame", name: "Диаграмма", qFormat: false,
                            pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"0\" w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>")
        s += paragraphStyle(id: "ChartLegend", name: "Легенда диаграммы", qFormat: false,
                            pPr: "<w:spacing w:before=\"0\" w:after=\"160\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                            rPr: size(min(style.noteSize, 11)))
        s += paragraphStyle(id: "ChartKey", name: "Расшифровка диаграммы", qFormat: false,
                            pPr: "<w:spacing w:before=\"0\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:left=\"397\" w:hanging=\"397\"/><w:jc w:val=\"left\"/>",
                            rPr: size(min(style.noteSize, 11)))
        s += paragraphStyle(id: "Footer", name: "footer", uiPriority: 99, qFormat: false,
                            pPr: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                            rPr: size(style.noteSize))
        // Character style defaults and the table styles.
        s += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/>"
            + "<w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
        s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"595959\""
        s += "<w:style w:type=\"table\" w:styleId=\"AnketaTable\"><w:name w:val=\"Таблица справки\"/><w:basedOn w:val=\"TableNormal\"/>"
            + "<w:uiPriority w:val=\"59\"/><w:qFormat/>"
            + "<w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"0\"/></w:pPr>"
            + "<w:rPr>\(size(style.tableSize))</w:rPr>"
            + "<w:tblPr><w:tblBorders><w:top \(border)/><w:left \(border)/><w:bottom \(border)/><w:right \(border)/>"
            + "<w:insideH \(border)/><w:insideV \(border)/></w:tblBorders>"
            + "<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
            + "<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:trPr><w:tblHeader/></w:trPr>"
            + "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/></w:tcPr></w:tblStylePr>"
            + "</w:style>"
        return s + "</w:styles>"
    }
}
