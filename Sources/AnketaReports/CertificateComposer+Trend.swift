import AnketaAnalysis
import AnketaCore
import AnketaDocument

extension CertificateComposer {
    // MARK: - Trend over three or more waves

    /// The waves' labels for tables and charts: school years when they tell the waves apart, else
    /// the waves' names.
    var trendLabels: [String] {
        let results = input.history + [result]
        let years = results.map { ReportInput.label(of: $0) }
        return Set(years).count == years.count ? years : results.map(\.wave)
    }

    /// «за три учебных года (2023/2024 — 2025/2026)» or «за четыре периода (…)».
    var trendSpan: String {
        let labels = trendLabels
        let count = labels.count
        let results = input.history + [result]
        let yearly = results.allSatisfy { $0.period?.first.flatMap(AcademicYear.init(containing:)) != nil } && labels == results.map { ReportInput.label(of: $0) }
        let number = Self.numberWords[count] ?? String(count)
        let noun = yearly ? RussianPlural("учебный год", "учебных года", "учебных лет").form(count) : RussianPlural("период", "периода", "периодов").form(count)
        return "за \(number) \(noun) (\(labels.first ?? "") — \(labels.last ?? ""))"
    }

    static let numberWords = [2: "два", 3: "три", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь", 8: "восемь", 9: "девять", 10: "десять"]

    /// The trend in words, a table of every wave, and a line chart per indicator.
    func trendSection() -> [Block] {
        guard publishable, let trend = input.trend else { return [] }
        var blocks: [Block] = [.heading("Динамика показателей \(trendSpan)", level: 1)]
        let labels = trendLabels
        let counts = (input.history + [result]).map(\.respondents)
        let listed = counts.dropLast().map { RussianNumber.fixed(Double($0), digits: 0) }.joined(separator: ", ")
            + " и " + RussianWording.participants(counts.last ?? 0, questionnaire.audience)
        blocks.append(.text("Показатели сравнены \(trendSpan); в анкетировании участвовали соответственно \(listed)."))
        var sentences: [[Inline]] = []
        for series in trend.indicators {
            sentences.append([.text(trendSentence(series))])
        }
        blocks.append(.list(sentences, ordered: false))
        let rows = trend.indicators.map { series -> [Cell] in
            let method = method(of: series.id)
            return [Cell(series.title)] + series.values.map { Cell(RussianWording.figure($0, method: method)) }
                + [Cell(RussianWording.change(series.change, method: method)), Cell(trendVerdict(series), tone: trendTone(series))]
        }
        blocks.append(.table(Table(caption: "Показатели по периодам", header: ["Показатель"] + labels + ["Изменение", "Тренд"], rows: rows,
                                   columnWidths: [4] + labels.map { _ in 1.3 } + [1.5, 2.2], numericColumns: Set(1...(labels.count + 1)))))
        for series in trend.indicators where series.values.contains(where: { $0 != nil }) {
            let percent = series.method.isPercent
            let bounded = percent || series.method == .meanIndex
            blocks.append(.chart(Chart(kind: .line, title: "«\(series.title)» по периодам", categories: labels,
                                       series: [Chart.Series(name: series.title, values: series.values, color: "#4a6fa5")],
                                       maxValue: bounded ? 100 : nil, unit: percent ? "%" : "")))
        }
        blocks.append(.note([.text("Тренд проверен по всем периодам сразу: для долей — критерием Кокрена — Армитиджа, для индексов и сумм баллов — по наклону линейного тренда баллов респондентов (t-критерий). «Значимый» — p < 0,05; подробности — в приложении.")]))
        return blocks
    }

    /// «Доля …»: рост с 61,2 до 74,5 %; тренд значим (p = 0,003) — положительная динамика.»
    func trendSentence(_ series: Trend.Series) -> String {
        let method = method(of: series.id)
        let present = series.values.compactMap { $0 }
        var text = "«\(series.title)»: "
        guard let first = present.first, let last = present.last, present.count >= 2 else {
            return text + "нельзя сравнить: не во всех периодах есть данные."
        }
        let from = RussianWording.figure(first, method: method), to = RussianWording.figure(last, method: method)
        let rounded = from == to
        if rounded { text += "без изменений (\(to))" } else {
            text += (last > first ? "рост" : "снижение") + " с \(Self.withoutUnit(from, method: method)) до \(to)"
        }
        switch series.direction {
        case .up, .down:
            text += "; тренд значим (p\u{00A0}\(Self.pText(series.p)))"
            if let improvement = series.improvement {
                text += improvement ? " — положительная динамика" : " — отрицательная динамика"
                if series.better == .lowerIsBetter { text += improvement ? " (для этого показателя снижение — улучшение)" : " (для этого показателя рост — ухудшение)" }
            }
        case .none: text += "; значимого тренда нет" + (series.p.map { _ in " (p\u{00A0}\(Self.pText(series.p)))" } ?? "")
        case .unknown: text += "; проверить тренд нельзя"
        }
        return text + "."
    }

    func trendVerdict(_ series: Trend.Series) -> String {
        switch series.direction {
        case .up: return series.improvement == false ? "значимый рост (ухудшение)" : "значимый рост"
        case .down: return series.improvement == true ? "значимое снижение (улучшение)" : "значимое снижение"
        case .none: return "без значимого тренда"
        case .unknown: return "нет данных"
        }
    }

    func trendTone(_ series: Trend.Series) -> Tone? {
        switch series.improvement {
        case true?: return .good
        case false?: return .poor
        case nil: return nil
        }
    }

    /// «61,2» from «61,2 %» when the unit follows at the end of the range («с 61,2 до 74,5 %»).
    static func withoutUnit(_ text: String, method: Indicator.Method) -> String {
        method.isPercent && text.hasSuffix("\u{00A0}%") ? String(text.dropLast(2)) : text
    }

    /// «= 0,003» or «< 0,001».
    static func pText(_ p: Double?) -> String {
        let value = RussianWording.pValue(p)
        return value.hasPrefix("<") ? value : "= " + value
    }

    /// The appendix: the test of each trend.
    func trendDetail() -> [Block] {
        guard let trend = input.trend else { return [] }
        let rows = trend.indicators.map { series -> [Cell] in
            let method = method(of: series.id)
            let test = series.test == "cochran_armitage" ? "Кокрена — Армитиджа (z)" : series.test == "linear_trend" ? "линейный тренд (t)" : "—"
            let interval = series.slopeInterval.map { "\(RussianWording.change($0[0], method: method)) … \(RussianWording.change($0[1], method: method))" } ?? "—"
            return [Cell(series.title), Cell(test), Cell(series.statistic.map { RussianNumber.fixed($0, digits: 2) } ?? "—"),
                    Cell(RussianWording.change(series.slope, method: method)), Cell(interval), Cell(RussianWording.pValue(series.p))]
        }
        return [.heading("Тренд \(trendSpan)", level: 2),
                .table(Table(caption: "Тренд показателей: изменение за период (наклон), 95 % ДИ наклона и p",
                             header: ["Показатель", "Критерий", "Статистика", "За период", "95 % ДИ", "p"], rows: rows,
                             columnWidths: [4, 2.4, 1.3, 1.4, 2.4, 1.1], numericColumns: [2, 3, 4, 5]))]
    }

    // MARK: - Levels by group

    /// For every indicator whose levels a `level_share` indicator counts: respondents over its levels
    /// in each group of every breakdown, as 100 % stacked bars (the shown groups only).
    func levelDistributionCharts() -> [Block] {
        var blocks: [Block] = []
        let counted = Set(questionnaire.indicators.compactMap { $0.levelShare?.of })
        for indicator in result.indicators where counted.contains(indicator.id) {
            guard let total = indicator.levelDistribution, let definition = questionnaire.indicators.first(where: { $0.id == indicator.id }) else { continue }
            for breakdown in result.breakdowns {
                let shown = breakdown.groups.filter { !$0.suppressed && $0.key != Analyzer.unspecifiedGroup }
                let distributions = shown.map { group in group.indicators.first { $0.id == indicator.id }?.levelDistribution }
                guard shown.count >= 2 else { continue }
                let categories = ["Все (\(RussianPlural.person(indicator.respondentsScored)))"]
                    + zip(shown, distributions).map { group, levels in "\(group.key) (\(RussianPlural.person(levels?.reduce(0) { $0 + $1.count } ?? 0)))" }
                let colors = Self.levelColors(definition.levels)
                let series = definition.levels.enumerated().map { index, level -> Chart.Series in
                    let values: [Double?] = [total[index].percent] + distributions.map { $0?[index].percent }
                    return Chart.Series(name: level.name + (level.deficit ? " (дефицит)" : ""), values: values, color: colors[index])
                }
                blocks.append(.chart(Chart(kind: .stacked, title: "«\(indicator.title)»: распределение по уровням (\(breakdown.title.lowercased()))",
                                           categories: categories, series: series, maxValue: 100, unit: "%")))
                blocks += suppressionNotes(breakdown)
            }
        }
        return blocks
    }

    /// Colours of levels from the highest: light to dark in print, deficit levels red and darkest.
    static func levelColors(_ levels: [Level]) -> [String] {
        let good = ["#D9F0D3", "#A8D5A2", "#FAD15A", "#F4B183"]
        let bad = ["#C0504D", "#8E1B1B"]
        let fine = levels.filter { !$0.deficit }.count, deficits = levels.count - fine
        var fineColors = fine <= 2 ? Array(good.dropFirst().prefix(fine)) : Array(good.prefix(fine))
        while fineColors.count < fine { fineColors.append(good[good.count - 1]) }
        var badColors = deficits == 1 ? ["#8E1B1B"] : Array(bad.prefix(deficits))
        while badColors.count < deficits { badColors.append(bad[bad.count - 1]) }
        var fi = 0, bi = 0
        return levels.map { level in
            if level.deficit { defer { bi += 1 }; return badColors[bi] }
            defer { fi += 1 }
            return fineColors[fi]
        }
    }
}
