import AnketaAnalysis
import AnketaCore
import AnketaDocument
import Foundation

extension CertificateComposer {
    // MARK: - Breakdowns

    func breakdowns() -> [Block] {
        let useful = result.breakdowns.filter { $0.groups.filter { !$0.suppressed && $0.key != Analyzer.unspecifiedGroup }.count >= 2 }
        guard !useful.isEmpty, !result.indicators.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Результаты по группам респондентов", level: 1)]
        for breakdown in useful {
            blocks.append(.heading(breakdown.title, level: 2))
            blocks.append(.table(breakdownTable(breakdown)))
            if breakdown.groups.contains(where: \.suppressed) {
                blocks.append(.note([.text("Группы меньше \(result.minGroupSize) человек скрыты; если скрыта одна группа, скрывается и ещё одна, наименьшая, чтобы её нельзя было восстановить по итогу.")]))
            }
            blocks += testSentences(breakdown)
            blocks += questionTestTable(breakdown)
        }
        return blocks
    }

    /// Groups × indicators. With few groups (levels, experience) indicators are the rows, so their
    /// long titles read in full; with many (classes) the groups are.
    func breakdownTable(_ breakdown: Breakdown) -> Table {
        func cell(_ group: GroupFigures, _ indicator: IndicatorSummary) -> Cell {
            // «скрыто», not «менее N»: the complementary group has N or more respondents.
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
            let rows = [[Cell("Респондентов", bold: true)] + breakdown.groups.map(size)]
                + result.indicators.map { indicator in [Cell(indicator.title)] + breakdown.groups.map { cell($0, indicator) } }
            return Table(header: header, rows: rows, columnWidths: [4] + breakdown.groups.map { _ in 1.3 },
                         numericColumns: Set(1..<header.count))
        }
        let header = [breakdown.title, "Респондентов"] + result.indicators.map(\.title)
        let rows = breakdown.groups.map { group in [Cell(group.key), size(group)] + result.indicators.map { cell(group, $0) } }
        return Table(header: header, rows: rows, numericColumns: Set(1..<header.count))
    }

    func testSentences(_ breakdown: Breakdown) -> [Block] {
        guard !breakdown.tests.isEmpty else { return [] }
        var significant: [String] = []
        var rows: [[Cell]] = []
        for test in breakdown.tests {
            let title = result.indicators.first { $0.id == test.indicator }?.title ?? test.indicator
            let name = test.test == "mann_whitney" ? "U Манна — Уитни" : "H Краскела — Уоллиса"
            rows.append([Cell(title), Cell(name), Cell(RussianNumber.fixed(test.statistic, digits: 2)), Cell(RussianWording.pValue(test.p)),
                         Cell(RussianWording.pValue(test.pHolm), tone: test.pHolm < 0.05 ? .fair : nil), Cell(RussianNumber.fixed(test.effectSize, digits: 3))])
            if test.pHolm < 0.05 { significant.append("«\(title)»") }
        }
        var blocks: [Block] = [.table(Table(caption: "Проверка различий между группами (\(breakdown.title.lowercased()))",
                                            header: ["Показатель", "Критерий", "Статистика", "p", "p (Холм)", "Размер эффекта"],
                                            rows: rows, numericColumns: [2, 3, 4, 5]))]
        if significant.isEmpty {
            blocks.append(.text("Статистически значимых различий между группами не выявлено (уровень значимости 0,05 с поправкой Холма)."))
        } else {
            blocks.append(.text("Статистически значимые различия между группами (p < 0,05 с поправкой Холма): \(significant.joined(separator: ", "))."))
        }
        return blocks
    }

    /// Questions whose answers differ between groups (chi-square, Holm-adjusted p < 0.05).
    func questionTestTable(_ breakdown: Breakdown) -> [Block] {
        let significant = breakdown.questionTests.filter { $0.pHolm < 0.05 }.sorted { $0.cramersV > $1.cramersV }
        guard !breakdown.questionTests.isEmpty else { return [] }
        guard !significant.isEmpty else {
            return [.text("Распределения ответов на отдельные вопросы между группами значимо не различаются (χ², поправка Холма).")]
        }
        let rows = significant.prefix(15).map { test -> [Cell] in
            let text = result.questions.first { $0.id == test.question }?.text ?? test.question
            return [Cell(text), Cell(RussianNumber.fixed(test.statistic, digits: 1)), Cell(String(test.degreesOfFreedom)),
                    Cell(RussianWording.pValue(test.pHolm)), Cell(RussianNumber.fixed(test.cramersV, digits: 2) + (test.sparse ? "*" : ""))]
        }
        var blocks: [Block] = [.table(Table(caption: "Вопросы, ответы на которые значимо различаются по группам (\(breakdown.title.lowercased()))",
                                            header: ["Вопрос", "χ²", "df", "p (Холм)", "V Крамера"], rows: rows,
                                            columnWidths: [6, 1, 0.7, 1.2, 1.2], numericColumns: [1, 2, 3, 4]))]
        if significant.contains(where: \.sparse) {
            blocks.append(.note([.text("* Больше 20 % ожидаемых частот меньше 5: значимость оценена приближённо.")]))
        }
        return blocks
    }

