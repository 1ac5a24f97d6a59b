import AnketaAnalysis
import AnketaCore
import AnketaDocument

extension CertificateComposer {
    // MARK: - Indicators

    func indicatorResults() -> [Block] {
        guard !result.indicators.isEmpty, result.respondents >= result.minGroupSize else { return [] }
        var blocks: [Block] = [.heading("Результаты по показателям", level: 1)]
        var rows: [[Cell]] = []
        for indicator in result.indicators {
            let tone = tone(level: indicator.level, deficit: indicator.deficit, levels: levels(of: indicator.id))
            let alpha = indicator.reliability.alpha.map { RussianNumber.fixed($0, digits: 2) } ?? "—"
            rows.append([Cell(indicator.title), Cell(RussianWording.figure(indicator.figure, method: indicator.method)),
                         Cell(indicator.level.map { indicator.deficit ? "\($0) (дефицит)" : $0 } ?? "—", tone: tone),
                         Cell(String(indicator.respondentsScored)), Cell(alpha)])
        }
        if let overall = result.overall {
            let method = overall.indicators.first.map { self.method(of: $0) } ?? .positiveShare
            let tone = tone(level: overall.level, deficit: overall.deficit, levels: levels(of: overall.indicators.first ?? ""))
            rows.append([Cell(overall.title, bold: true), Cell(RussianWording.figure(overall.figure, method: method), bold: true),
                         Cell(overall.level ?? "—", tone: tone, bold: true), Cell(String(result.respondents)), Cell("")])
        }
        blocks.append(.table(Table(caption: "Таблица 1. Показатели и их уровни", header: ["Показатель", "Значение", "Уровень", "Респондентов", "α Кронбаха"],
                                   rows: rows, columnWidths: [5, 1.6, 2.2, 1.6, 1.4], numericColumns: [1, 3, 4])))
        let percentIndicators = result.indicators.filter { $0.method == .positiveShare || $0.method == .meanIndex }
        if !percentIndicators.isEmpty {
            let unit = percentIndicators.allSatisfy { $0.method == .positiveShare } ? "%" : ""
            blocks.append(.chart(Chart(kind: .bars, title: "Значения показателей", categories: percentIndicators.map(\.title),
                                       series: [Chart.Series(name: "Значение", values: percentIndicators.map(\.figure), color: "#4a6fa5")],
                                       tones: percentIndicators.map { tone(level: $0.level, deficit: $0.deficit, levels: levels(of: $0.id)) },
                                       maxValue: 100, unit: unit)))
        }
        for indicator in result.indicators {
            blocks.append(.paragraph(indicatorSentence(indicator)))
            if let distribution = indicator.levelDistribution, indicator.method == .sum {
                let parts = distribution.map { "\($0.level) — \(RussianNumber.percent($0.percent)) (\(RussianPlural.person($0.count)))" }
                blocks.append(.paragraph([.text("Распределение респондентов по уровням: " + parts.joined(separator: "; ") + ".")]))
            }
            if let alpha = indicator.reliability.alpha, alpha < 0.6 {
                blocks.append(.note([.text("Согласованность вопросов показателя «\(indicator.title)» низкая (α = \(RussianNumber.fixed(alpha, digits: 2))): показатель стоит толковать осторожно, по отдельным вопросам.")]))
            }
        }
        return blocks
    }

    func indicatorSentence(_ indicator: IndicatorSummary) -> [Inline] {
        guard let figure = indicator.figure else {
            return [.text("Показатель «\(indicator.title)» не рассчитан: нет ответов на его вопросы.")]
        }
        let value = RussianWording.figure(figure, method: indicator.method)
        let suffix = indicator.method == .meanIndex ? " из 100" : ""
        var inlines: [Inline] = [.text("Показатель «\(indicator.title)» — "), .strong(value + suffix)]
        if let level = indicator.level {
            inlines.append(.text(" (\(level) уровень"))
            inlines.append(.text(indicator.deficit ? ", дефицит)." : ")."))
        } else {
            inlines.append(.text("."))
        }
        return inlines
    }

    // MARK: - Questions

    func questionResults() -> [Block] {
        guard result.respondents >= result.minGroupSize else { return [] }
        var blocks: [Block] = [.heading("Результаты по вопросам", level: 1)]
        for section in questionnaire.sections {
            let summaries = result.questions.filter { $0.section == section.id && !$0.kind.isText }
            guard !summaries.isEmpty else { continue }
            blocks.append(.heading(section.title, level: 2))
            let scaled = summaries.filter { $0.kind == .single && $0.positivePercent != nil }
            for chunk in chunks(scaled) { blocks += scaleQuestions(chunk) }
            for summary in summaries where summary.kind == .multiple || (summary.kind == .single && summary.positivePercent == nil) {
                blocks += optionTable(summary)
            }
            for summary in summaries where summary.kind == .number {
                blocks.append(.paragraph([.strong(summary.text + ": "), .text(numberSentence(summary))]))
            }
        }
        return blocks
    }

