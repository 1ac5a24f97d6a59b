import AnketaCore
import AnketaDocument
import AnketaReports
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
        blocks += teacherSection()
        blocks += attitudesSection()
        blocks += weightedSection()
        blocks += regionalSection()
        blocks += regionalMeansSection()
        if let nonSurvey = input.nonSurvey { blocks += NonSurveySection(nonSurvey).blocks() }
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
        let subjects = analysis.subjects.map { W.title($0.scope) }.joined(separator: ", ")
        var participants = "\(W.student(input.students)) \(input.classes == 1 ? "одного класса" : "из \(W.schoolClass(input.classes))"), \(W.result(input.rows.count)) по \(analysis.subjects.count == 1 ? "предмету" : "предметам"): \(subjects)."
        if input.rejected > 0 {
            participants += " Строк файла «\(input.source)» с ошибками, не вошедших в расчёт: \(input.rejected) (список — в файле отклонённых строк)."
        }
        blocks.append(.paragraph([.strong("Участники: "), .text(participants)]))
        let t = definition.thresholds
        let method = "для каждого обучающегося отметка \(W.markName(input.procedures)) сравнивается с отметкой школы: ниже — «понизили», равна — «подтвердили», выше — «повысили». "
            + "Доли приводятся с 95-процентным доверительным интервалом (метод Уилсона). Согласованность отметок оценена коэффициентом ранговой корреляции Спирмена, различие средних отметок — парным t-критерием и критерием Уилкоксона. "
            + "Класс отмечается как класс с признаками завышения отметок, если доля «понизили» больше \(W.threshold(t.lowered)) или доля несовпадений (понизили и повысили вместе) больше \(W.threshold(t.mismatch)); классы меньше \(t.minStudents) обучающихся не отмечаются. Статистические характеристики — в приложении."
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
                             header: ["Предмет", "Кол-во", "Понизили", "Подтвердили", "Повысили", "Средняя отметка школы",
                                      "Средняя отметка \(external)", "ρ"],
                             rows: rows, columnWidths: [2.6, 1.5, 2.1, 2.7, 2.1, 2.0, 2.0, 1.0], numericColumns: Set(1...7))),
                .note([.text("ρ — коэффициент ранговой корреляции Спирмена между отметками школы и \(external): чем ближе к 1, тем согласованнее отметки.")])]
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
            return [Cell(group.scope.className ?? "", tone: flagged ? .poor : nil, bold: flagged), Cell(String(group.n)),
                    Cell(W.percent(group.lowered.share), tone: group.flags.contains(.lowered) ? .poor : nil),
                    Cell(W.percent(group.confirmed.share)),
                    Cell(W.percent(group.raised.share)),
                    Cell(RussianNumber.fixed(group.meanSchool, digits: 2)), Cell(RussianNumber.fixed(group.meanExternal, digits: 2)),
                    Cell(RussianNumber.signed(group.meanDifference, digits: 2), tone: group.flags.contains(.mismatch) ? .fair : nil)]
        }
        return [.heading(W.title(subject.scope), level: 2),
                .chart(chart),
                .chart(markScatter(subject, external: external)),
                .note([.text("Каждый кружок — обучающиеся с одной и той же парой отметок: число — их количество, площадь кружка растёт с ним. Серые кружки на диагонали — отметки совпали («подтвердили»); красные, ниже диагонали, — «понизили» (отметка \(external) ниже отметки школы); синие, выше диагонали, — «повысили».")]),
                .table(Table(caption: "\(W.title(subject.scope)) по классам",
                             header: ["Класс", "Кол-во", "Понизили", "Подтвердили", "Повысили", "Средняя отметка школы",
                                      "Средняя отметка \(external)", "Разница"],
                             rows: rows, columnWidths: [1.5, 1.7, 2.1, 2.7, 2.1, 2.0, 2.0, 1.9], numericColumns: Set(1...7))),
                .note([.text("Красным выделены классы с признаками завышения отметок и доля «понизили» выше порога \(W.threshold(definition.thresholds.lowered)); жёлтым — разница средних при доле несовпадений выше \(W.threshold(definition.thresholds.mismatch)). Разница — средняя отметка \(external) минус средняя отметка школы; отрицательная разница означает, что внешняя оценка ниже школьной.")])]
    }

    /// School marks (across) against external marks (up) for a subject: a bubble per pair of
    /// marks with the number of students, coloured as «понизили / подтвердили / повысили».
    func markScatter(_ subject: ObjectivityGroup, external: String) -> Chart {
        let marks = MarkCrossTable.marks.map(String.init)
        var bubbles: [Chart.Bubble] = []
        for (x, school) in MarkCrossTable.marks.enumerated() {
            for (y, mark) in MarkCrossTable.marks.enumerated() {
                let count = subject.crossTable.count(school: school, external: mark)
                guard count > 0 else { continue }
                bubbles.append(Chart.Bubble(x: x, y: y, count: Double(count), series: mark < school ? 0 : mark == school ? 1 : 2))
            }
        }
        return Chart.bubble(title: "\(W.title(subject.scope)): отметки школы и \(external), число обучающихся",
                            xTitle: "Отметка школы", yTitle: "Отметка \(external)", xCategories: marks, yCategories: marks,
                            series: [Chart.Series(name: "Понизили", values: [], color: "#C0504D"),
                                     Chart.Series(name: "Подтвердили", values: [], color: "#BFBFBF"),
                                     Chart.Series(name: "Повысили", values: [], color: "#4F81BD")],
                            bubbles: bubbles)
    }

    // MARK: - Weighted average mark

    /// «Средневзвешенный балл»: per subject and class, the plain and weighted means of the journal
    /// marks beside the school and external marks, and how often the term mark is above the
    /// weighted average. Nothing when the file has no journal marks.
    func weightedSection() -> [Block] {
        let groups = analysis.subjects.flatMap { subject in
            [subject] + analysis.classes.filter { $0.scope.procedure == subject.scope.procedure && $0.scope.subject == subject.scope.subject }
        }.filter { $0.weighted != nil }
        guard !groups.isEmpty else { return [] }
        let external = W.markName(input.procedures)
        let rows = groups.compactMap { group -> [Cell]? in
            guard let w = group.weighted else { return nil }
            let bold = group.scope.className == nil
            let name = group.scope.className.map { "  \($0)" } ?? W.title(group.scope)
            func rho(_ value: Double?) -> String { value.map { RussianNumber.fixed($0, digits: 2) } ?? "—" }
            return [Cell(name, bold: bold), Cell(String(w.n)), Cell(RussianNumber.fixed(w.meanPlain, digits: 2)),
                    Cell(RussianNumber.fixed(w.meanWeighted, digits: 2)), Cell(RussianNumber.fixed(w.meanSchool, digits: 2)),
                    Cell(RussianNumber.fixed(w.meanExternal, digits: 2)),
                    Cell(W.percent(w.schoolAbove.share), tone: group.scope.className != nil && w.schoolAbove.share > definition.thresholds.lowered ? .poor : nil),
                    Cell(rho(w.weightedVsExternal?.rho)), Cell(rho(w.schoolVsExternal?.rho))]
        }
        let weights = definition.journal.map { "\($0.name) — \(RussianNumber.plain($0.weight))" }.joined(separator: ", ")
        var items: [String] = []
        for subject in analysis.subjects {
            guard let w = subject.weighted else { continue }
            var text = "\(W.title(subject.scope)): средневзвешенный балл \(RussianNumber.fixed(w.meanWeighted, digits: 2)) при среднем арифметическом \(RussianNumber.fixed(w.meanPlain, digits: 2)) и средней отметке школы \(RussianNumber.fixed(w.meanSchool, digits: 2)); отметка школы выше средневзвешенного балла у \(W.percent(w.schoolAbove.share)) обучающихся (\(w.schoolAbove.count) из \(w.n)), ниже — у \(W.percent(w.schoolBelow.share))."
            if let weighted = w.weightedVsExternal, let school = w.schoolVsExternal {
                let closer = weighted.rho > school.rho ? "теснее, чем" : weighted.rho < school.rho ? "слабее, чем" : "так же, как"
                text += " Средневзвешенный балл связан с отметкой \(external) \(closer) отметка школы (ρ = \(RussianNumber.fixed(weighted.rho, digits: 2)) и \(RussianNumber.fixed(school.rho, digits: 2)))."
            }
            items.append(text)
        }
        return [.heading("Средневзвешенный балл", level: 1),
                .paragraph([.text("Средневзвешенный балл обучающегося рассчитан по отметкам журнала с весами видов работ (\(weights)): сумма произведений отметок на веса, делённая на сумму весов. Отметка, которую он подтверждает, — средневзвешенный балл, округлённый по правилам арифметики (3,5 — «4»).")]),
                .list(items.map { [.text($0)] }, ordered: false),
                .table(Table(caption: "Средневзвешенный балл, отметки школы и \(external)",
                             header: ["Предмет, класс", "Кол-во", "Среднее арифм.", "Средне-взвеш. балл", "Отметка школы", "Отметка \(external)",
                                      "Школа выше", "ρ средне-взвеш. и \(external)", "ρ школы и \(external)"],
                             rows: rows, columnWidths: [3.0, 1.3, 1.7, 1.8, 1.7, 1.7, 1.5, 1.9, 1.6], numericColumns: Set(1...8))),
                .note([.text("Средние — по обучающимся, у которых есть отметки в журнале. «Школа выше» — доля обучающихся, чья \(definition.schoolMarkName) выше округлённого средневзвешенного балла; красным — классы, где она больше \(W.threshold(definition.thresholds.lowered)). ρ — коэффициент корреляции Спирмена с отметкой \(external).")])]
    }

    // MARK: - Region

    /// The school's external marks against the region's distribution, per subject and grade.
    func regionalSection() -> [Block] {
        guard !analysis.regional.isEmpty else { return [] }
        let external = W.markName(input.procedures)
        var rows: [[Cell]] = []
        for r in analysis.regional {
            let name = "\(r.subject), \(r.grade)\u{00A0}кл."
            let significant = (r.test?.pValue ?? 1) < 0.05
            func shares(_ values: [Double]) -> [Cell] { values.map { Cell(RussianNumber.percent($0 * 100)) } }
            let p = r.test.map { $0.pValue < 0.001 ? "< 0,001" : RussianNumber.fixed($0.pValue, digits: 3) } ?? "—"
            rows.append([Cell(name, bold: true), Cell("школа"), Cell(String(r.n))] + shares(r.shares)
                        + [Cell(r.test.map { RussianNumber.fixed($0.statistic, digits: 2) } ?? "—"), Cell(p, tone: significant ? .fair : nil)])
            rows.append([Cell(""), Cell("регион"), Cell("")] + shares(r.regionShares) + [Cell(""), Cell("")])
        }
        var items: [String] = []
        for r in analysis.regional {
            guard let test = r.test else { continue }
            let name = "\(r.subject), \(r.grade)-е классы"
            var text: String
            if test.pValue < 0.05 {
                let low = r.shares[0] + r.shares[1], regionLow = r.regionShares[0] + r.regionShares[1]
                text = "\(name): распределение отметок \(external) статистически значимо отличается от регионального (\(W.p(test.pValue))); доля отметок «2» и «3» — \(RussianNumber.percent(low * 100)) против \(RussianNumber.percent(regionLow * 100)) в регионе."
            } else {
                text = "\(name): распределение отметок \(external) статистически значимо не отличается от регионального (\(W.p(test.pValue)))."
            }
            if test.minExpected < 5 { text += " Ожидаемые числа отдельных отметок меньше 5, вывод приблизителен." }
            items.append(text)
        }
        return [.heading("Сравнение с регионом", level: 1),
                .list(items.map { [.text($0)] }, ordered: false),
                .table(Table(caption: "Распределение отметок \(external) в школе и в регионе",
                             header: ["Предмет, параллель", "", "Кол-во", "«2»", "«3»", "«4»", "«5»", "χ²", "p"],
                             rows: rows, columnWidths: [3.8, 1.5, 1.3, 1.5, 1.5, 1.5, 1.5, 1.3, 1.4], numericColumns: Set(2...8))),
                .note([.text("χ² — критерий согласия Пирсона: отличается ли распределение отметок обучающихся школы от регионального (p < 0,05 — различие статистически значимо, выделено жёлтым). Региональные доли — из описания файла результатов.")])]
            + regionalClassesTable()
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
            items.append("Классов с признаками завышения отметок не выявлено: ни в одном классе доля «понизили» не превышает \(W.threshold(definition.thresholds.lowered)), а доля несовпадений — \(W.threshold(definition.thresholds.mismatch)).")
        }
        for group in flagged {
            let name = "\(group.scope.className ?? "") класс, \(W.title(group.scope))"
            var text = "\(name): \(external) понизили отметки у \(W.percent(group.lowered.share)) обучающихся (95 % ДИ \(W.interval(group.lowered)), \(group.lowered.count) из \(group.n))"
            if group.flags.contains(.lowered) {
                text += " при пороге \(W.threshold(definition.thresholds.lowered))"
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
        [.heading("Выводы", level: 1), .list((conclusionItems() + moreConclusionItems()).map { [.text($0)] }, ordered: false)]
    }

    // MARK: - Decisions and signature

    func decisionsSection() -> [Block] {
        decisions.documentBlocks
    }

    func signature() -> [Block] {
        SignatureBlock.blocks(profile: nil, questionnaireID: nil, date: input.date)
    }

    // MARK: - Appendix

    func appendix() -> [Block] {
        let external = W.markName(input.procedures)
        var groups = analysis.subjects.flatMap { subject in
            [subject] + analysis.classes.filter { $0.scope.procedure == subject.scope.procedure && $0.scope.subject == subject.scope.subject }
        }
        if analysis.subjects.count > 1, let overall = analysis.overall { groups.append(overall) }
        let rows = groups.map { group -> ([Cell], [Cell]) in
            let name = group.scope.className.map { "  \($0)" } ?? (group.scope.subject == nil ? "Всего" : W.title(group.scope))
            let bold = group.scope.className == nil
            func bounds(_ share: ShiftShare) -> String { "\(RussianNumber.fixed(share.lower * 100))–\(RussianNumber.fixed(share.upper * 100))" }
            func p(_ value: Double?) -> String { value.map { $0 < 0.001 ? "< 0,001" : RussianNumber.fixed($0, digits: 3) } ?? "—" }
            let t = group.pairedT.flatMap { $0.t.isFinite ? $0 : nil }
            let rho = group.spearman
            let rhoInterval: String
            if let lower = rho?.lower, let upper = rho?.upper {
                rhoInterval = "\(RussianNumber.fixed(lower, digits: 2)); \(RussianNumber.fixed(upper, digits: 2))"
            } else {
                rhoInterval = "—"
            }
            let shares = [Cell(name, bold: bold), Cell(String(group.n)), Cell(bounds(group.lowered)), Cell(bounds(group.confirmed)), Cell(bounds(group.raised))]
            let difference = t.map { "\(RussianNumber.signed(group.meanDifference, digits: 2)) (\(RussianNumber.fixed($0.lower, digits: 2)); \(RussianNumber.fixed($0.upper, digits: 2)))" }
                ?? RussianNumber.signed(group.meanDifference, digits: 2)
            let tests = [Cell(name, bold: bold), Cell(difference),
                         Cell(t.map { RussianNumber.fixed($0.t, digits: 2) } ?? "—"), Cell(p(t?.pValue)),
                         Cell(group.wilcoxon.map { RussianNumber.fixed($0.z, digits: 2) } ?? "—"), Cell(p(group.wilcoxon?.pValue)),
                         Cell(rho.map { RussianNumber.fixed($0.rho, digits: 2) } ?? "—"), Cell(rhoInterval)]
            return (shares, tests)
        }
        return [.pageBreak,
                .heading("Приложение. Статистические характеристики", level: 1),
                .table(Table(caption: "Доли обучающихся с 95-процентными доверительными интервалами (метод Уилсона), %",
                             header: ["Группа", "n", "Понизили", "Подтвердили", "Повысили"],
                             rows: rows.map(\.0), columnWidths: [3.4, 1.0, 2.7, 2.7, 2.7], numericColumns: Set(1...4))),
                .table(Table(caption: "Разница средних отметок (\(external) минус школа), критерии и корреляция",
                             header: ["Группа", "Разница (95 % ДИ)", "t", "p", "z", "p", "ρ", "95 % ДИ ρ"],
                             rows: rows.map(\.1), columnWidths: [2.6, 3.8, 1.2, 1.4, 1.2, 1.4, 1.1, 2.3], numericColumns: Set(1...7))),
                .note([.text("t — парный t-критерий, z — критерий Уилкоксона для связанных выборок, ρ — коэффициент корреляции Спирмена отметок школы и \(external). Интервал ρ — через z-преобразование Фишера (σ = 1/√(n − 3)); z критерия Уилкоксона — нормальное приближение с поправкой на связи, без поправки на непрерывность, нулевые разности исключены. Значения p двусторонние. Источник данных — файл «\(input.source)».")])]
    }
}