    // MARK: - Deficit map

    func deficitMapSection() -> [Block] {
        guard !result.indicators.isEmpty, result.respondents >= result.minGroupSize else { return [] }
        let map = input.deficitMap
        var blocks: [Block] = [.heading("Карта дефицитов", level: 1)]
        blocks.append(.table(mapTable(map, caption: "Карта дефицитов: зелёный — высокий уровень, жёлтый — средний, красный — дефицит")))
        if map.deficits.isEmpty {
            blocks.append(.text("Дефицитов по показателям анкеты не выявлено."))
            return blocks
        }
        blocks.append(.text("Дефициты, в порядке удалённости от порогового значения:"))
        blocks.append(.list(map.deficits.map { entry in
            let method = method(of: entry.indicator)
            var text = "«\(entry.title)»" + (entry.column == "Все" ? "" : " — \(entry.column)") + ": \(RussianWording.figure(entry.figure, method: method))"
            if let threshold = entry.threshold { text += " при пороге \(RussianWording.figure(threshold, method: method))" }
            return [.text(text + ".")]
        }, ordered: true))
        return blocks
    }

    func mapTable(_ map: DeficitMap, caption: String) -> Table {
        let rows = map.rows.map { row -> [Cell] in
            let method: Indicator.Method = row.percent ? .positiveShare : method(of: row.id)
            return [Cell(row.title)] + row.cells.map { cell in
                if cell.suppressed { return Cell("скрыто", tone: .muted) }
                guard let figure = cell.figure else { return Cell("—") }
                let levels = levels(of: row.id)
                return Cell("\(RussianWording.figure(figure, method: method))\n\(cell.level ?? "")",
                            tone: tone(level: cell.level, deficit: cell.deficit, levels: levels.isEmpty ? [Level(name: cell.level ?? "", from: 0)] : levels))
            }
        }
        return Table(caption: caption, header: [map.rowTitle] + map.columns, rows: rows, numericColumns: Set(1...max(1, map.columns.count)))
    }

    // MARK: - Dynamics

    func dynamicsSection() -> [Block] {
        guard let dynamics = input.dynamics, let previous = input.previous else { return [] }
        var blocks: [Block] = [.heading("Динамика", level: 1)]
        blocks.append(.text("Сравнение с волной «\(dynamics.previousWave)» (\(RussianWording.participants(previous.respondents, questionnaire.audience))) и текущей волной «\(dynamics.currentWave)» (\(RussianWording.participants(result.respondents, questionnaire.audience)))."))
        let rows = dynamics.indicators.map { change -> [Cell] in
            let method = method(of: change.id)
            let interval = change.interval.map { "\(RussianWording.change($0[0], method: method)) … \(RussianWording.change($0[1], method: method))" } ?? "—"
            let tone: Tone? = switch change.direction {
            case .up: .good
            case .down: .poor
            default: nil
            }
            return [Cell(change.title), Cell(RussianWording.figure(change.previous, method: method)), Cell(RussianWording.figure(change.current, method: method)),
                    Cell(RussianWording.change(change.change, method: method)), Cell(interval), Cell(RussianWording.pValue(change.p)),
                    Cell(change.direction.rawValue, tone: tone)]
        }
        blocks.append(.table(Table(caption: "Изменение показателей", header: ["Показатель", dynamics.previousWave, dynamics.currentWave, "Изменение", "95 % ДИ", "p", "Вывод"],
                                   rows: rows, columnWidths: [4, 1.4, 1.4, 1.5, 2.6, 1, 2], numericColumns: [1, 2, 3, 4, 5])))
        let comparable = dynamics.indicators.filter { method(of: $0.id) == .positiveShare || method(of: $0.id) == .meanIndex }
        if !comparable.isEmpty {
            blocks.append(.chart(Chart(kind: .groupedBars, title: "Показатели в сравнении с прошлой волной", categories: comparable.map(\.title),
                                       series: [Chart.Series(name: dynamics.previousWave, values: comparable.map(\.previous), color: "#9e9e9e"),
                                                Chart.Series(name: dynamics.currentWave, values: comparable.map(\.current), color: "#2c7fb8")],
                                       maxValue: 100, unit: comparable.allSatisfy { method(of: $0.id) == .positiveShare } ? "%" : "")))
        }
        let up = dynamics.indicators.filter { $0.direction == .up }.map { "«\($0.title)»" }
        let down = dynamics.indicators.filter { $0.direction == .down }.map { "«\($0.title)»" }
        if !up.isEmpty { blocks.append(.text("Положительная динамика (статистически значимый рост): \(up.joined(separator: ", ")).")) }
        if !down.isEmpty { blocks.append(.text("Отрицательная динамика (статистически значимое снижение): \(down.joined(separator: ", ")).")) }
        if up.isEmpty, down.isEmpty { blocks.append(.text("Статистически значимых изменений показателей не выявлено: различия укладываются в случайные колебания.")) }
        blocks.append(.note([.text("Доверительный интервал и p для показателей — t-критерий Уэлча по баллам респондентов; изменение считается значимым при p < 0,05.")]))
        return blocks
    }

