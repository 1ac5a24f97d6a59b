import AnketaCore
import AnketaDocument

extension MunicipalComposer {
    // MARK: - Schools against the rest

    func comparisons() -> [Block] {
        let tested = result.shown.flatMap { school in school.indicators.compactMap { own in own.comparison.map { (school, own, $0) } } }
        guard !tested.isEmpty else { return [] }
        var blocks: [Block] = [.heading("Сравнение школ с остальными школами муниципалитета", level: 1)]
        var any = false
        for item in result.indicators {
            let above = tested.filter { $0.1.id == item.id && $0.2.direction == .above }.map(\.0.name)
            let below = tested.filter { $0.1.id == item.id && $0.2.direction == .below }.map(\.0.name)
            guard !above.isEmpty || !below.isEmpty else { continue }
            any = true
            // For a lower-is-better indicator «ниже» is the good news: the verdict says which it is.
            let reversed = indicator(item.id)?.direction == .lowerIsBetter
            var parts: [String] = []
            if !below.isEmpty { parts.append("значимо ниже остальных\(reversed ? " (это лучше)" : "") — \(below.joined(separator: ", "))") }
            if !above.isEmpty { parts.append("значимо выше остальных\(reversed ? " (это хуже)" : "") — \(above.joined(separator: ", "))") }
            blocks.append(.paragraph([.strong("«\(item.title)»: "), .text(parts.joined(separator: "; ") + ".")]))
        }
        if !any {
            blocks.append(.text("Ни одна школа не отличается от остальных школ муниципалитета статистически значимо (с поправкой Холма): различия между школами укладываются в случайные колебания."))
        }
        blocks.append(.note([.text("Сравнение — по средним баллам респондентов школы и всех остальных показанных школ (t-критерий Уэлча, поправка Холма на число школ по каждому показателю). Разности, доверительные интервалы и p-значения — в приложении.")]))
        return blocks
    }

    // MARK: - Ranking (forest plots)

    func ranking() -> [Block] {
        let shown = result.shown
        guard shown.count >= 2 else { return [] }
        var blocks: [Block] = [.heading("Рейтинг школ с доверительными интервалами", level: 1),
                               .text("Школы упорядочены по среднему баллу респондентов; отрезок — 95-процентный доверительный интервал. Если интервалы двух школ заметно перекрываются, их места в рейтинге случайны: сравнивать школы стоит по значимым отличиям, а не по местам.")]
        for item in result.indicators {
            let ranked = shown.compactMap { school in school.indicators.first { $0.id == item.id }.map { (school, $0) } }
                .filter { $0.1.scoreMean != nil }
                .sorted { ($0.1.scoreMean ?? 0, $1.0.name) > ($1.1.scoreMean ?? 0, $0.0.name) }
            guard ranked.count >= 2 else { continue }
            let unit = MunicipalWording.unit(item.method)
            let chart = Chart(kind: .forest(reference: item.scoreMean), title: "«\(item.title)»: средний балл респондентов по школам",
                              categories: ranked.map(\.0.name),
                              series: [Chart.Series(name: "Среднее", values: ranked.map(\.1.scoreMean), color: "#4a6fa5"),
                                       Chart.Series(name: "Нижняя граница", values: ranked.map { $0.1.interval?.first }, color: "#bfbfbf"),
                                       Chart.Series(name: "Верхняя граница", values: ranked.map { $0.1.interval?.last }, color: "#bfbfbf")],
                              tones: ranked.map { tone(level: $0.1.level, deficit: $0.1.deficit, indicator: item.id) },
                              maxValue: item.method.isPercent || item.method == .meanIndex ? 100 : nil, unit: unit)
            blocks.append(.chart(chart))
            blocks.append(.note([.text("Муниципальное среднее по респондентам — \(MunicipalWording.figure(item.scoreMean, method: item.method)) (пунктирная линия). Цвет точки — уровень показателя школы. Среднее респондентов для долей — средняя доля положительных ответов каждого респондента, поэтому оно может на несколько десятых отличаться от значения показателя в карте дефицитов.")]))
        }
        return blocks
    }

    // MARK: - Appendix

    func appendix() -> [Block] {
        var blocks: [Block] = []
        for item in result.indicators {
            let rows = result.shown.compactMap { school -> [Cell]? in
                guard let own = school.indicators.first(where: { $0.id == item.id }), let test = own.comparison else { return nil }
                let worse = verdict(test, indicator: item.id) == .worse
                let reversed = indicator(item.id)?.direction == .lowerIsBetter
                let label: String = switch test.direction {
                case .above: reversed ? "выше (хуже)" : "выше"
                case .below: reversed ? "ниже (лучше)" : "ниже"
                case .none: "нет"
                }
                return [Cell(school.name), Cell(String(own.scored)), Cell(MunicipalWording.figure(own.scoreMean, method: item.method)),
                        Cell(MunicipalWording.change(test.difference, method: item.method)),
                        Cell(MunicipalWording.interval([test.lower, test.upper], method: item.method)),
                        Cell(MunicipalWording.pValue(test.p)), Cell(MunicipalWording.pValue(test.pHolm)),
                        Cell(label, tone: worse ? .poor : test.direction == .none ? nil : .good)]
            }
            guard !rows.isEmpty else { continue }
            blocks.append(.table(Table(caption: "«\(item.title)»: школа против остальных школ", header: ["Школа", "n", "Среднее", "Разность", "95 % ДИ разности", "p", "p (Холм)", "Значимо"],
                                       rows: rows, columnWidths: [2.4, 0.6, 1.1, 1.3, 1.9, 0.9, 0.9, 0.9], numericColumns: [1, 2, 3, 4, 5, 6])))
        }
        guard !blocks.isEmpty else { return [] }
        return [.pageBreak, .heading("Приложение. Сравнение каждой школы с остальными", level: 1),
                .note([.text("t-критерий Уэлча по баллам респондентов. n — респонденты школы с оценкой по показателю; среднее — средний балл её респондентов; разность — среднее школы минус среднее остальных показанных школ, с 95-процентным доверительным интервалом; p (Холм) — с поправкой Холма на число школ, сравниваемых по этому показателю; «значимо» — p (Холм) < 0,05.")])] + blocks
    }
}