    /// Consecutive questions on the same scale, at most 12 per chart.
    func chunks(_ summaries: [QuestionSummary]) -> [[QuestionSummary]] {
        var result: [[QuestionSummary]] = []
        for summary in summaries {
            let scale = questionnaire.question(summary.id)?.scale
            if let last = result.last, let first = last.first, questionnaire.question(first.id)?.scale == scale, last.count < 12 {
                result[result.count - 1].append(summary)
            } else {
                result.append([summary])
            }
        }
        return result
    }

    func scaleQuestions(_ summaries: [QuestionSummary]) -> [Block] {
        guard let first = summaries.first, let question = questionnaire.question(first.id), let scale = questionnaire.scale(of: question) else { return [] }
        // Series from the most negative to the most positive option.
        let ordered = Array(scale.options.reversed())
        let scores = ordered.compactMap(\.score)
        let ascending = scores == scores.sorted()
        let options = ascending ? ordered : scale.options
        let colors = Self.palette(count: options.count)
        let series = options.enumerated().map { index, option in
            Chart.Series(name: option.label, values: summaries.map { summary in summary.options.first { $0.code == option.code }?.percent }, color: colors[index])
        }
        let neutral: Int? = options.count % 2 == 1 ? options.count / 2 : nil
        var blocks: [Block] = []
        let title = summaries.count > 1 ? (question.grid ?? "Распределение ответов") : question.text
        blocks.append(.chart(Chart(kind: .divergingStacked(neutralSeries: neutral), title: title,
                                   categories: summaries.map(\.text), series: series, maxValue: 100, unit: "%")))
        let rows = summaries.map { summary -> [Cell] in
            let interval = summary.positiveInterval.map { "\(RussianNumber.fixed($0[0]))–\(RussianNumber.fixed($0[1]))" } ?? "—"
            return [Cell(summary.text + (summary.reverse ? " (обратный)" : "")), Cell(String(summary.valid)),
                    Cell(summary.positivePercent.map { RussianNumber.percent($0) } ?? "—"), Cell(interval),
                    Cell(summary.mean.map { RussianNumber.fixed($0, digits: 2) } ?? "—"),
                    Cell(summary.index.map { RussianNumber.fixed($0) } ?? "—"),
                    Cell(String(summary.noAnswer + summary.blank))]
        }
        blocks.append(.table(Table(header: ["Вопрос", "Ответов", "Положительных", "95 % ДИ", "Средний балл", "Индекс 0–100", "Нет ответа"],
                                   rows: rows, columnWidths: [5, 1.2, 1.6, 1.8, 1.3, 1.3, 1.2], numericColumns: [1, 2, 3, 4, 5, 6])))
        return blocks
    }

    func optionTable(_ summary: QuestionSummary) -> [Block] {
        // Multiple choice: the most chosen first; single choice: the scale's own order.
        let options = summary.kind == .multiple ? summary.options.sorted { $0.count > $1.count } : summary.options
        let rows = options.map { option in
            option.suppressed ? [Cell(option.label), Cell("скрыто", tone: .muted), Cell("скрыто", tone: .muted)]
                : [Cell(option.label), Cell(String(option.count)), Cell(RussianNumber.percent(option.percent))]
        }
        var base = summary.kind == .multiple ? "Можно было выбрать несколько ответов; доля — от \(RussianPlural.respondent(summary.valid)), ответивших на вопрос." : "Доля — от \(RussianPlural.answer(summary.valid))."
        if summary.options.contains(where: \.suppressed) {
            base += " Варианты, выбранные менее чем \(result.minGroupSize) респондентами, скрыты, чтобы сохранить анонимность."
        }
        return [.paragraph([.strong(summary.text)]),
                .table(Table(header: ["Вариант ответа", "Число", "Доля"], rows: rows, columnWidths: [6, 1.2, 1.4], numericColumns: [1, 2])),
                .note([.text(base)])]
    }

    func numberSentence(_ summary: QuestionSummary) -> String {
        guard let mean = summary.mean else { return "нет ответов." }
        var text = "среднее \(RussianNumber.fixed(mean, digits: 1))"
        if let quartiles = summary.quartiles {
            text += ", медиана \(RussianNumber.plain(quartiles[1])), половина ответов — от \(RussianNumber.plain(quartiles[0])) до \(RussianNumber.plain(quartiles[2]))"
        }
        return text + " (\(RussianPlural.answer(summary.valid)))."
    }

    /// Red → grey → green colours for options from negative to positive.
    static func palette(count: Int) -> [String] {
        switch count {
        case 2: return ["#d7191c", "#1a9641"]
        case 3: return ["#d7191c", "#bdbdbd", "#1a9641"]
        case 4: return ["#d7191c", "#fdae61", "#a6d96a", "#1a9641"]
        case 5: return ["#d7191c", "#fdae61", "#bdbdbd", "#a6d96a", "#1a9641"]
        default:
            let base = ["#d7191c", "#f46d43", "#fdae61", "#fee08b", "#d9ef8b", "#a6d96a", "#66bd63", "#1a9641"]
            return (0..<count).map { base[min(base.count - 1, $0 * base.count / max(count, 1))] }
        }
    }
}
