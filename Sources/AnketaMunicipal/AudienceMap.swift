import AnketaAnalysis
import AnketaCore

/// One audience of a municipal wave: its questionnaire, the municipal figures and every school's own result.
public struct MunicipalAudience: Sendable {
    public var questionnaire: Questionnaire
    public var municipal: MunicipalResult
    public var schools: [String: AnalysisResult]
    public var pooled: AnalysisResult

    public init(questionnaire: Questionnaire, municipal: MunicipalResult, schools: [String: AnalysisResult], pooled: AnalysisResult) {
        self.questionnaire = questionnaire
        self.municipal = municipal
        self.schools = schools
        self.pooled = pooled
    }
}

/// One карта дефицитов across audiences: indicators that share an `audience_key` side by side for
/// the municipality and each school, separately for each education level (ООО, СОО).
///
/// Cells of one key must be on one scale. When the audiences measure a key differently (a 0–1 mean
/// score beside a share in percent) the map keeps the most common scale and leaves the others
/// out with the reason (`excluded`), rather than print «0,6 %» beside «67,9 %».
public struct AudienceMap: Codable, Sendable, Equatable {
    public struct Column: Codable, Sendable, Equatable {
        public var key: String
        public var title: String
        public var audience: Audience
        public var indicator: String
        public var method: Indicator.Method
        /// The level figure of the indicator's own levels (the deficit threshold) — cells are toned by it.
        public var threshold: Double?
        /// The audience has no education levels in its answers (teachers): its cells are the whole school's.
        public var wholeSchool: Bool
    }

    public struct Exclusion: Codable, Sendable, Equatable {
        public var key: String
        public var title: String
        public var audience: Audience
        public var method: Indicator.Method
        public var commonMethod: Indicator.Method
    }

    public struct Cell: Codable, Sendable, Equatable {
        public var figure: Double?
        public var level: String?
        public var deficit: Bool
        public var hidden: Bool
    }

    public struct Row: Codable, Sendable, Equatable {
        /// `nil` for the municipality.
        public var code: String?
        public var name: String
        public var cells: [Cell]
    }

    public struct Table: Codable, Sendable, Equatable {
        public var level: String
        public var rows: [Row]
    }

    public var columns: [Column]
    public var excluded: [Exclusion]
    public var tables: [Table]

    /// `nil` when fewer than two audiences share a key.
    public init?(audiences: [MunicipalAudience], units: [SchoolUnit], levels: [SchoolLevel] = [.basic, .secondary]) {
        var keys: [String] = []
        for audience in audiences {
            for indicator in audience.questionnaire.indicators {
                guard let key = indicator.audienceKey, !keys.contains(key),
                      audiences.filter({ $0.questionnaire.indicators.contains { $0.audienceKey == key } }).count >= 2 else { continue }
                keys.append(key)
            }
        }
        var columns: [Column] = []
        var excluded: [Exclusion] = []
        for key in keys {
            let members = audiences.compactMap { audience -> (MunicipalAudience, Indicator)? in
                audience.questionnaire.indicators.first { $0.audienceKey == key }.map { (audience, $0) }
            }
            // The most common scale; percentages win a tie (most instruments use them).
            var counts: [Indicator.Method: Int] = [:]
            for (_, indicator) in members { counts[indicator.method, default: 0] += 1 }
            let common = counts.max { ($0.value, $0.key.isPercent ? 1 : 0) < ($1.value, $1.key.isPercent ? 1 : 0) }!.key
            let title = members.first { $0.1.method == common }?.1.title ?? key
            let kept = members.filter { $0.1.method == common }
            for (audience, indicator) in members where indicator.method != common {
                excluded.append(Exclusion(key: key, title: indicator.title, audience: audience.questionnaire.audience, method: indicator.method, commonMethod: common))
            }
            guard kept.count >= 2 else { continue }
            for (audience, indicator) in kept {
                columns.append(Column(key: key, title: title, audience: audience.questionnaire.audience, indicator: indicator.id, method: common,
                                      threshold: indicator.levels.contains(where: \.deficit) ? indicator.levels.filter { !$0.deficit }.map(\.from).min() : nil,
                                      wholeSchool: !audience.questionnaire.groupings.contains { $0.derive == .level }))
            }
        }
        guard !columns.isEmpty else { return nil }
        self.columns = columns
        self.excluded = excluded
        let byAudience = Dictionary(audiences.map { ($0.questionnaire.audience, $0) }, uniquingKeysWith: { first, _ in first })
        tables = levels.map { level in
            func cell(_ result: AnalysisResult?, column: Column, hidden: Bool) -> Cell {
                guard let result, !hidden else { return Cell(figure: nil, level: nil, deficit: false, hidden: hidden) }
                if column.wholeSchool {
                    let indicator = result.indicators.first { $0.id == column.indicator }
                    return Cell(figure: indicator?.figure, level: indicator?.level, deficit: indicator?.deficit ?? false, hidden: false)
                }
                let grouping = byAudience[column.audience]?.questionnaire.groupings.first { $0.derive == .level }?.id
                guard let breakdown = result.breakdowns.first(where: { $0.grouping == grouping }),
                      let group = breakdown.groups.first(where: { $0.key == level.rawValue }) else {
                    return Cell(figure: nil, level: nil, deficit: false, hidden: false)
                }
                if group.suppressed { return Cell(figure: nil, level: nil, deficit: false, hidden: true) }
                let indicator = group.indicators.first { $0.id == column.indicator }
                return Cell(figure: indicator?.figure, level: indicator?.level, deficit: indicator?.deficit ?? false, hidden: false)
            }
            var rows = [Row(code: nil, name: "Муниципалитет", cells: columns.map { column in
                cell(byAudience[column.audience]?.pooled, column: column, hidden: false)
            })]
            for unit in units where unit.levels.isEmpty || unit.levels.contains(level) {
                let present = columns.contains { byAudience[$0.audience]?.schools[unit.code] != nil }
                guard present else { continue }
                rows.append(Row(code: unit.code, name: unit.shortName, cells: columns.map { column in
                    let audience = byAudience[column.audience]
                    let shown = audience?.municipal.schools.first { $0.code == unit.code }.map { !$0.hidden } ?? false
                    return cell(audience?.schools[unit.code], column: column, hidden: audience?.schools[unit.code] != nil && !shown)
                }))
            }
            return Table(level: level.rawValue, rows: rows)
        }
    }
}
