/// How a document looks on paper: font, sizes, page margins and page numbers.
///
/// The defaults follow the conventions of Russian school paperwork (ГОСТ Р 7.0.97 practice):
/// Times New Roman 14 pt for the text, 12 pt in tables, single line spacing, a 1,25 cm
/// first-line indent, A4 with margins left 30 mm, right 15 mm, top and bottom 20 mm, page
/// numbers centred at the bottom. DOCX uses the style for its styles and section; HTML for its
/// print CSS (`@page`) and fonts.
///
/// ```swift
/// var style = DocumentStyle()
/// style.bodySize = 12          // a school that prints in 12 pt
/// style.pageNumbers = .right
/// let doc = Document(title: "Аналитическая справка", blocks: blocks, style: style)
/// ```
public struct DocumentStyle: Sendable, Equatable {
    /// Where the page number goes; `nil` in `pageNumbers` means none.
    public enum PageNumberPosition: String, Sendable, Equatable, CaseIterable {
        case center
        case right
    }

    /// Page margins in millimetres.
    public struct Margins: Sendable, Equatable {
        public var top: Double
        public var right: Double
        public var bottom: Double
        public var left: Double

        public init(top: Double = 20, right: Double = 15, bottom: Double = 20, left: Double = 30) {
            self.top = top
            self.right = right
            self.bottom = bottom
            self.left = left
        }
    }

    /// The font of the whole document (text, tables, charts).
    public var fontName: String
    /// Body text size in points.
    public var bodySize: Double
    /// Table text size in points.
    public var tableSize: Double
    /// Notes under tables and charts, in points.
    public var noteSize: Double
    /// Line spacing as a multiple of single spacing (1 = single, 1.5 = one and a half).
    public var lineSpacing: Double
    /// First-line indent of body paragraphs, in millimetres.
    public var firstLineIndent: Double
    public var margins: Margins
    public var pageNumbers: PageNumberPosition?

    public init(fontName: String = "Times New Roman", bodySize: Double = 14, tableSize: Double = 12,
                noteSize: Double = 12, lineSpacing: Double = 1, firstLineIndent: Double = 12.5,
                margins: Margins = Margins(), pageNumbers: PageNumberPosition? = .center) {
        self.fontName = fontName
        self.bodySize = bodySize
        self.tableSize = tableSize
        self.noteSize = noteSize
        self.lineSpacing = lineSpacing
        self.firstLineIndent = firstLineIndent
        self.margins = margins
        self.pageNumbers = pageNumbers
    }
}

extension DocumentStyle {
    /// The style with every number brought into a sane range and an empty font name replaced,
    /// so a hand-edited profile can never produce a broken document.
    var checked: DocumentStyle {
        func clamp(_ v: Double, _ lo: Double, _ hi: Double, _ fallback: Double) -> Double {
            v.isFinite ? min(max(v, lo), hi) : fallback
        }
        var s = self
        let name = DocumentText.singleLine(fontName)
        s.fontName = name.isEmpty ? "Times New Roman" : name
        s.bodySize = clamp(bodySize, 8, 20, 14)
        s.tableSize = clamp(tableSize, 7, 20, 12)
        s.noteSize = clamp(noteSize, 7, 20, 12)
        s.lineSpacing = clamp(lineSpacing, 1, 3, 1)
        s.firstLineIndent = clamp(firstLineIndent, 0, 30, 12.5)
        s.margins = Margins(top: clamp(margins.top, 5, 60, 20), right: clamp(margins.right, 5, 60, 15),
                            bottom: clamp(margins.bottom, 5, 60, 20), left: clamp(margins.left, 5, 60, 30))
        return s
    }

    /// Half-points, as WordprocessingML `w:sz` wants them.
    static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }

    /// Millimetres to twentieths of a point (twips).
    static func twips(mm: Double) -> Int { Int((mm / 25.4 * 1440).rounded()) }

    /// The text width of an A4 page in points.
    var textWidthPoints: Double { (210 - margins.left - margins.right) / 25.4 * 72 }
}
