import AnketaAnalysis
import AnketaCore
import AnketaDocument

extension CertificateComposer {
    // MARK: - Indicators and the deficit map

    /// The indicators once: a chart of their values, then the карта дефицитов (all respondents and
    /// the groups of the map's grouping) with the level in every cell.
    func indicatorResults() -> [Block] {
        guard publishable, !result.indicators.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Результаты по показателям", level: 1)]
        // Shares of answers and indices 0–100 share the chart's axis; a share of respondents in levels is shown in the map and by group.
        let charted = result.indicators.filter { ($0.method == .positiveShare || $0.method == .meanIndex) && $0.figure != nil }
        if !charted.isEmpty {
            let unit = charted.allSatisfy { $0.method.isPercent } ? "%" : ""
            blocks.append(.chart(Chart(kind: .bars, title: "Значения показателей", categories: charted.map(\.title),
                                       series: [Chart.Series(name: "Значение", values: charted.map(\.figure), color: "#4a6fa5")],
                                       tones: charted.map { tone(level: $0.level, deficit: $0.deficit, levels: levels(of: $0.id)) },
                                       maxValue: 100, unit: unit,
                                       // The level written beside the bar, so it reads without colour.
                                       annotations: charted.map { indicator in indicator.level.map { indicator.deficit ? "\($0) (дефицит)" : $0 } })))
        }
        let map = input.deficitMap
        var caption = "Карта дефицитов"
        if map.columns.count > 1, let breakdown = input.mapBreakdown { caption += " (все респонденты и по группам: \(breakdown.title.lowercased()))" }
        blocks.append(.table(mapTable(map, caption: caption)))
        if let breakdown = input.mapBreakdown {
            blocks += suppressionNotes(breakdown)
        }
        for indicator in result.indicators {
            if let distribution = indicator.levelDistribution, indicator.method == .sum {
                let parts = distribution.map { "«\($0.level)» — \(RussianNumber.percent($0.percent)) (\(RussianPlural.person($0.count)))" }
                blocks.append(.paragraph([.text("«\(indicator.title)»: распределение респондентов по уровням — " + parts.joined(separator: "; ") + ".")]))
            }
        }
        blocks += levelDistributionCharts()
        return blocks
    }

    /// What «скрыто» means, and that a small «не указано» is counted but not shown.
    func suppressionNotes(_ breakdown: Breakdown) -> [Block] {
        var notes: [String] = []
        if breakdown.groups.contains(where: \.suppressed) {
            notes.append("«скрыто» — группа меньше \(RussianPlural.personGenitive(result.minGroupSize)) или группа, скрытая вместе с ней, чтобы её нельзя было вычислить по итогам (в том числе по другим разбивкам того же вопроса).")
        }
        if breakdown.groupsOmitted {
            notes.append("Не указавшие ответ (меньше \(RussianPlural.personGenitive(result.minGroupSize))) отдельной группой не показаны, но учтены в итогах.")
        }
        return notes.isEmpty ? [] : [.note([.text(notes.joined(separator: " "))])]
    }

    func mapTable(_ map: DeficitMap, caption: String) -> Table {
        let rows = map.rows.map { row -> [Cell] in
            let method: Indicator.Method = row.percent ? .positiveShare : method(of: row.id)
            return [Cell(row.title)] + row.cells.map { cell in
                if cell.suppressed { return Cell("скрыто", tone: .muted) }
                guard let figure = cell.figure else { return Cell("—") }
                let levels = levels(of: row.id)
                let level = cell.level.map { cell.deficit ? "\($0) (дефицит)" : $0 } ?? ""
                return Cell("\(RussianWording.figure(figure, method: method))\n\(level)",
                            tone: tone(level: cell.level, deficit: cell.deficit, levels: levels.isEmpty ? [Level(name: cell.level ?? "", from: 0)] : levels))
            }
        }
        var overall: [[Cell]] = []
        if let summary = result.overall, map.columns.first == "Все", let figure = summary.figure {
            let method = summary.indicators.first.map { self.method(of: $0) } ?? .positiveShare
            let tone = tone(level: summary.level, deficit: summary.deficit, levels: levels(of: summary.indicators.first ?? ""))
            // Each group's index too (the mean of its indicators, as for everyone), so that the
            // map's bottom row is not left empty beside the groups.
            let first = summary.indicators.first ?? ""
            let overallLevels = questionnaire.overall?.levels ?? questionnaire.indicators.first { $0.id == first }?.levels ?? []
            let groups: [Cell] = (input.mapBreakdown?.groups ?? []).prefix(max(0, map.columns.count - 1)).map { group in
                if group.suppressed { return Cell("скрыто", tone: .muted) }
                guard let value = group.overall else { return Cell("—") }
                let level = Level.level(for: value, in: overallLevels)
                return Cell("\(RussianWording.figure(value, method: method))\n\(level.map { $0.deficit ? "\($0.name) (дефицит)" : $0.name } ?? "")",
                            tone: self.tone(level: level?.name, deficit: level?.deficit ?? false, levels: levels(of: first)))
            }
            overall = [[Cell(summary.title, bold: true), Cell("\(RussianWording.figure(figure, method: method))\n\(summary.level ?? "")", tone: tone, bold: true)]
                + groups + Array(repeating: Cell(""), count: max(0, map.columns.count - 1 - groups.count))]
        }
        var sizes: [[Cell]] = []
        if map.columns.count > 1, map.columns.first == "Все", let breakdown = input.mapBreakdown {
            sizes = [[Cell("Чел.", bold: true), Cell(String(result.respondents))] + breakdown.groups.map { group in
                group.suppressed ? Cell("скрыто", tone: .muted) : Cell(group.respondents.map(String.init) ?? "—")
            }]
        }
        let header = [map.rowTitle] + map.columns.map { $0 == "Все" ? "Все респонденты" : $0 }
        return Table(caption: caption, header: header, rows: sizes + rows + overall,
                     columnWidths: [4] + map.columns.map { _ in 1.4 }, numericColumns: Set(1...max(1, map.columns.count)))
    }

