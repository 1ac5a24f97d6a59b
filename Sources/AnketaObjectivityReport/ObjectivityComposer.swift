import AnketaCore
import AnketaDocument
import AnketaObjectivity
import AnketaResults

/// Composes the справка «Об объективности оценивания» as a format-neutral ``Document``, in the
/// conventions of the survey справка: цель, участники, методика, results by subject and class with
/// a diverging chart of «понизили / подтвердили / повысили», выводы, management decisions, the
/// signature block and an appendix with intervals and tests. Numbers are rounded here, never in the
/// JSON or CSV figures.
public struct ObjectivityComposer: Sendable {
    public let input: ObjectivityReportInput
    /// The management decisions (edited or drafted).
    public let decisions: DecisionList

    public init(_ input: ObjectivityReportInput) {
        self.input = input
        decisions = input.decisions ?? ObjectivityDecisions.draft(input)
    }

    var analysis: ObjectivityAnalysis { input.analysis }
    var definition: ResultsDefinition { input.definition }
    typealias W = ObjectivityWording

    public func compose() -> Document {
        var blocks: [Block] = []
        blocks += introduction()
        blocks += subjectsSection()
        for subject in analysis.subjects { blocks += classSection(subject) }
        blocks += conclusions()
        blocks += decisionsSection()
        blocks += signature()
        blocks += appendix()
        var subtitle: [String] = []
        if let organization = definition.organization { subtitle.append(organization) }
        let procedures = input.procedures.map(W.genitive).joined(separator: ", ")
        subtitle.append("по результатам \(procedures) и отметкам школы (\(definition.schoolMarkName))")
        if let year = definition.academicYear { subtitle.append("\(year) учебный год") }
        subtitle.append(input.date)
        return Document(title: "Аналитическая справка об объективности оценивания", subtitle: subtitle, blocks: blocks)
    }

    // MARK: - Introduction

    func introduction() -> [Block] {
        let procedures = input.procedures.map(W.genitive).joined(separator: ", ")
        var blocks: [Block] = [
            .paragraph([.strong("Цель: "), .text("сопоставить отметки, выставленные в школе (\(definition.schoolMarkName)), с результатами \(procedures), выявить классы и предметы с признаками необъективного оценивания и определить управленческие решения.")]),
        ]
        var participants = "\(W.student(input.students)) \(input.classes == 1 ? "одного класса" : "из \(W.schoolClass(input.classes))"), \(W.result(input.rows.count)) по \(W.subject(analysis.subjects.count)) (\(analysis.subjects.map { W.title($0.scope) }.joined(separator: "; ")))."
        if input.rejected > 0 {
            participants += " Не учтено \(RussianPlural.row(input.rejected)) файла «\(input.source)» с ошибками (список — в файле отклонённых строк)."
        }
        blocks.append(.paragraph([.strong("Участники: "), .text(participants)]))
        let t = definition.thresholds
        let method = "для каждого обучающегося отметка \(W.markName(input.procedures)) сравнивается с отметкой школы: ниже — «понизили», равна — «подтвердили», выше — «повысили». "
            + "Доли приводятся с 95-процентным доверительным интервалом (метод Уилсона). Согласованность отметок оценена коэффициентом ранговой корреляции Спирмена, различие средних отметок — парным t-критерием и критерием Уилкоксона. "
            + "Класс отмечается как класс с признаками завышения отметок, если доля «понизили» больше \(W.percent(t.lowered)) или доля несовпадений (понизили и повысили вместе) больше \(W.percent(t.mismatch)); классы меньше \(t.minStudents) обучающихся не отмечаются. Статистические характеристики — в приложении."
        blocks.append(.paragraph([.strong("Методика: "), .text(method)]))
        return blocks
    }

    // MARK: - Results

    func subjectsSection() -> [Block] {
        let external = W.markName(input.procedures)
        var rows = analysis.subjects.map { group -> [Cell] in
            [Cell(W.title(group.scope)), Cell(String(group.n)), Cell(W.percent(group.lowered.share)), Cell(W.percent(group.confirmed.share)),
             Cell(W.percent(group.raised.share)), Cell(RussianNumber.fixed(group.meanSchool, digits: 2)),
             Cell(RussianNumber.fixed(group.meanExternal, digits: 2)), Cell(group.spearman.map { RussianNumber.fixed($0.rho, digits: 2) } ?? "—")]
        }
        if analysis.subjects.count > 1, let overall = analysis.overall {
            rows.append([Cell("Всего", bold: true), Cell(String(overall.n), bold: true), Cell(W.percent(overall.lowered.share), bold: true),
                         Cell(W.percent(overall.confirmed.share), bold: true), Cell(W.percent(overall.raised.share), bold: true),
                         Cell(RussianNumber.fixed(overall.meanSchool, digits: 2), bold: true),
                         Cell(RussianNumber.fixed(overall.meanExternal, digits: 2), bold: true),
                         Cell(overall.spearman.map { RussianNumber.fixed($0.rho, digits: 2) } ?? "—", bold: true)])
        }
        return [.heading("Результаты по предметам", level: 1),
                .table(Table(caption: "Сопоставление отметок \(external) с отметками школы по предметам",
                             header: ["Предмет", "Обучающихся", "Понизили", "Подтвердили", "Повысили", "Средняя отметка школы",
                                      "Средняя отметка \(external)", "Корреляция (ρ)"],
                             rows: rows, columnWidths: [3, 1.4, 1.3, 1.5, 1.3, 1.5, 1.5, 1.4], numericColumns: Set(1...7)))]
    }