    // MARK: - Triangulation

    func triangulationSection() -> [Block] {
        guard let map = input.triangulation else { return [] }
        return [.heading("Сопоставление мнений участников образовательных отношений", level: 1),
                .text("Одни и те же показатели глазами разных групп участников:"),
                .table(mapTable(map, caption: "Показатели по группам участников"))]
    }

    // MARK: - Difficulties (professional development topics)

    func difficultiesSection() -> [Block] {
        guard questionnaire.audience == .teachers, result.respondents >= result.minGroupSize else { return [] }
        let topics = result.difficulties.filter { $0.percent >= 30 }
        guard !topics.isEmpty else { return [] }
        return [.heading("Темы для повышения квалификации", level: 1),
                .text("Вопросы, по которым не менее 30 % педагогов отметили затруднения (в порядке убывания доли):"),
                .table(Table(header: ["Компетенция", "Отметили затруднения", "Ответов"],
                             rows: topics.prefix(15).map { [Cell($0.text), Cell(RussianNumber.percent($0.percent)), Cell(String($0.valid))] },
                             columnWidths: [6, 2, 1.2], numericColumns: [1, 2]))]
    }

    // MARK: - Conclusions and recommendations

    func conclusions() -> [Block] {
        guard result.respondents >= result.minGroupSize, !result.indicators.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Выводы", level: 1)]
        var items: [[Inline]] = []
        if let overall = result.overall, let figure = overall.figure {
            let method = overall.indicators.first.map { self.method(of: $0) } ?? .positiveShare
            items.append([.text("\(overall.title) — \(RussianWording.figure(figure, method: method))" + (overall.level.map { " (\($0) уровень)." } ?? "."))])
        }
        let top = result.indicators.filter { $0.level != nil && $0.level == levels(of: $0.id).first?.name }
        if !top.isEmpty {
            items.append([.text("Высокий уровень: " + top.map { "«\($0.title)» (\(RussianWording.figure($0.figure, method: $0.method)))" }.joined(separator: ", ") + ".")])
        }
        let deficits = result.indicators.filter(\.deficit)
        if deficits.isEmpty {
            items.append([.text("В целом по всем респондентам дефицитов по показателям не выявлено.")])
        } else {
            items.append([.text("Дефициты: " + deficits.map { "«\($0.title)» (\(RussianWording.figure($0.figure, method: $0.method)))" }.joined(separator: ", ") + ".")])
        }
        // Deficits that show only in some groups (the columns of the deficit map).
        let groupDeficits = input.deficitMap.deficits.filter { $0.column != "Все" && !deficits.map(\.id).contains($0.indicator) }
        if !groupDeficits.isEmpty, let breakdown = input.mapBreakdown {
            let parts = groupDeficits.prefix(6).map { entry in
                "«\(entry.title)» — \(entry.column) (\(RussianWording.figure(entry.figure, method: method(of: entry.indicator))))"
            }
            items.append([.text("В отдельных группах (\(breakdown.title.lowercased())) дефициты: " + parts.joined(separator: "; ") + ".")])
        }
        if let dynamics = input.dynamics {
            let up = dynamics.indicators.filter { $0.direction == .up }
            if !up.isEmpty { items.append([.text("По сравнению с волной «\(dynamics.previousWave)» положительная динамика: " + up.map { "«\($0.title)»" }.joined(separator: ", ") + ".")]) }
            let down = dynamics.indicators.filter { $0.direction == .down }
            if !down.isEmpty { items.append([.text("По сравнению с волной «\(dynamics.previousWave)» значимое снижение: " + down.map { "«\($0.title)»" }.joined(separator: ", ") + ".")]) }
        }
        blocks.append(.list(items, ordered: false))
        let entries = input.deficitMap.deficits
        var seen: Set<String> = []
        let recommendations = entries.filter { seen.insert($0.indicator).inserted }.compactMap { entry -> [Inline]? in
            guard let text = entry.recommendation else { return nil }
            return [.strong("«\(entry.title)»: "), .text(text)]
        }
        if !recommendations.isEmpty {
            blocks.append(.heading("Рекомендации", level: 1))
            blocks.append(.list(recommendations, ordered: true))
        }
        return blocks
    }

    // MARK: - Appendix

    func openAnswers() -> [Block] {
        let texts = result.questions.filter { $0.kind.isText && !($0.texts ?? []).isEmpty && !isGroupingQuestion($0.id) }
        guard !texts.isEmpty, result.respondents >= result.minGroupSize else { return [] }
        var blocks: [Block] = [.pageBreak, .heading("Приложение. Ответы на открытые вопросы", level: 1)]
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
