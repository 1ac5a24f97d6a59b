import AnketaCore
import AnketaDocument
import AnketaResults

/// The school's non-survey indicators (успеваемость, качество знаний, средний балл ОГЭ/ЕГЭ against
/// the region, сохранность контингента, обновление ФОС …) as a part of a справка: the карта
/// дефицитов of the year with the threshold and the region's value, the figures over the years,
/// the findings in words and the management decisions drafted from them. Shared by the survey
/// справка (`anketa report --indicators`) and the objectivity справка (`anketa objectivity --indicators`).
public struct NonSurveySection: Sendable {
    public let indicators: NonSurveyIndicators

    public init(_ indicators: NonSurveyIndicators) {
        self.indicators = indicators
    }

    var year: String { indicators.year }

    /// «47,1 %», «14,6», «2,6»; `digits` for scores and numbers (percent always have one).
    public static func figure(_ value: Double, unit: NonSurveyIndicator.Unit, digits: Int = 1) -> String {
        switch unit {
        case .percent: RussianNumber.percent(value)
        case .score, .number: RussianNumber.fixed(value, digits: digits)
        }
    }

    /// One number of decimals for all of an indicator's figures: as many as its most precise one
    /// needs (at least one, at most two), so «72,0» stands beside «70,4», not «72».
    static func digits(_ indicator: NonSurveyIndicator) -> Int {
        let numbers = indicator.values.map(\.value) + Array(indicator.region.values)
        return numbers.contains { abs($0 * 10 - ($0 * 10).rounded()) > 1e-9 } ? 2 : 1
    }

    func figure(_ value: Double, _ indicator: NonSurveyIndicator) -> String {
        Self.figure(value, unit: indicator.unit, digits: Self.digits(indicator))
    }

    /// «+1,2 п. п.», «−0,5».
    static func change(_ value: Double, unit: NonSurveyIndicator.Unit) -> String {
        let digits = unit == .percent ? 1 : 2
        let number = value == 0 ? "0" : (value > 0 ? "+" : "−") + RussianNumber.plain(abs(value), maxDigits: digits)
        return unit == .percent ? "\(number)\u{00A0}п.\u{00A0}п." : number
    }

    /// A threshold as written: «50 %», «4», «100 %».
    func thresholdFigure(_ value: Double, _ indicator: NonSurveyIndicator) -> String {
        indicator.unit == .percent ? RussianNumber.plain(value, maxDigits: 1) + "\u{00A0}%" : RussianNumber.plain(value, maxDigits: 2)
    }

    /// The threshold in words: «не ниже 50 %», «не выше 4», «не ниже регионального (15,3)».
    func thresholdText(_ indicator: NonSurveyIndicator) -> String {
        let side = indicator.higherIsBetter ? "не ниже" : "не выше"
        switch indicator.threshold {
        case .value(let value):
            return "\(side) \(thresholdFigure(value, indicator))"
        case .region: return "\(side) регионального" + (indicator.region[year].map { " (\(figure($0, indicator)))" } ?? "")
        case nil: return "—"
        }
    }

    /// The year's findings in words, the farthest past its threshold first; then a sentence for the rest.
    public var findings: [String] {
        var items: [String] = []
        for indicator in indicators.deficits {
            guard let value = indicator.value(in: year) else { continue }
            var text = "«\(indicator.title)»: \(figure(value, indicator)) в \(year) учебном году — "
            switch indicator.threshold {
            case .region:
                text += "\(indicator.higherIsBetter ? "ниже" : "выше") регионального значения (\(indicator.region[year].map { figure($0, indicator) } ?? "—"))"
            default:
                text += "\(indicator.higherIsBetter ? "ниже" : "выше") порога" + (indicator.thresholdValue(in: year).map { " (\(thresholdFigure($0, indicator)))" } ?? "")
                if let region = indicator.region[year] { text += "; в регионе — \(figure(region, indicator))" }
            }
            if let previous = previousValue(indicator) {
                let delta = value - previous.value
                let worse = indicator.higherIsBetter ? delta < 0 : delta > 0
                let amount = Self.change(abs(delta), unit: indicator.unit).replacingOccurrences(of: "+", with: "")
                text += delta == 0 ? "; за год значение не изменилось" : "; за год значение \(delta < 0 ? "снизилось" : "выросло") на \(amount) — \(worse ? "ухудшение" : "улучшение")"
            }
            items.append(text + ".")
        }
        let met = indicators.indicators.filter { !$0.isDeficit(in: year) && $0.value(in: year) != nil && $0.thresholdValue(in: year) != nil }
        if !met.isEmpty {
            items.append((indicators.deficits.isEmpty ? "Все показатели вне анкетирования достигают порогов: " : "Достигают порогов: ")
                         + met.map { "«\($0.title)»" }.joined(separator: ", ") + ".")
        }
        return items
    }

