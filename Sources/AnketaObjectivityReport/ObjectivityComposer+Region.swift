import AnketaCore
import AnketaDocument
import AnketaObjectivity

extension ObjectivityComposer {
    // MARK: - Mean score against the region

    /// The school's mean primary score against the region's mean (ОГЭ, ЕГЭ). Nothing without `region_means`.
    func regionalMeansSection() -> [Block] {
        guard !analysis.regionalMeans.isEmpty else { return [] }
        var rows: [[Cell]] = []
        var items: [[Inline]] = []
        for m in analysis.regionalMeans {
            let name = "\(m.subject) (\(m.procedure == .test ? "контрольная" : m.procedure.rawValue)), \(m.grade)\u{00A0}кл."
            let significant = (m.test?.pValue ?? 1) < 0.05
            let tone: Tone? = significant ? (m.difference < 0 ? .poor : .good) : nil
            rows.append([Cell(name), Cell(String(m.n)), Cell(RussianNumber.fixed(m.mean, digits: 1), tone: tone),
                         Cell(RussianNumber.fixed(m.regionMean, digits: 1)), Cell(RussianNumber.signed(m.difference, digits: 1), tone: tone),
                         Cell(m.test.map { "\(RussianNumber.fixed($0.lower + m.regionMean, digits: 1))–\(RussianNumber.fixed($0.upper + m.regionMean, digits: 1))" } ?? "—"),
                         Cell(m.test.map { $0.pValue < 0.001 ? "< 0,001" : RussianNumber.fixed($0.pValue, digits: 3) } ?? "—")])
            var text = "\(name): средний первичный балл \(RussianNumber.fixed(m.mean, digits: 1)) при региональном \(RussianNumber.fixed(m.regionMean, digits: 1)); "
            if let test = m.test, test.pValue < 0.05 {
                text += "средний балл школы статистически значимо \(m.difference < 0 ? "ниже" : "выше") регионального (\(W.p(test.pValue)))."
            } else {
                text += "статистически значимого различия с регионом нет\(m.test.map { " (\(W.p($0.pValue)))" } ?? "")."
            }
            text += " Выше регионального среднего — \(m.above) из \(m.n)."
            items.append([.text(text)])
        }
        return [.heading("Средний балл и региональный средний балл", level: 1),
                .list(items, ordered: false),
                .table(Table(caption: "Средний первичный балл обучающихся школы и региона",
                             header: ["Предмет, параллель", "Кол-во", "Средний балл школы", "Средний балл региона", "Разница", "95 % ДИ школы", "p"],
                             rows: rows, columnWidths: [4.2, 1.4, 2.0, 2.0, 1.7, 2.4, 1.5], numericColumns: Set(1...6))),
                .note([.text("Сравнение — одновыборочный t-критерий: отличается ли средний балл обучающихся школы от регионального (p < 0,05 — различие статистически значимо; ниже регионального — красным, выше — зелёным). Региональные средние — из описания файла результатов.")])]
    }

    // MARK: - Classes against the region

    /// Each class's external marks against the region's distribution for its grade.
    func regionalClassesTable() -> [Block] {
        guard !analysis.regionalClasses.isEmpty else { return [] }
        let external = W.markName(input.procedures)
        let rows = analysis.regionalClasses.map { r -> [Cell] in
            let significant = (r.test?.pValue ?? 1) < 0.05
            let low = r.shares[0] + r.shares[1], regionLow = r.regionShares[0] + r.regionShares[1]
            return [Cell("\(r.subject), \(r.className ?? "")"), Cell(String(r.n))]
                + r.shares.map { Cell(RussianNumber.percent($0 * 100)) }
                + [Cell(RussianNumber.percent(low * 100), bold: significant), Cell(RussianNumber.percent(regionLow * 100)),
                   Cell(r.test.map { $0.pValue < 0.001 ? "< 0,001" : RussianNumber.fixed($0.pValue, digits: 3) } ?? "—", tone: significant ? (low > regionLow ? .poor : .fair) : nil)]
        }
        return [.table(Table(caption: "Распределение отметок \(external) по классам в сравнении с регионом",
                             header: ["Предмет, класс", "Кол-во", "«2»", "«3»", "«4»", "«5»", "«2» и «3» в классе", "«2» и «3» в регионе", "p"],
                             rows: rows, columnWidths: [3.9, 1.3, 1.3, 1.3, 1.3, 1.3, 1.7, 1.7, 1.4], numericColumns: Set(1...8))),
                .note([.text("p — критерий согласия хи-квадрат для класса против регионального распределения его параллели; красным — значимое отличие с большей, чем в регионе, долей «2» и «3», жёлтым — значимое отличие в другую сторону (отметок «2» и «3» меньше, чем в регионе). В классе обычно меньше 30 обучающихся, поэтому ожидаемые числа малы и вывод приблизителен.")])]
    }
}