    // MARK: - Dynamics

    /// The comparison with the previous period: in words, and one compact table.
    func dynamicsSection() -> [Block] {
        guard publishable, let dynamics = input.dynamics, let previous = input.previous else { return [] }
        var before = ReportInput.label(of: previous), now = ReportInput.label(of: result)
        // Two surveys in one school year are told apart by their waves' names.
        if before == now { (before, now) = (previous.wave, result.wave) }
        var blocks: [Block] = [.heading("Сравнение с прошлым периодом", level: 1)]
        let tested = dynamics.indicators.filter { $0.p != nil }
        guard !tested.isEmpty else {
            blocks.append(.text("Сравнить показатели с периодом \(before) нельзя: в одном из периодов нет оценённых ответов по показателям."))
            return blocks
        }
        // Where lower is better, a fall is named as good news.
        func named(_ change: Dynamics.Change) -> String {
            "«\(change.title)»" + (lowerIsBetter(change.id) ? (change.direction == .down ? " (снижение — положительная динамика)" : " (рост — отрицательная динамика)") : "")
        }
        let up = dynamics.indicators.filter { $0.direction == .up }.map(named)
        let down = dynamics.indicators.filter { $0.direction == .down }.map(named)
        var words = "По сравнению с периодом \(before), когда в анкетировании участвовали \(RussianWording.participants(previous.respondents, questionnaire.audience)),"
        if up.isEmpty, down.isEmpty {
            words += " статистически значимых изменений показателей нет: различия укладываются в случайные колебания."
        } else {
            var parts: [String] = []
            // The verb agrees with the number of indicators.
            if !up.isEmpty { parts.append((up.count == 1 ? "значимо вырос показатель " : "значимо выросли показатели ") + up.joined(separator: ", ")) }
            if !down.isEmpty { parts.append((down.count == 1 ? "значимо снизился показатель " : "значимо снизились показатели ") + down.joined(separator: ", ")) }
            let rest = dynamics.indicators.count - up.count - down.count
            words += " " + parts.joined(separator: "; ") + (rest > 0 ? "; остальные показатели — без значимых изменений." : ".")
        }
        blocks.append(.text(words))
        let rows = dynamics.indicators.map { change -> [Cell] in
            let method = method(of: change.id)
            let tone: Tone? = switch change.improvement {
            case true?: .good
            case false?: .poor
            default: nil
            }
            let verdict: String = switch change.direction {
            case .up: change.improvement == false ? "значимый рост (ухудшение)" : "значимый рост"
            case .down: change.improvement == true ? "значимое снижение (улучшение)" : "значимое снижение"
            case .none: "без значимых изменений"
            case .unknown: "нет данных"
            }
            return [Cell(change.title), Cell(RussianWording.figure(change.previous, method: method)), Cell(RussianWording.figure(change.current, method: method)),
                    Cell(RussianWording.change(change.change, method: method)), Cell(verdict, tone: tone)]
        }
        blocks.append(.table(Table(caption: "Изменение показателей", header: ["Показатель", before, now, "Изменение", "Вывод"],
                                   rows: rows, columnWidths: [4.4, 1.4, 1.4, 1.5, 2], numericColumns: [1, 2, 3])))
        return blocks
    }

    // MARK: - Triangulation

    func triangulationSection() -> [Block] {
        guard publishable, let map = input.triangulation else { return [] }
        var blocks: [Block] = [.heading("Сопоставление мнений участников образовательных отношений", level: 1),
                               .table(mapTable(map, caption: "Одни и те же показатели глазами разных групп участников"))]
        let common = map.rows.filter(\.commonScale).map { "«\($0.title)»" }
        if !common.isEmpty {
            // Different methods (a mean score 0–1 beside percentages) are put on one scale rather than compared as they are.
            blocks.append(.note([.text("Показатели \(common.joined(separator: ", ")) у разных групп участников рассчитаны разными методами; для сопоставления все значения приведены к одной шкале — доле положительных ответов на вопросы показателя, %. Уровень в ячейке — по собственной шкале показателя.")]))
        }
        return blocks
    }

    // MARK: - Difficulties (professional development topics)

    func difficultiesSection() -> [Block] {
        guard questionnaire.audience == .teachers, publishable else { return [] }
        let topics = result.difficulties.filter { $0.percent >= 30 }
        guard !topics.isEmpty else { return [] }
        return [.heading("Темы для повышения квалификации", level: 1),
                .table(Table(caption: "Вопросы, по которым не менее 30 % педагогов отметили затруднения",
                             header: ["Компетенция", "Затруднения, %", "Ответов"],
                             rows: topics.prefix(10).map { [Cell($0.text), Cell(RussianNumber.percent($0.percent)), Cell(String($0.valid))] },
                             columnWidths: [6, 1.8, 1.2], numericColumns: [1, 2]))]
    }
}
