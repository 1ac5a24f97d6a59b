import AnketaCore

/// The deficit map (карта дефицитов): indicators × columns (groups, audiences or schools) with the
/// figure and level in each cell, and the deficits ranked by how far they fall below the threshold.
public struct DeficitMap: Codable, Sendable, Equatable {
    public var rowTitle: String
    public var columns: [String]
    public var rows: [Row]
    public var deficits: [Entry]

    public struct Cell: Codable, Sendable, Equatable {
        public var figure: Double?
        public var level: String?
        public var deficit: Bool
        public var suppressed: Bool
    }

    public struct Row: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var percent: Bool
        public var cells: [Cell]
        /// Triangulation of indicators computed by different methods: every cell is the share of
        /// positive answers to the indicator's questions (the common scale), while the level and
        /// deficit stay those of each indicator on its own scale.
        public var commonScale: Bool = false
    }

    /// One deficit: where, how far below the threshold, what to do.
    public struct Entry: Codable, Sendable, Equatable {
        public var indicator: String
        public var title: String
        public var column: String
        public var figure: Double
        public var threshold: Double?
        /// How far the figure is on the deficit side of the threshold: threshold − figure, or
        /// figure − threshold when lower is better (0 when the threshold is unknown).
        public var gap: Double
        public var recommendation: String?
    }

    /// The map of one wave: a column for the whole wave, then one per group of `breakdown`.
    public init(result: AnalysisResult, breakdown: Breakdown? = nil) {
        rowTitle = "Показатель"
        columns = ["Все"] + (breakdown?.groups.map(\.key) ?? [])
        var rows: [Row] = []
        var deficits: [Entry] = []
        for indicator in result.indicators {
            var cells = [Cell(figure: indicator.figure, level: indicator.level, deficit: indicator.deficit, suppressed: false)]
            if indicator.deficit, let figure = indicator.figure {
                deficits.append(Entry(indicator: indicator.id, title: indicator.title, column: "Все", figure: figure, threshold: indicator.threshold,
                                      gap: indicator.threshold.map { Level.gap(figure, threshold: $0, direction: indicator.direction ?? .higherIsBetter) } ?? 0, recommendation: indicator.recommendation))
            }
            for group in breakdown?.groups ?? [] {
                let cell = group.indicators.first { $0.id == indicator.id }
                cells.append(Cell(figure: cell?.figure, level: cell?.level, deficit: cell?.deficit ?? false, suppressed: group.suppressed))
                if let cell, cell.deficit, let figure = cell.figure {
                    deficits.append(Entry(indicator: indicator.id, title: indicator.title, column: group.key, figure: figure, threshold: indicator.threshold,
                                          gap: indicator.threshold.map { Level.gap(figure, threshold: $0, direction: indicator.direction ?? .higherIsBetter) } ?? 0, recommendation: indicator.recommendation))
                }
            }
            rows.append(Row(id: indicator.id, title: indicator.title, percent: indicator.method.isPercent, cells: cells))
        }
        self.rows = rows
        self.deficits = deficits.sorted { ($0.gap, $0.title) > ($1.gap, $1.title) }
    }

    /// Triangulation: indicators sharing an `audience_key`, one column per audience (or school).
    public init(triangulating results: [AnalysisResult]) {
        rowTitle = "Показатель"
        columns = results.map { $0.audience.nominativePlural }
        var keys: [String] = []
        var titles: [String: String] = [:]
        for result in results {
            for indicator in result.indicators {
                guard let key = indicator.audienceKey, results.filter({ $0.indicators.contains { $0.audienceKey == key } }).count >= 2 else { continue }
                if !keys.contains(key) { keys.append(key); titles[key] = indicator.title }
            }
        }
        var deficits: [Entry] = []
        rows = keys.map { key in
            var percent = false
            let methods = Set(results.compactMap { $0.indicators.first { $0.audienceKey == key }?.method })
            // Different methods (a mean score 0–1 beside percentages) are compared on one scale.
            let common = methods.count > 1
            let cells = results.map { result -> Cell in
                guard let indicator = result.indicators.first(where: { $0.audienceKey == key }) else {
                    return Cell(figure: nil, level: nil, deficit: false, suppressed: false)
                }
                percent = common || indicator.method.isPercent
                if common {
                    return Cell(figure: indicator.positivePercent, level: indicator.level, deficit: indicator.deficit, suppressed: false)
                }
                if indicator.deficit, let figure = indicator.figure {
                    deficits.append(Entry(indicator: indicator.id, title: indicator.title, column: result.audience.nominativePlural, figure: figure,
                                          threshold: indicator.threshold, gap: indicator.threshold.map { Level.gap(figure, threshold: $0, direction: indicator.direction ?? .higherIsBetter) } ?? 0,
                                          recommendation: indicator.recommendation))
                }
                return Cell(figure: indicator.figure, level: indicator.level, deficit: indicator.deficit, suppressed: false)
            }
            return Row(id: key, title: titles[key] ?? key, percent: percent, cells: cells, commonScale: common)
        }
        self.deficits = deficits.sorted { ($0.gap, $0.title) > ($1.gap, $1.title) }
    }
}
