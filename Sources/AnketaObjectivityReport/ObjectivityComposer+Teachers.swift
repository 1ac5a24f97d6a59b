import AnketaCore
import AnketaDocument
import AnketaObjectivity
import AnketaResults

extension ObjectivityComposer {
    // MARK: - Teacher groups

    /// «Учитель» or «Группа учителей», as the definition says the column is.
    var teacherWord: String { definition.teacherKind == .person ? "Учитель (код)" : "Группа учителей" }

    /// Results by teacher (by code) or teacher group within each subject, the small groups hidden
    /// as «скрыто» (see ``TeacherGroups``). Nothing when the file names no teacher.
    func teacherSection() -> [Block] {
        guard !analysis.teachers.isEmpty || !analysis.hiddenTeachers.isEmpty else { return [] }
        let external = W.markName(input.procedures)
        var rows: [[Cell]] = []
        for subject in analysis.subjects {
            let shown = analysis.teachers.filter { $0.scope.procedure == subject.scope.procedure && $0.scope.subject == subject.scope.subject }
            let hidden = analysis.hiddenTeachers.filter { $0.procedure == subject.scope.procedure && $0.subject == subject.scope.subject }
            guard !shown.isEmpty || !hidden.isEmpty else { continue }
            rows.append([Cell(W.title(subject.scope), bold: true)] + Array(repeating: Cell(""), count: 7))
            var entries: [(String, ObjectivityGroup?)] = shown.map { ($0.scope.teacher ?? "", $0) } + hidden.map { ($0.teacher ?? "", nil) }
            entries.sort { TeacherGroups.order($0.0, $1.0) }
            for (teacher, group) in entries {
                guard let group else {
                    rows.append([Cell("  \(teacher)")] + Array(repeating: Cell("скрыто", tone: .muted), count: 7))
                    continue
                }
                let flagged = !group.flags.isEmpty
                rows.append([Cell("  \(teacher)", tone: flagged ? .poor : nil, bold: flagged), Cell(String(group.n)),
                             Cell(W.percent(group.lowered.share), tone: group.flags.contains(.lowered) ? .poor : nil),
                             Cell(W.percent(group.confirmed.share)), Cell(W.percent(group.raised.share)),
                             Cell(RussianNumber.fixed(group.meanSchool, digits: 2)), Cell(RussianNumber.fixed(group.meanExternal, digits: 2)),
                             Cell(group.spearman.map { RussianNumber.fixed($0.rho, digits: 2) } ?? "—")])
            }
        }
        let person = definition.teacherKind == .person
        var note = person
            ? "Учителя обозначены кодами из файла результатов, фамилии в справку не вносятся. "
            : "Группы учителей — как в файле результатов. "
        note += "Группы меньше \(W.studentsGenitive(definition.thresholds.minTeacherGroup)) не показываются («скрыто»); вместе с такой группой скрыты и другие, чтобы её результаты нельзя было вычислить по итогам предмета и классов. Предмет, который ведёт один учитель, в таблицу не входит: его результаты — в таблице по предметам."
        let items = analysis.teachers.filter { !$0.flags.isEmpty }.sorted { $0.lowered.share > $1.lowered.share }.map { group -> [Inline] in
            [.text("\(person ? "Учитель" : "Группа") \(group.scope.teacher ?? ""), \(W.title(group.scope)): \(external) понизили отметки у \(W.percent(group.lowered.share)) обучающихся (95 % ДИ \(W.interval(group.lowered)), \(group.lowered.count) из \(group.n)).")]
        }
        var blocks: [Block] = [.heading(person ? "Результаты по учителям" : "Результаты по группам учителей", level: 1)]
        if !items.isEmpty { blocks.append(.list(items, ordered: false)) }
        blocks += [
            .table(Table(caption: "Сопоставление отметок \(external) с отметками школы по \(person ? "учителям" : "группам учителей")",
                         header: [teacherWord, "Кол-во", "Понизили", "Подтвердили", "Повысили", "Средняя отметка школы", "Средняя отметка \(external)", "ρ"],
                         rows: rows, columnWidths: [3.0, 1.5, 1.9, 2.2, 1.9, 2.0, 2.0, 1.1], numericColumns: Set(1...7))),
            .note([.text(note)]),
        ]
        return blocks
    }
}