    func classSection(_ subject: ObjectivityGroup) -> [Block] {
        let classes = analysis.classes.filter { $0.scope.procedure == subject.scope.procedure && $0.scope.subject == subject.scope.subject }
        guard !classes.isEmpty else { return [] }
        let external = W.markName(subject.scope.procedure.map { [$0] } ?? input.procedures)
        let chart = Chart(kind: .divergingStacked(neutralSeries: 1), title: "\(W.title(subject.scope)): понизили, подтвердили и повысили отметку, % обучающихся",
                          categories: classes.map { $0.scope.className ?? "" },
                          series: [
                              Chart.Series(name: "Понизили", values: classes.map { $0.lowered.share * 100 }, color: "#C0504D"),
                              Chart.Series(name: "Подтвердили", values: classes.map { $0.confirmed.share * 100 }, color: "#BFBFBF"),
                              Chart.Series(name: "Повысили", values: classes.map { $0.raised.share * 100 }, color: "#4F81BD"),
                          ], maxValue: 100, unit: "%")
        let rows = classes.map { group -> [Cell] in
            let flagged = !group.flags.isEmpty
            return [Cell(group.scope.className ?? "", bold: flagged), Cell(String(group.n)),
                    Cell(W.percent(group.lowered.share), tone: group.flags.contains(.lowered) ? .poor : nil),
                    Cell(W.percent(group.confirmed.share)),
                    Cell(W.percent(group.raised.share)),
                    Cell(RussianNumber.fixed(group.meanSchool, digits: 2)), Cell(RussianNumber.fixed(group.meanExternal, digits: 2)),
                    Cell(RussianNumber.signed(group.meanDifference, digits: 2), tone: group.flags.contains(.mismatch) ? .fair : nil),
                    Cell(flagged ? "признаки завышения" : "—", tone: flagged ? .poor : nil)]
        }
        return [.heading(W.title(subject.scope), level: 2),
                .chart(chart),
                .table(Table(caption: "\(W.title(subject.scope)) по классам",
                             header: ["Класс", "Обучающихся", "Понизили", "Подтвердили", "Повысили", "Средняя отметка школы",
                                      "Средняя отметка \(external)", "Разница", "Оценка"],
                             rows: rows, columnWidths: [1, 1.4, 1.3, 1.5, 1.3, 1.5, 1.5, 1.2, 2], numericColumns: Set(1...7))),
                .note([.text("Разница — средняя отметка \(external) минус средняя отметка школы; отрицательная разница означает, что внешняя оценка ниже школьной. Красным отмечена доля «понизили» выше порога \(W.percent(definition.thresholds.lowered)).")])]
    }

    // MARK: - Conclusions

    /// Выводы in words: the overall picture, agreement, then every flagged class, the worst first.
    func conclusionItems() -> [String] {
        var items: [String] = []
        let external = W.markName(input.procedures)
        if let overall = analysis.overall {
            items.append("В целом \(external) подтвердили отметки школы у \(W.percent(overall.confirmed.share)) обучающихся, понизили — у \(W.percent(overall.lowered.share)), повысили — у \(W.percent(overall.raised.share)).")
        }
        for subject in analysis.subjects {
            var text = "\(W.title(subject.scope)): "
            if let rho = subject.spearman {
                text += "связь отметок школы и \(external) \(W.strength(rho.rho)) (ρ = \(RussianNumber.fixed(rho.rho, digits: 2)))"
            } else {
                text += "связь отметок оценить нельзя (отметки не различаются)"
            }
            if let test = subject.pairedT, test.pValue < 0.05, subject.meanDifference != 0 {
                let direction = subject.meanDifference < 0 ? "ниже" : "выше"
                text += "; средняя отметка \(external) \(direction) школьной на \(RussianNumber.fixed(abs(subject.meanDifference), digits: 2)) \(W.point.form(2)), различие статистически значимо (\(W.p(test.pValue)))."
            } else {
                text += "; средние отметки \(external) и школы статистически значимо не различаются."
            }
            items.append(text)
        }
        let flagged = analysis.flagged
        if flagged.isEmpty {
            items.append("Классов с признаками завышения отметок не выявлено: ни в одном классе доля «понизили» не превышает \(W.percent(definition.thresholds.lowered)), а доля несовпадений — \(W.percent(definition.thresholds.mismatch)).")
        }
        for group in flagged {
            let name = "\(group.scope.className ?? "") класс, \(W.title(group.scope))"
            var text = "\(name): \(external) понизили отметки у \(W.percent(group.lowered.share)) обучающихся (95 % ДИ \(W.interval(group.lowered)), \(group.lowered.count) из \(group.n))"
            if group.flags.contains(.lowered) {
                text += " при пороге \(W.percent(definition.thresholds.lowered))"
            }
            text += "; средняя отметка школы \(RussianNumber.fixed(group.meanSchool, digits: 2)), \(external) — \(RussianNumber.fixed(group.meanExternal, digits: 2)). "
            text += group.lowered.lower > definition.thresholds.lowered
                ? "Признак завышения отметок: превышение порога устойчиво (нижняя граница интервала выше порога)."
                : "Признак возможного завышения отметок; класс невелик, превышение порога может быть случайным — нужна проверка работ."
            items.append(text)
        }
        return items
    }

