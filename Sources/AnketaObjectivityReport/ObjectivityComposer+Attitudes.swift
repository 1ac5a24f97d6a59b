import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaObjectivity

extension ObjectivityComposer {
    // MARK: - Attitudes beside the results

    /// The objective-assessment surveys of the same school (`--attitudes`) beside the results:
    /// each indicator (matched across audiences by `audience_key`) for each audience, with its
    /// level, and a sentence setting «доверие к отметкам» and «объективность ВПР» against the share
    /// of marks the external procedure confirmed. Nothing without surveys; an audience with fewer
    /// respondents than its minimum group is named but shows no figure.
    func attitudesSection() -> [Block] {
        let results = input.attitudes
        guard !results.isEmpty else { return [] }
        var keys: [String] = []
        var titles: [String: String] = [:]
        for result in results where !result.suppressed {
            for indicator in result.indicators {
                let key = indicator.audienceKey ?? indicator.id
                if titles[key] == nil { keys.append(key); titles[key] = indicator.title }
            }
        }
        func indicator(_ result: AnalysisResult, _ key: String) -> IndicatorSummary? {
            result.suppressed ? nil : result.indicators.first { ($0.audienceKey ?? $0.id) == key }
        }
        let rows = keys.map { key -> [Cell] in
            [Cell(titles[key] ?? key)] + results.map { result -> Cell in
                if result.suppressed { return Cell("скрыто", tone: .muted) }
                guard let item = indicator(result, key), let figure = item.figure else { return Cell("—") }
                let text = Self.attitudeFigure(figure, method: item.method) + (item.level.map { "\n\(item.deficit ? "\($0) (дефицит)" : $0)" } ?? "")
                return Cell(text, tone: item.deficit ? .poor : nil)
            }
        }
        let sizes = [Cell("Респондентов", bold: true)] + results.map { Cell($0.suppressed ? "скрыто" : String($0.respondents), tone: $0.suppressed ? .muted : nil) }
        let surveys = results.map { "«\($0.title)» (\($0.audience.nominativePlural.lowercased()), \($0.suppressed ? "ответов меньше \($0.minGroupSize)" : RussianPlural.respondent($0.respondents)))" }
        var items: [[Inline]] = []
        let external = W.markName(input.procedures)
        if let overall = analysis.overall {
            for key in ["trust_in_grades", "vpr_objectivity"] {
                let figures = results.compactMap { result -> String? in
                    guard let item = indicator(result, key), let figure = item.figure else { return nil }
                    return "\(result.audience.nominativePlural.lowercased()) — \(Self.attitudeFigure(figure, method: item.method))"
                }
                guard !figures.isEmpty, let title = titles[key] else { continue }
                let behaviour = key == "trust_in_grades"
                    ? "\(external) подтвердили отметку школы у \(W.percent(overall.confirmed.share)) обучающихся, понизили — у \(W.percent(overall.lowered.share))"
                    : analysis.regional.isEmpty
                        ? (analysis.flagged.isEmpty ? "классов с признаками завышения отметок не выявлено"
                            : "признаки завышения отметок: " + analysis.flagged.map { "\($0.scope.className ?? "") (\($0.scope.subject ?? ""))" }.joined(separator: ", "))
                        : "распределение отметок \(external) \(analysis.regional.contains { ($0.test?.pValue ?? 1) < 0.05 } ? "в части параллелей значимо отличается от регионального" : "не отличается значимо от регионального")"
                items.append([.text("«\(title)»: \(figures.joined(separator: ", ")); \(behaviour).")])
            }
        }
        var blocks: [Block] = [
            .heading("Отношение к объективности оценивания: результаты анкетирования", level: 1),
            .paragraph([.text("В школе проведено анкетирование: " + surveys.joined(separator: "; ") + ". Показатели анкет — рядом с результатами сопоставления отметок: мнение участников о понятности и справедливости отметок сверяется с тем, что показали внешние процедуры.")]),
        ]
        if !items.isEmpty { blocks.append(.list(items, ordered: false)) }
        blocks += [
            .table(Table(caption: "Показатели анкетирования об объективности оценивания",
                         header: ["Показатель"] + results.map { W.capitalized($0.audience.nominativePlural) },
                         rows: [sizes] + rows, columnWidths: [5.2] + results.map { _ in max(2.0, min(3.6, 10.4 / Double(results.count))) },
                         numericColumns: Set(1...results.count))),
            .note([.text("Показатели с одним ключом в анкетах разных участников стоят в одной строке; под значением — уровень показателя по шкале его анкеты. Подробные результаты — в аналитических справках по каждой анкете (anketa report).")]),
        ]
        return blocks
    }

    /// A survey indicator's figure as the survey справка writes it.
    static func attitudeFigure(_ value: Double, method: Indicator.Method) -> String {
        switch method {
        case .positiveShare, .levelShare: RussianNumber.percent(value)
        case .meanIndex, .sum: RussianNumber.fixed(value, digits: 1)
        case .meanScore: RussianNumber.fixed(value, digits: 2)
        }
    }
}
