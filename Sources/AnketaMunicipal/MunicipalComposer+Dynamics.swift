import AnketaCore
import AnketaDocument

extension MunicipalComposer {
    // MARK: - Change from the previous wave

    /// The municipality's change of every indicator in words, then one table: each school's
    /// change per indicator, significant improvements and worsenings named and toned.
    func dynamicsSection() -> [Block] {
        guard let dynamics = input.dynamics, !dynamics.municipal.isEmpty else { return [] }
        let items = result.indicators
        var lines: [[Inline]] = []
        for entry in dynamics.municipal {
            guard let item = items.first(where: { $0.id == entry.id }), entry.previous != nil || entry.current != nil else { continue }
            let said: String = switch entry.improvement {
            case true?: "значимое улучшение"
            case false?: "значимое ухудшение"
            case nil: entry.change == nil ? "сравнить нельзя" : "изменение незначимо"
            }
            lines.append([.strong("«\(item.title)»: "),
                          .text("\(MunicipalWording.figure(entry.previous, method: item.method)) → \(MunicipalWording.figure(entry.current, method: item.method))"
                                + (entry.change.map { " (\(MunicipalWording.change($0, method: item.method)))" } ?? "") + " — \(said).")])
        }
        var blocks: [Block] = [.heading("Динамика по сравнению с волной «\(dynamics.previousWave)»", level: 1),
                               .text("Муниципальные значения (по всем респондентам показанных школ каждой волны):"),
                               .list(lines, ordered: false)]
        guard !dynamics.schools.isEmpty else { return blocks }
        let rows = dynamics.schools.map { school -> [Cell] in
            [Cell(school.name)] + items.map { item in
                guard let entry = school.indicators.first(where: { $0.id == item.id }), let change = entry.change else { return Cell("—") }
                // Without «п. п.» (the caption says it): seven indicators must fit across the page.
                let text = RussianNumber.signed(change, digits: item.method == .meanScore ? 2 : 1)
                switch entry.improvement {
                case true?: return Cell(text + "\nлучше", tone: .good)
                case false?: return Cell(text + "\nхуже", tone: .poor)
                case nil: return Cell(text)
                }
            }
        }
        let better = dynamics.schools.filter { $0.indicators.contains { $0.improvement == true } }.count
        let worse = dynamics.schools.filter { $0.indicators.contains { $0.improvement == false } }.count
        func schools(_ count: Int) -> String { "в \(count) \(RussianPlural("школе", "школах", "школах").form(count))" }
        blocks.append(.text(better + worse == 0
            ? "Ни в одной школе показатели не изменились значимо (с поправкой Холма на число школ)."
            : "Значимое улучшение хотя бы одного показателя — \(better > 0 ? schools(better) : "ни в одной школе"); значимое ухудшение — \(worse > 0 ? schools(worse) : "ни в одной школе")."))
        let columns = indicatorColumns(items)
        if let key = columns.key { blocks.append(key) }
        blocks.append(.table(Table(caption: "Изменение показателей школ по сравнению с волной «\(dynamics.previousWave)»" + (items.contains { $0.method.isPercent } ? " (для долей — в процентных пунктах)" : ""),
                                   header: ["Организация"] + columns.headers, rows: rows,
                                   columnWidths: [2.6] + items.map { _ in 1.5 }, numericColumns: Set(1...max(1, items.count)))))
        blocks.append(.note([.text("Изменение — значение волны «\(dynamics.currentWave)» минус значение волны «\(dynamics.previousWave)» (для долей — в процентных пунктах). «лучше» / «хуже» — значимое изменение (t-критерий Уэлча по баллам респондентов, как в справке школы, с поправкой Холма на число школ); для показателей, где лучше меньшее значение, «лучше» — снижение. В таблице — школы, показанные в обеих волнах.")]))
        return blocks
    }
}