    func conclusions() -> [Block] {
        [.heading("Выводы", level: 1), .list(conclusionItems().map { [.text($0)] }, ordered: false)]
    }

    // MARK: - Decisions and signature

    func decisionsSection() -> [Block] {
        guard !decisions.decisions.isEmpty else { return [] }
        let rows = decisions.decisions.enumerated().map { index, decision -> [Cell] in
            let responsible = decision.person.map { "\(W.capitalized(decision.responsible)) \($0)" } ?? W.capitalized(decision.responsible)
            return [Cell(String(index + 1)), Cell(decision.problem), Cell(decision.action), Cell(decision.deadline), Cell(responsible),
                    Cell(W.capitalized(decision.document))]
        }
        return [.heading("Управленческие решения", level: 1),
                .table(Table(header: ["№", "Проблема", "Мероприятие", "Срок", "Ответственный", "Итоговый документ"], rows: rows,
                             columnWidths: [0.5, 3.2, 4.2, 1.5, 1.8, 1.8], numericColumns: [0]))]
    }

    func signature() -> [Block] {
        [.paragraph([.text("Справку подготовил(а): заместитель директора по УВР ______________ / И. О. Фамилия")]),
         .paragraph([.text("Дата: \(input.date)")]),
         .paragraph([.text("Рассмотрено на педагогическом совете, протокол № ____ от «___» ______________ 20___ г.")])]
    }

    // MARK: - Appendix

    func appendix() -> [Block] {
        let external = W.markName(input.procedures)
        var groups = analysis.subjects.flatMap { subject in
            [subject] + analysis.classes.filter { $0.scope.procedure == subject.scope.procedure && $0.scope.subject == subject.scope.subject }
        }
        if analysis.subjects.count > 1, let overall = analysis.overall { groups.append(overall) }
        let rows = groups.map { group -> [Cell] in
            let name = group.scope.className.map { "  \($0)" } ?? (group.scope.subject == nil ? "Всего" : W.title(group.scope))
            let bold = group.scope.className == nil
            let rho = group.spearman
            let rhoText = rho.map { r in
                let bounds = (r.lower != nil && r.upper != nil) ? " [\(RussianNumber.fixed(r.lower!, digits: 2)); \(RussianNumber.fixed(r.upper!, digits: 2))]" : ""
                return RussianNumber.fixed(r.rho, digits: 2) + bounds
            } ?? "—"
            let tText = group.pairedT.map { t in
                t.t.isFinite ? "\(RussianNumber.fixed(t.t, digits: 2)); \(W.p(t.pValue))" : "—"
            } ?? "—"
            let wText = group.wilcoxon.map { w in "\(RussianNumber.fixed(w.z, digits: 2)); \(W.p(w.pValue))" } ?? "—"
            return [Cell(name, bold: bold), Cell(String(group.n)), Cell(W.interval(group.lowered)), Cell(W.interval(group.raised)),
                    Cell(RussianNumber.signed(group.meanDifference, digits: 2)), Cell(tText), Cell(wText), Cell(rhoText)]
        }
        return [.pageBreak,
                .heading("Приложение. Статистические характеристики", level: 1),
                .table(Table(header: ["Группа", "n", "Понизили, 95 % ДИ", "Повысили, 95 % ДИ", "Разница средних", "Парный t; p", "Уилкоксон z; p", "ρ Спирмена [95 % ДИ]"],
                             rows: rows, columnWidths: [2.2, 0.8, 1.8, 1.8, 1.2, 1.8, 1.8, 2], numericColumns: Set(1...7))),
                .note([.text("Разница средних — отметка \(external) минус отметка школы. 95 % ДИ долей — интервал Уилсона; интервал ρ — через z-преобразование Фишера (σ = 1/√(n − 3)); z критерия Уилкоксона — нормальное приближение с поправкой на связи, без поправки на непрерывность, нулевые разности исключены. Значения p двусторонние. Источник данных — файл «\(input.source)».")])]
    }
}
