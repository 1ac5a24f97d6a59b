import AnketaCore
import AnketaDocument

extension MunicipalComposer {
    // MARK: - Introduction and method

    func introduction() -> [Block] {
        var blocks: [Block] = []
        if let basis = input.profile?.basis(for: questionnaire.id) {
            blocks.append(.paragraph([.strong("Основание: "), .text(Self.sentence(basis))]))
        }
        let purpose = input.profile?.surveys[questionnaire.id]?.purpose
            ?? "сопоставить результаты анкетирования по теме «\(questionnaire.title)» в общеобразовательных организациях муниципалитета, выявить дефициты на муниципальном уровне и в отдельных школах и определить адресные меры методической поддержки."
        blocks.append(.paragraph([.strong("Цель: "), .text(Self.sentence(purpose))]))
        if let period = result.period {
            let from = Self.date(period[0]), to = Self.date(period[1])
            blocks.append(.paragraph([.strong("Сроки проведения: "), .text(from == to ? "\(from)." : "с \(from) по \(to).")]))
        }
        let shown = result.shown
        var participants = "\(MunicipalWording.respondent(result.respondents)) из \(RussianNumber.fixed(Double(shown.count), digits: 0))\u{00A0}\(MunicipalWording.schoolGenitive.form(shown.count))"
        if let contingent = result.contingent, contingent > 0 {
            let count = RussianNumber.fixed(Double(contingent), digits: 0)
            participants += result.respondents > contingent
                ? "; охват не рассчитан: ответов больше, чем указано в контингенте (\(count)), — проверьте контингент в реестре организаций"
                : "; охват — \(RussianNumber.percent(Double(result.respondents) / Double(contingent) * 100)) (\(count) могли ответить)"
        }
        let hidden = result.schools.filter(\.hidden).count
        if hidden > 0 {
            participants += "; ещё в \(hidden) \(RussianPlural("школе", "школах", "школах").form(hidden)) ответили меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)) — их результаты не приводятся"
        }
        blocks.append(.paragraph([.strong("Участники: "), .text(participants + ".")]))
        let method = "анкета «\(questionnaire.title)», \(RussianPlural.question(questionnaire.questions.count)); показатели рассчитаны так же, как в справке школы. "
            + "Муниципальное значение показателя дано двумя способами: «по всем респондентам» — показатель, рассчитанный по ответам всех участников вместе (большие школы весят больше), и «среднее по школам» — среднее арифметическое значений школ (каждая школа весит одинаково). "
            + "Каждая школа сравнивается с остальными школами муниципалитета по средним баллам респондентов (t-критерий Уэлча, 95-процентный доверительный интервал разности); поправка Холма на число сравниваемых школ защищает от случайных «значимых» отличий. "
            + "Школы, где ответили меньше \(RussianPlural.personGenitiveMin(result.minGroupSize)), не показываются и не входят в муниципальные значения."
        blocks.append(.paragraph([.strong("Методика: "), .text(method)]))
        return blocks
    }