    func previousValue(_ indicator: NonSurveyIndicator) -> (year: String, value: Double)? {
        guard let index = indicators.years.firstIndex(of: year), index > 0 else { return nil }
        return indicator.values.last { pair in (indicators.years.firstIndex(of: pair.year) ?? Int.max) < index }
    }

    /// A decision for every indicator past its threshold: the file's own, else a plan of measures.
    public var decisions: [DecisionList.Decision] {
        indicators.deficits.compactMap { indicator in
            guard let value = indicator.value(in: year) else { return nil }
            return DecisionList.Decision(
                problem: "«\(indicator.title)»: \(figure(value, indicator)) при пороге \(thresholdText(indicator))",
                action: indicator.action ?? "Проанализировать причины на педагогическом совете и утвердить план мероприятий по улучшению показателя «\(indicator.title)» с промежуточным контролем по итогам каждой четверти",
                deadline: indicator.deadline ?? "до конца учебного года",
                responsible: indicator.responsible ?? "заместитель директора по УВР",
                document: indicator.document ?? "план мероприятий, протокол педагогического совета",
                finding: "nonsurvey-deficit:\(indicator.id)")
        }
    }

    /// The section: heading, the карта дефицитов of the year, the years side by side, the findings.
    public func blocks(level: Int = 1) -> [Block] {
        guard !indicators.indicators.isEmpty else { return [] }
        let map = indicators.indicators.map { indicator -> [Cell] in
            let value = indicator.value(in: year)
            let deficit = indicator.isDeficit(in: year)
            let status: Cell
            if value == nil {
                status = Cell("нет данных", tone: .muted)
            } else if indicator.thresholdValue(in: year) == nil {
                status = Cell("порог не задан", tone: .muted)
            } else {
                status = deficit ? Cell("дефицит", tone: .poor, bold: true) : Cell("норма", tone: .good)
            }
            return [Cell(indicator.title), Cell(value.map { figure($0, indicator) } ?? "—", tone: deficit ? .poor : nil),
                    Cell(indicator.region[year].map { figure($0, indicator) } ?? "—"),
                    Cell(thresholdText(indicator)), status]
        }
        var blocks: [Block] = [
            .heading("Показатели вне анкетирования", level: level),
            .paragraph([.text("Показатели школы по данным электронного журнала, итогов ГИА и отчётности (файл «\(indicators.source)»), \(year) учебный год. Дефицит — значение хуже порога: ниже порога у показателей, которые тем лучше, чем выше (успеваемость), и выше порога у тех, что тем лучше, чем ниже (пропуски уроков).")]),
            .table(Table(caption: "Карта дефицитов: показатели вне анкетирования, \(year) учебный год",
                         header: ["Показатель", "Значение", "Регион", "Порог", "Оценка"],
                         rows: map, columnWidths: [5.6, 2.0, 2.0, 3.6, 2.2], numericColumns: [1, 2])),
        ]
        if indicators.years.count >= 2 {
            let years = indicators.years
            let rows = indicators.indicators.map { indicator -> [Cell] in
                var cells = [Cell(indicator.title)]
                for year in years {
                    cells.append(Cell(indicator.value(in: year).map { figure($0, indicator) } ?? "—",
                                      tone: indicator.isDeficit(in: year) ? .poor : nil))
                }
                if let current = indicator.value(in: year), let previous = previousValue(indicator) {
                    let delta = current - previous.value
                    let better = indicator.higherIsBetter ? delta > 0 : delta < 0
                    // The word as well as the colour, so the direction reads in greyscale print.
                    cells.append(Cell(Self.change(delta, unit: indicator.unit) + (delta == 0 ? "" : (better ? "\nлучше" : "\nхуже")),
                                      tone: delta == 0 ? nil : (better ? .good : .poor)))
                } else {
                    cells.append(Cell("—"))
                }
                return cells
            }
            let width = max(1.5, min(2.2, 9.0 / Double(years.count)))
            blocks.append(.table(Table(caption: "Показатели вне анкетирования по годам",
                                       header: ["Показатель"] + years + ["За год"],
                                       rows: rows, columnWidths: [5.2] + years.map { _ in width } + [2.0],
                                       numericColumns: Set(1...(years.count + 1)))))
            blocks.append(.note([.text("Красным — значения хуже порога. «За год» — изменение за последний год; «лучше» и «хуже» — с учётом того, в какую сторону показатель лучше (зелёным и красным). п. п. — процентные пункты.")]))
        }
        let items = findings
        if !items.isEmpty { blocks.append(.list(items.map { [.text($0)] }, ordered: false)) }
        return blocks
    }
}
