import AnketaCore
import AnketaDocument

extension CertificateComposer {
    /// The school's figures beside the benchmark (the municipal value), one row per indicator.
    func benchmarkSection() -> [Block] {
        guard publishable, let benchmark = input.benchmark, !benchmark.indicators.isEmpty else { return [] }
        let rows = result.indicators.compactMap { indicator -> [Cell]? in
            guard let entry = benchmark.indicators.first(where: { $0.id == indicator.id }) else { return nil }
            let method = indicator.method
            var difference = "—"
            if let own = indicator.figure, let other = entry.figure { difference = RussianWording.change(own - other, method: method) }
            let tone = tone(level: indicator.level, deficit: indicator.deficit, levels: levels(of: indicator.id))
            return [Cell(indicator.title), Cell(RussianWording.figure(indicator.figure, method: method), tone: tone),
                    Cell(RussianWording.figure(entry.figure, method: method)), Cell(difference), Cell(entry.verdict ?? "—")]
        }
        guard !rows.isEmpty else { return [] }
        let school = (input.profile?.shortName ?? input.organization ?? "Школа").replacingOccurrences(of: "№ ", with: "№\u{00A0}")
        return [.heading("Сравнение с муниципальным значением", level: 2),
                .table(Table(caption: "Показатели школы и \(benchmark.title.lowercased())",
                             header: ["Показатель", school, benchmark.title, "Разница", "Сравнение с другими школами"],
                             rows: rows, columnWidths: [4, 1.4, 1.6, 1.4, 2.2], numericColumns: [1, 2, 3])),
                .note([.text(benchmark.note)])]
    }
}
