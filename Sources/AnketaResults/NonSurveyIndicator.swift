/// A figure of the school that no survey gives — успеваемость, качество знаний, средний балл
/// ОГЭ/ЕГЭ, сохранность контингента, доля обновлённых ФОС — by school year, with its threshold,
/// the direction in which it is better, and the region's value when known.
///
/// ```yaml
/// - id: quality
///   title: Качество знаний
///   unit: percent
///   direction: higher
///   threshold: 50
///   values: {2023/2024: 52.1, 2024/2025: 49.8, 2025/2026: 47.3}
///   region: {2025/2026: 51.4}
/// ```
public struct NonSurveyIndicator: Sendable, Equatable {
    /// How the figure reads.
    public enum Unit: String, Sendable, Equatable, CaseIterable {
        /// Percent 0–100: «47,3 %».
        case percent
        /// A mean score or mark: «3,84».
        case score
        /// A count or any other number.
        case number
    }

    /// The threshold: a number, or the region's value of the same year.
    public enum Threshold: Sendable, Equatable {
        case value(Double)
        case region
    }

    public var id: String
    public var title: String
    public var unit: Unit
    /// Whether a higher figure is better (успеваемость) or a lower one (доля пропусков).
    public var higherIsBetter: Bool
    public var threshold: Threshold?
    /// Figures by school year («2025/2026»), in the file's order.
    public var values: [(year: String, value: Double)]
    /// The region's figures by school year.
    public var region: [String: Double]
    /// What to do when the figure is past the threshold (else a general plan is proposed).
    public var action: String?
    public var responsible: String?
    public var deadline: String?
    public var document: String?
    /// Where it came from («электронный журнал», «отчёт ОО-1»), for the справка.
    public var source: String?
    /// Line of the indicator in its file, for messages.
    public var line: Int?

    public init(id: String, title: String, unit: Unit = .percent, higherIsBetter: Bool = true, threshold: Threshold? = nil,
                values: [(year: String, value: Double)], region: [String: Double] = [:]) {
        self.id = id
        self.title = title
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        self.threshold = threshold
        self.values = values
        self.region = region
    }

    public static func == (a: NonSurveyIndicator, b: NonSurveyIndicator) -> Bool {
        a.id == b.id && a.title == b.title && a.unit == b.unit && a.higherIsBetter == b.higherIsBetter && a.threshold == b.threshold
            && a.values.map(\.year) == b.values.map(\.year) && a.values.map(\.value) == b.values.map(\.value) && a.region == b.region
            && a.action == b.action && a.responsible == b.responsible && a.deadline == b.deadline && a.document == b.document && a.source == b.source
    }

    /// The figure of a year.
    public func value(in year: String) -> Double? { values.first { $0.year == year }?.value }

    /// The threshold in force in a year: the number, or the region's value of that year.
    public func thresholdValue(in year: String) -> Double? {
        switch threshold {
        case .value(let value): value
        case .region: region[year]
        case nil: nil
        }
    }

    /// Whether the year's figure is past the threshold (below it, or above it when lower is better).
    public func isDeficit(in year: String) -> Bool {
        guard let value = value(in: year), let limit = thresholdValue(in: year) else { return false }
        return higherIsBetter ? value < limit : value > limit
    }

    /// How far the year's figure is on the deficit side of the threshold (0 when not a deficit).
    public func gap(in year: String) -> Double {
        guard isDeficit(in: year), let value = value(in: year), let limit = thresholdValue(in: year) else { return 0 }
        return abs(value - limit)
    }
}