    static func date(_ canonical: String) -> String {
        let day = canonical.split(separator: " ").first.map(String.init) ?? canonical
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    // MARK: - Coverage

    func coverage() -> [Block] {
        guard !result.schools.isEmpty else { return [] }
        let rows = result.schools.enumerated().map { index, school -> [Cell] in
            let contingent = school.contingent.map { RussianNumber.fixed(Double($0), digits: 0) } ?? "—"
            if school.hidden {
                return [Cell("\(index + 1)"), Cell(school.name), Cell(school.kind.rawValue), Cell("скрыто", tone: .muted), Cell(contingent), Cell("—")]
            }
            let low = (school.coverage ?? 100) < 50
            return [Cell("\(index + 1)"), Cell(school.name), Cell(school.kind.rawValue), Cell(school.respondents.map(String.init) ?? "—"), Cell(contingent),
                    Self.coverageCell(school.coverage, tone: low ? .fair : nil)]
        }
        var total: [[Cell]] = []
        total.append([Cell(""), Cell("Итого (показанные школы)", bold: true), Cell(""), Cell(String(result.respondents), bold: true),
                      Cell(result.contingent.map { RussianNumber.fixed(Double($0), digits: 0) } ?? "—", bold: true),
                      Self.coverageCell(result.contingent.flatMap { $0 > 0 ? Double(result.respondents) / Double($0) * 100 : nil }, bold: true)])
        var blocks: [Block] = [.heading("Охват по организациям", level: 1),
                               .table(Table(caption: "Участники анкетирования и охват (доля ответивших от контингента)",
                                            header: ["№", "Организация", "Тип", "Ответили", "Контингент", "Охват"],
                                            rows: rows + total, columnWidths: [0.5, 3.2, 1.1, 1.1, 1.2, 1.1], numericColumns: [0, 3, 4, 5]))]
        let low = result.shown.filter { ($0.coverage ?? 100) < 50 }
        if !low.isEmpty {
            blocks.append(.text("Охват ниже 50 % — в \(low.count) \(RussianPlural("школе", "школах", "школах").form(low.count)): \(low.map(\.name).joined(separator: ", ")). Результаты этих школ могут не отражать мнение большинства; рекомендуется повторить анкетирование с бо́льшим охватом."))
        }
        let over = result.shown.filter { ($0.coverage ?? 0) > 100 }
        if !over.isEmpty {
            blocks.append(.text("В \(over.count) \(RussianPlural("школе", "школах", "школах").form(over.count)) ответов больше, чем указано в контингенте (\(over.map(\.name).joined(separator: ", "))): охват там не рассчитан (в таблице — «н/р»). Проверьте контингент в реестре организаций."))
        }
        if let note = hiddenNote { blocks.append(note) }
        return blocks
    }

    /// A coverage cell: the percentage, «—» without a contingent, «н/р» (not calculated) when more
    /// people answered than the contingent says — a share over 100 % would be a wrong number.
    static func coverageCell(_ coverage: Double?, bold: Bool = false, tone: Tone? = nil) -> Cell {
        guard let coverage else { return Cell("—", bold: bold) }
        if coverage > 100 { return Cell("н/р", tone: .fair, bold: bold) }
        return Cell(RussianNumber.percent(coverage), tone: tone, bold: bold)
    }

    // MARK: - Municipal figures

    func municipalFigures() -> [Block] {
        guard !result.indicators.isEmpty, result.respondents > 0 else { return [] }
        let rows = result.indicators.map { item -> [Cell] in
            let range = item.lowest.map { low in "\(MunicipalWording.figure(low, method: item.method)) – \(MunicipalWording.figure(item.highest, method: item.method))" } ?? "—"
            return [Cell(item.title),
                    Cell(cellText(item.pooled, level: item.level, deficit: item.deficit, method: item.method), tone: tone(level: item.level, deficit: item.deficit, indicator: item.id)),
                    Cell(MunicipalWording.figure(item.meanOfSchools, method: item.method)), Cell(range),
                    Cell("\(item.deficitSchools) из \(item.schools)")]
        }
        var blocks: [Block] = [.heading("Муниципальные значения показателей", level: 1),
                               .table(Table(caption: "Показатели муниципалитета",
                                            header: ["Показатель", "По всем респондентам", "Среднее по школам", "Разброс по школам", "Школ с дефицитом"],
                                            rows: rows, columnWidths: [3.6, 1.7, 1.4, 1.7, 1.2], numericColumns: [1, 2, 3, 4]))]
        let scales = Set(result.indicators.map(\.method)).map(MunicipalWording.scale).sorted()
        blocks.append(.note([.text("«По всем респондентам» — показатель по ответам всех участников показанных школ вместе; уровень указан по нему. «Среднее по школам» — среднее значений школ, каждая школа весит одинаково. Шкала: \(scales.joined(separator: "; ")).")]))
        return blocks
    }

    // MARK: - Heat map

    func heatMap() -> [Block] {
        guard !result.indicators.isEmpty, !result.schools.isEmpty else { return [] }
        let indicators = result.indicators
        var rows: [[Cell]] = [[Cell("Муниципалитет (по всем респондентам)", bold: true)] + indicators.map { item in
            Cell(cellText(item.pooled, level: item.level, deficit: item.deficit, method: item.method, compact: true),
                 tone: tone(level: item.level, deficit: item.deficit, indicator: item.id), bold: true)
        }]
        for school in result.schools {
            rows.append([Cell(school.name)] + indicators.map { item in
                if school.hidden { return Cell("скрыто", tone: .muted) }
                guard let own = school.indicators.first(where: { $0.id == item.id }) else { return Cell("—") }
                let text = cellText(own.figure, level: own.level, deficit: own.deficit, method: item.method, compact: true)
                    + mark(own.comparison, indicator: item.id)
                return Cell(text, tone: tone(level: own.level, deficit: own.deficit, indicator: item.id))
            })
        }
        let columns = indicatorColumns(indicators)
        var blocks: [Block] = [.heading("Карта дефицитов муниципалитета", level: 1),
                               .text("Карта показывает уровень каждого показателя в каждой школе: самые тёмные клетки — дефицит (уровень ниже порогового), средние — средний уровень, светлые — высокий.")]
        if let key = columns.key { blocks.append(key) }
        blocks.append(.table(Table(caption: "Школы × показатели", header: ["Организация"] + columns.headers, rows: rows,
                                   columnWidths: [2.6] + indicators.map { _ in 1.5 }, numericColumns: Set(1...indicators.count))))
        blocks.append(.note([.text(markLegend)]))
        if let note = hiddenNote { blocks.append(note) }
        return blocks
    }
}
