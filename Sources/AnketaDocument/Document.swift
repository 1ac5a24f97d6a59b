/// A format-neutral document: what the справка says, before it becomes HTML, DOCX or Markdown.
///
/// The report composer builds a `Document` from the figures; each renderer turns it into one
/// format. Text in a document is plain text: renderers escape it for their format, so text
/// written by respondents can never become markup.
///
/// ```swift
/// let doc = Document(title: "Аналитическая справка", blocks: [
///     .heading("Результаты", level: 1),
///     .paragraph([.text("Удовлетворены "), .strong("82,4 %"), .text(" родителей.")]),
/// ])
/// ```
public struct Document: Sendable, Equatable {
    /// The document's title (HTML `<title>`, DOCX core properties).
    public var title: String
    /// Optional subtitle lines shown under the title block (organisation, date).
    public var subtitle: [String]
    /// Lines above the title, centred: the organisation's name in a Russian school document.
    public var preamble: [String] = []
    public var blocks: [Block]
    /// Fonts, sizes, margins and page numbers for the printable formats (DOCX, HTML print CSS).
    /// Markdown ignores it.
    public var style: DocumentStyle

    public init(title: String, subtitle: [String] = [], blocks: [Block], style: DocumentStyle = DocumentStyle()) {
        self.title = title
        self.subtitle = subtitle
        self.blocks = blocks
        self.style = style
    }
}

/// A block-level element of a document.
public enum Block: Sendable, Equatable {
    /// A heading; level 1 is a chapter, 2 a section, 3 a subsection.
    case heading(String, level: Int)
    /// A paragraph. A paragraph that ends with «:» or consists only of strong text, followed by a
    /// table, list or chart, is kept on the same page as what follows (DOCX `keepNext`, CSS
    /// `break-after: avoid`): it introduces it.
    case paragraph([Inline])
    /// A bulleted (`ordered == false`) or numbered list; each item is a run of inlines.
    case list([[Inline]], ordered: Bool)
    case table(Table)
    case chart(Chart)
    /// A short note in smaller type (sources, footnotes, "groups under 5 are not shown").
    case note([Inline])
    case pageBreak
}

/// Inline text with light emphasis.
public enum Inline: Sendable, Equatable {
    case text(String)
    case strong(String)
    case emphasis(String)
}

public extension Block {
    /// A paragraph of plain text.
    static func text(_ string: String) -> Block { .paragraph([.text(string)]) }
}

/// A table with a header row; cells may carry a background tone (used by the deficit map).
public struct Table: Sendable, Equatable {
    public var caption: String?
    public var header: [String]
    public var rows: [[Cell]]
    /// Relative column widths (any positive numbers); `nil` lets the renderer decide.
    public var columnWidths: [Double]?
    /// Which columns hold numbers (right-aligned).
    public var numericColumns: Set<Int>

    public init(caption: String? = nil, header: [String], rows: [[Cell]],
                columnWidths: [Double]? = nil, numericColumns: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.columnWidths = columnWidths
        self.numericColumns = numericColumns
    }
}

/// One table cell: plain text, optionally bold, optionally on a coloured background.
public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
    public var text: String
    public var tone: Tone?
    public var bold: Bool

    public init(_ text: String, tone: Tone? = nil, bold: Bool = false) {
        self.text = text
        self.tone = tone
        self.bold = bold
    }

    public init(stringLiteral value: String) { self.init(value) }
}

/// Background tones with a fixed meaning, so every format colours them alike.
///
/// The colours are ordered by lightness so that they stay apart in black-and-white print: a
/// deficit (`poor`) is the darkest, `fair` is in the middle, `good` the lightest of the three
/// (`muted`, "no data", is a light grey in charts). In print, darker always means worse; see
/// `Tone.chartColor`, `Tone.cellBackground` and `Palette`.
public enum Tone: String, Sendable, Equatable, CaseIterable {
    /// High level: light green.
    case good
    /// Medium level: amber.
    case fair
    /// Low level, a deficit: dark red.
    case poor
    /// Suppressed or not applicable: grey.
    case muted
}

/// A chart. HTML draws it as inline SVG, DOCX as a native (editable) Word chart, Markdown as a table.
public struct Chart: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Horizontal bars, one per category, one series; bar colours come from `tones`.
        case bars
        /// Horizontal 100 % stacked bars (Likert picture). Series are the options from the most
        /// negative to the most positive. `neutralSeries` (if any) is centred on the zero line;
        /// series before it go left, series after it go right.
        case divergingStacked(neutralSeries: Int?)
        /// Grouped horizontal bars: several series side by side per category (e.g. two waves).
        case groupedBars
        /// Horizontal 100 % stacked bars starting at zero, one per category (e.g. a class's
        /// respondents over levels); series in their order from left to right.
        case stacked
        /// A line chart: categories along the horizontal axis (waves, oldest first), one line with
        /// markers and value labels per series. HTML draws SVG, DOCX a native line chart, Markdown
        /// a table.
        case line
        /// A bubble grid for two discrete scales (e.g. school marks against external marks):
        /// `categories` label the horizontal axis, `yCategories` the vertical one (lowest first);
        /// the points are in `bubbles`, each at a (category, y category) cell with a count, drawn
        /// as a bubble whose area grows with the count and labelled with it — no jitter. Series
        /// name and colour the bubbles' groups (the legend); their `values` are not used. When the
        /// two axes carry the same labels a dashed diagonal marks the cells where they agree. HTML
        /// draws SVG, DOCX a native bubble chart, Markdown a cross-table of counts.
        case bubble(xTitle: String, yTitle: String, yCategories: [String])
        /// A forest plot: per category a point estimate with its interval, on one value axis.
        /// Series 0 holds the estimates, series 1 the lower and series 2 the upper bounds; `tones`
        /// colour the points; `reference` (e.g. the municipal value) is drawn as a vertical line
        /// where the format can (HTML) and named in the legend.
        case forest(reference: Double?)
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        /// One value per category (percent for stacked charts). `nil` is a gap (suppressed).
        public var values: [Double?]
        /// CSS-style `#rrggbb` colour.
        public var color: String

        public init(name: String, values: [Double?], color: String) {
            self.name = name
            self.values = values
            self.color = color
        }
    }

    public var kind: Kind
    public var title: String
    public var categories: [String]
    public var series: [Series]
    /// For `.bars`: a tone per category, overriding the series colour.
    public var tones: [Tone?]
    /// Axis maximum (e.g. 100 for percent); `nil` = derived from data.
    public var maxValue: Double?
    /// Unit shown after values, e.g. "%".
    public var unit: String
    /// For `.bars`: a short word per category written beside its bar after the value, e.g. the
    /// level («низкий»), so the level reads without colour: «47,9 % — низкий». DOCX writes it into
    /// the bar's data label, HTML beside the bar, Markdown in a column. `nil` or missing: the value
    /// alone.
    public var annotations: [String?]
    /// For `.bubble`: the cells with their counts (see ``Chart/Bubble``).
    public var bubbles: [Bubble] = []

    public init(kind: Kind, title: String, categories: [String], series: [Series],
                tones: [Tone?] = [], maxValue: Double? = nil, unit: String = "",
                annotations: [String?] = []) {
        self.kind = kind
        self.title = title
        self.categories = categories
        self.series = series
        self.tones = tones
        self.maxValue = maxValue
        self.unit = unit
        self.annotations = annotations
    }
}
