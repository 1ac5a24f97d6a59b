import AnketaAnalysis
import AnketaCore
import AnketaDocument
import Foundation

extension CertificateComposer {
    /// Приложение: answers to every question, statistics (intervals, indices, α, tests, effect
    /// sizes), breakdowns by other groupings, open answers.
    func appendix() -> [Block] {
        guard publishable else { return [] }
        var parts: [[Block]] = [questionAppendix(), statisticsAppendix(), openAnswers()].filter { !$0.isEmpty }
        guard !parts.isEmpty else { return [] }
        for index in parts.indices {
            if case .heading(let title, let level)? = parts[index].first {
                parts[index][0] = .heading(parts.count == 1 ? "Приложение. \(title)" : "Приложение \(index + 1). \(title)", level: level)
            }
        }
        return parts.flatMap { [.pageBreak] + $0 }
    }

    // MARK: - Questions

    func questionAppendix() -> [Block] {
        var blocks: [Block] = [.heading("Распределение ответов по вопросам", level: 1)]
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
        if result.questions.contains(where: \.reverse) {
            blocks.append(.note([.text("* Обратный вопрос: согласие с утверждением означает низкую оценку; баллы и доли положительных ответов пересчитаны.")]))
        }
        return blocks.count > 1 ? blocks : []
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

    func questionLabel(_ summary: QuestionSummary) -> String {
        summary.text + (summary.reverse ? "*" : "")
    }

    func scaleQuestions(_ summaries: [QuestionSummary]) -> [Block] {
        guard let first = summaries.first, let question = questionnaire.question(first.id), let scale = questionnaire.scale(of: question) else { return [] }
        // Series from the most negative to the most positive option.
        let ordered = Array(scale.options.reversed())
        let scores = ordered.compactMap(\.score)
        let ascending = scores == scores.sorted()
        let options = ascending ? ordered : scale.options
        let colors = Palette.likert(count: options.count)
        let series = options.enumerated().map { index, option in
            Chart.Series(name: option.label, values: summaries.map { summary in summary.options.first { $0.code == option.code }?.percent }, color: colors[index])
        }
        let neutral: Int? = options.count % 2 == 1 ? options.count / 2 : nil
        let title = summaries.count > 1 ? (question.grid ?? "Распределение ответов") : question.text
        let rows = summaries.map { summary -> [Cell] in
            let interval = summary.positiveInterval.map { "\(RussianNumber.fixed($0[0]))–\(RussianNumber.fixed($0[1]))" } ?? "—"
            return [Cell(questionLabel(summary)), Cell(String(summary.valid)),
                    Cell(summary.positivePercent.map { RussianNumber.percent($0) } ?? "—"), Cell(interval),
                    Cell(summary.mean.map { RussianNumber.fixed($0, digits: 2) } ?? "—"),
                    Cell(summary.index.map { RussianNumber.fixed($0) } ?? "—"),
                    Cell(String(summary.noAnswer + summary.blank))]
        }
        return [.chart(Chart(kind: .divergingStacked(neutralSeries: neutral), title: title,
                             categories: summaries.map(questionLabel), series: series, maxValue: 100, unit: "%")),
                .table(Table(header: ["Вопрос", "Ответов", "Положит., %", "95 % ДИ", "Ср. балл", "Индекс", "Нет ответа"],
                             rows: rows, columnWidths: [5, 1.2, 1.4, 1.8, 1.2, 1.2, 1.2], numericColumns: [1, 2, 3, 4, 5, 6]))]
    }

    func optionTable(_ summary: QuestionSummary) -> [Block] {
        // A grouping question whose answer counts would reveal a hidden group: options only.
        if summary.answerCountsSuppressed {
            let rows = summary.options.map { option in
                option.suppressed ? [Cell(option.label), Cell("скрыто", tone: .muted), Cell("скрыто", tone: .muted)]
                    : [Cell(option.label), Cell(String(option.count)), Cell("—")]
            }
            return [.table(Table(caption: summary.text, header: ["Вариант ответа", "Чел.", "Доля, %"], rows: rows, columnWidths: [6, 1.2, 1.4], numericColumns: [1, 2])),
                    .note([.text("Число ответивших и доли не приводятся, чтобы сохранить анонимность.")])]
        }
        // Multiple choice: the most chosen first; single choice: the scale's own order.
        let options = summary.kind == .multiple ? summary.options.sorted { $0.count > $1.count } : summary.options
        let rows = options.map { option in
            option.suppressed ? [Cell(option.label), Cell("скрыто", tone: .muted), Cell("скрыто", tone: .muted)]
                : [Cell(option.label), Cell(String(option.count)), Cell(RussianNumber.percent(option.percent))]
        }
        var base = summary.kind == .multiple
            ? "Можно было выбрать несколько ответов; доля — от \(RussianPlural.respondentGenitive(summary.valid)), ответивших на вопрос."
            : "Доля — от \(RussianPlural.answerGenitive(summary.valid))."
        if summary.options.contains(where: \.suppressed) {
            base += " Варианты, выбранные менее чем \(RussianPlural.respondentInstrumental(result.minGroupSize)), скрыты, чтобы сохранить анонимность."
        }
        return [.table(Table(caption: summary.text, header: ["Вариант ответа", "Чел.", "Доля, %"], rows: rows, columnWidths: [6, 1.2, 1.4], numericColumns: [1, 2])),
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

    // MARK: - Statistics

    func statisticsAppendix() -> [Block] {
        guard !result.indicators.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Статистические характеристики", level: 1)]
        let rows = result.indicators.map { indicator -> [Cell] in
            [Cell(indicator.title), Cell(RussianWording.figure(indicator.figure, method: indicator.method)),
             Cell(String(indicator.respondentsScored)),
             Cell(indicator.scores.mean.map { RussianNumber.fixed($0, digits: 2) } ?? "—"),
             Cell(indicator.scores.standardDeviation.map { RussianNumber.fixed($0, digits: 2) } ?? "—"),
             Cell(indicator.reliability.alpha.map { RussianNumber.fixed($0, digits: 2) } ?? "—")]
        }
        blocks.append(.table(Table(caption: "Показатели: число оценённых респондентов, среднее и стандартное отклонение баллов респондентов, согласованность вопросов (α Кронбаха)",
                                   header: ["Показатель", "Значение", "Чел.", "Среднее", "Ст. откл.", "α"],
                                   rows: rows, columnWidths: [5, 1.5, 1, 1.3, 1.3, 1], numericColumns: [1, 2, 3, 4, 5])))
        let weak = result.indicators.filter { ($0.reliability.alpha ?? 1) < 0.6 }
        var note = "α Кронбаха — по респондентам, ответившим на все вопросы показателя; значения от 0,7 считаются приемлемыми. Для доли положительных ответов по вопросу в приложении 1 приведён 95-процентный доверительный интервал Уилсона."
        if !weak.isEmpty {
            note += " Низкая согласованность (α < 0,6): " + weak.map { "«\($0.title)»" }.joined(separator: ", ") + " — такие показатели стоит толковать по отдельным вопросам."
        }
        blocks.append(.note([.text(note)]))
        blocks += dynamicsDetail()
        blocks += trendDetail()
        for breakdown in result.breakdowns where breakdown.groups.filter({ !$0.suppressed && $0.key != Analyzer.unspecifiedGroup }).count >= 2 {
            blocks.append(.heading("По группам: \(breakdown.title.lowercased())", level: 2))
            if breakdown.grouping != input.mapBreakdown?.grouping {
                blocks.append(.table(breakdownTable(breakdown)))
                blocks += suppressionNotes(breakdown)
            }
            blocks += testTable(breakdown)
            blocks += questionTestTable(breakdown)
        }
        return blocks
    }

    func dynamicsDetail() -> [Block] {
        guard let dynamics = input.dynamics, dynamics.indicators.contains(where: { $0.p != nil }), let previous = input.previous else { return [] }
        let rows = dynamics.indicators.map { change -> [Cell] in
            let method = method(of: change.id)
            let interval = change.interval.map { "\(RussianWording.change($0[0], method: method)) … \(RussianWording.change($0[1], method: method))" } ?? "—"
            return [Cell(change.title), Cell(RussianWording.change(change.change, method: method)), Cell(interval), Cell(RussianWording.pValue(change.p))]
        }
        return [.heading("Сравнение с периодом \(ReportInput.label(of: previous))", level: 2),
                .table(Table(caption: "Изменение показателей: 95 % доверительный интервал и p (t-критерий Уэлча по баллам респондентов)",
                             header: ["Показатель", "Изменение", "95 % ДИ", "p"], rows: rows,
                             columnWidths: [4.5, 1.6, 3, 1.2], numericColumns: [1, 2, 3]))]
    }

    /// Groups × indicators. With few groups indicators are the rows, so their long titles read in
    /// full; with many (classes) the groups are.
    func breakdownTable(_ breakdown: Breakdown) -> Table {
        func cell(_ group: GroupFigures, _ indicator: IndicatorSummary) -> Cell {
            if group.suppressed { return Cell("скрыто", tone: .muted) }
            let figures = group.indicators.first { $0.id == indicator.id }
            return Cell(RussianWording.figure(figures?.figure, method: indicator.method),
                        tone: tone(level: figures?.level, deficit: figures?.deficit ?? false, levels: levels(of: indicator.id)))
        }
        func size(_ group: GroupFigures) -> Cell {
            group.suppressed ? Cell("скрыто", tone: .muted) : Cell(group.respondents.map(String.init) ?? "—")
        }
        if breakdown.groups.count <= 6 {
            let header = ["Показатель"] + breakdown.groups.map(\.key)
            let rows = [[Cell("Чел.", bold: true)] + breakdown.groups.map(size)]
                + result.indicators.map { indicator in [Cell(indicator.title)] + breakdown.groups.map { cell($0, indicator) } }
            return Table(caption: "Показатели по группам (\(breakdown.title.lowercased()))", header: header, rows: rows,
                         columnWidths: [4] + breakdown.groups.map { _ in 1.3 }, numericColumns: Set(1..<header.count))
        }
        let header = [breakdown.title, "Чел."] + result.indicators.map(\.title)
        let rows = breakdown.groups.map { group in [Cell(group.key), size(group)] + result.indicators.map { cell(group, $0) } }
        return Table(caption: "Показатели по группам (\(breakdown.title.lowercased()))", header: header, rows: rows, numericColumns: Set(1..<header.count))
    }

    func testTable(_ breakdown: Breakdown) -> [Block] {
        guard !breakdown.tests.isEmpty else { return [] }
        let rows = breakdown.tests.map { test -> [Cell] in
            let title = result.indicators.first { $0.id == test.indicator }?.title ?? test.indicator
            let name = test.test == "mann_whitney" ? "U Манна — Уитни" : "H Краскела — Уоллиса"
            return [Cell(title), Cell(name), Cell(RussianNumber.fixed(test.statistic, digits: 2)), Cell(RussianWording.pValue(test.p)),
                    Cell(RussianWording.pValue(test.pHolm), tone: test.pHolm < 0.05 ? .fair : nil), Cell(RussianNumber.fixed(test.effectSize, digits: 3))]
        }
        return [.table(Table(caption: "Различия между группами по показателям (p с поправкой Холма; размер эффекта — ε² или r)",
                             header: ["Показатель", "Критерий", "Статистика", "p", "p (Холм)", "Эффект"],
                             rows: rows, columnWidths: [4, 2.2, 1.4, 1.1, 1.2, 1.1], numericColumns: [2, 3, 4, 5]))]
    }

    /// Questions whose answers differ between groups (chi-square, Holm-adjusted p < 0.05).
    func questionTestTable(_ breakdown: Breakdown) -> [Block] {
        let significant = breakdown.questionTests.filter { $0.pHolm < 0.05 }.sorted { $0.cramersV > $1.cramersV }
        guard !significant.isEmpty else { return [] }
        let rows = significant.prefix(15).map { test -> [Cell] in
            let text = result.questions.first { $0.id == test.question }?.text ?? test.question
            return [Cell(text), Cell(RussianNumber.fixed(test.statistic, digits: 1)), Cell(String(test.degreesOfFreedom)),
                    Cell(RussianWording.pValue(test.pHolm)), Cell(RussianNumber.fixed(test.cramersV, digits: 2) + (test.sparse ? "*" : ""))]
        }
        var blocks: [Block] = [.table(Table(caption: "Вопросы, ответы на которые значимо различаются по группам (χ², поправка Холма, V Крамера)",
                                            header: ["Вопрос", "χ²", "df", "p (Холм)", "V"], rows: rows,
                                            columnWidths: [6, 1, 0.7, 1.2, 1], numericColumns: [1, 2, 3, 4]))]
        if significant.contains(where: \.sparse) {
            blocks.append(.note([.text("* Больше 20 % ожидаемых частот меньше 5: значимость оценена приближённо.")]))
        }
        return blocks
    }

    // MARK: - Open answers

    func openAnswers() -> [Block] {
        let texts = result.questions.filter { $0.kind.isText && !($0.texts ?? []).isEmpty && !isGroupingQuestion($0.id) }
        guard !texts.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Ответы на открытые вопросы", level: 1)]
        for summary in texts {
            blocks.append(.heading(summary.text, level: 2))
            // Identical answers once, with how many gave them, the most frequent first.
            var counts: [String: Int] = [:]
            var order: [String] = []
            for text in summary.texts ?? [] {
                let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard key.count > 1 else { continue }
                if counts[key] == nil { order.append(key) }
                counts[key, default: 0] += 1
            }
            let sorted = order.enumerated().sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }.map(\.element)
            blocks.append(.list(sorted.map { text in
                let count = counts[text] ?? 1
                return count > 1 ? [.text(text), .emphasis(" (\(RussianPlural.answer(count)))")] : [.text(text)]
            }, ordered: false))
        }
        return blocks
    }

    func isGroupingQuestion(_ id: String) -> Bool {
        questionnaire.groupings.contains { $0.question == id }
    }
}

extension RussianPlural {
    /// After «от»: «от 1 респондента», «от 332 респондентов».
    static let respondentGenitive = RussianPlural("респондента", "респондентов", "респондентов")
    /// After «от»: «от 1 ответа», «от 332 ответов».
    static let answerGenitive = RussianPlural("ответа", "ответов", "ответов")
    /// After «менее чем»: «менее чем 5 респондентами», «менее чем 1 респондентом».
    static let respondentInstrumental = RussianPlural("респондентом", "респондентами", "респондентами")
}
