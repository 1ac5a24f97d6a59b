import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaFindings

extension CertificateComposer {
    // MARK: - Conclusions

    /// Выводы: the overall figure, what is high, then every finding, the most serious first.
    func conclusions() -> [Block] {
        guard publishable, !result.indicators.isEmpty else { return [] }
        var items: [[Inline]] = []
        if let overall = result.overall, let figure = overall.figure {
            let method = overall.indicators.first.map { self.method(of: $0) } ?? .positiveShare
            items.append([.text("\(overall.title) — \(RussianWording.figure(figure, method: method))" + (overall.level.map { ", \(LevelWording.phrase($0))." } ?? "."))])
        }
        let top = result.indicators.filter { !$0.deficit && $0.level != nil && $0.level == levels(of: $0.id).first?.name }
        let high = top.filter { !lowerIsBetter($0.id) }, low = top.filter { lowerIsBetter($0.id) }
        if !high.isEmpty {
            items.append([.text("На высоком уровне: " + high.map { "«\($0.title)» (\(RussianWording.figure($0.figure, method: $0.method)))" }.joined(separator: ", ") + ".")])
        }
        if !low.isEmpty {
            // Where lower is better the best level is the lowest: say so, not «высокий уровень».
            items.append([.text("На благополучном уровне (для этих показателей чем ниже значение, тем лучше): "
                + low.map { "«\($0.title)» — \(RussianWording.figure($0.figure, method: $0.method))" + ($0.level.map { ", \(LevelWording.phrase($0))" } ?? "") }.joined(separator: "; ") + ".")])
        }
        let problems = findings.filter(\.callsForAction)
        var itemsDone: Set<String> = []
        var groupsDone: Set<String> = []
        for finding in problems {
            // Deficits of one indicator in several groups: one item, groups by grouping, worst first.
            if finding.kind == .groupDeficit, let indicator = finding.indicator {
                let all = problems.filter { $0.kind == .groupDeficit && $0.indicator == indicator }
                if all.count > 1 {
                    guard groupsDone.insert(indicator).inserted else { continue }
                    items.append([.text(groupDeficitSentence(all))])
                    continue
                }
            }
            // Questions below the threshold: one item per indicator, listing them.
            if finding.kind == .itemDeficit, let indicator = finding.indicator {
                guard itemsDone.insert(indicator).inserted else { continue }
                items.append(itemDeficitSentence(problems.filter { $0.kind == .itemDeficit && $0.indicator == indicator }))
                continue
            }
            var inlines: [Inline] = [.text(FindingWording.capitalized(FindingWording.sentence(finding)))]
            if let answers = FindingWording.answers(finding) { inlines.append(.emphasis("; " + answers)) }
            inlines.append(.text("."))
            items.append(inlines)
        }
        for finding in findings where finding.kind == .rise {
            items.append([.text(FindingWording.capitalized(FindingWording.sentence(finding)) + ".")])
        }
        if problems.isEmpty {
            items.append([.text("Дефицитов не выявлено: ни один показатель, вопрос или группа респондентов не ниже порога дефицита, значимых снижений нет.")])
        }
        items += nonSurveyConclusionItems()
        return [.heading("Выводы", level: 1), .list(items, ordered: false)]
    }

    /// «Показатель «…» на уровне дефицита (порог — 20 %) в группах: класс — «7Б» (55,0 %), «9А» (47,6 %); параллель — «9» (30,8 %).»
    func groupDeficitSentence(_ group: [Finding]) -> String {
        guard let first = group.first else { return "" }
        var order: [String] = []
        var byGrouping: [String: [Finding]] = [:]
        for finding in group {
            let key = finding.grouping ?? ""
            if byGrouping[key] == nil { order.append(key) }
            byGrouping[key, default: []].append(finding)
        }
        let threshold = first.threshold.map { " (порог — \(RussianWording.threshold($0, method: first.method)))" } ?? ""
        let parts = order.map { key -> String in
            let findings = (byGrouping[key] ?? []).sorted { $0.severity > $1.severity }
            let list = findings.map { "«\(FindingWording.groupName($0))» (\(FindingWording.figure($0.figure, method: $0.method)))" }.joined(separator: ", ")
            return key.isEmpty ? list : "\(key.lowercased()) — \(list)"
        }
        return "Показатель «\(FindingWording.quote(first.subject))» на уровне дефицита\(threshold) в группах: " + parts.joined(separator: "; ") + "."
    }

    /// «Ниже порога дефицита (60 %) вопросы показателя «…» (в целом 67,9 %, уровень «средний»):
    /// «…» — 47,9 %; «…» — 58,3 %.»
    func itemDeficitSentence(_ group: [Finding]) -> [Inline] {
        guard let first = group.first else { return [] }
        let threshold = first.threshold.map { " (\(RussianWording.threshold($0, method: first.method)))" } ?? ""
        var text = "\(first.lowerIsBetter ? "Выше" : "Ниже") порога дефицита\(threshold) "
        text += group.count == 1 ? "вопрос" : "вопросы"
        if let title = first.parentTitle {
            text += " показателя «\(title)»"
            if let figure = first.parentFigure {
                text += " (в целом — \(FindingWording.figure(figure, method: first.method))" + (first.parentLevel.map { ", \(LevelWording.phrase($0))" } ?? "") + ")"
            }
        }
        text += ": " + group.map { "«\(FindingWording.quote($0.subject))» — \(FindingWording.figure($0.figure, method: $0.method))" }.joined(separator: "; ")
        var inlines: [Inline] = [.text(text)]
        let answers = group.flatMap(\.openAnswers).sorted { $0.count > $1.count }.prefix(2)
        if !answers.isEmpty {
            inlines.append(.emphasis("; в открытых ответах: " + answers.map { "«\(FindingWording.quote($0.text))» (\(RussianPlural.answer($0.count)))" }.joined(separator: "; ")))
        }
        inlines.append(.text("."))
        return inlines
    }

    // MARK: - Recommendations

    /// Рекомендации: what to do with the справка as a whole; the concrete measures are the rows of
    /// the decisions table that follows, so they are not repeated here.
    func recommendations() -> [Block] {
        guard publishable, !result.indicators.isEmpty else { return [] }
        var items: [String] = []
        let reviewBody = input.profile?.review(for: questionnaire.id) ?? OrganizationProfile.defaultReview
        if !decisions.decisions.isEmpty {
            items.append("Рассмотреть справку \(reviewBody) и утвердить управленческие решения (таблица ниже), назначив ответственных и сроки.")
        }
        let strong = result.indicators.filter { !$0.deficit && $0.level != nil && $0.level == levels(of: $0.id).first?.name }
        if !strong.isEmpty {
            let kind = strong.contains { lowerIsBetter($0.id) } ? "благополучный" : "высокий"
            items.append("Сохранить и распространить практики, обеспечившие \(kind) уровень \(strong.count == 1 ? "показателя" : "показателей") " + strong.map { "«\($0.title)»" }.joined(separator: ", ") + ".")
        }
        switch questionnaire.audience {
        case .parents: items.append("Ознакомить родителей (законных представителей) с итогами анкетирования и принятыми решениями на родительских собраниях и на официальном сайте школы.")
        case .students: items.append("Обсудить итоги анкетирования с обучающимися на классных часах и с советом обучающихся.")
        case .teachers: items.append("Обсудить итоги анкетирования на заседаниях школьных методических объединений; учесть выявленные дефициты при составлении индивидуальных образовательных маршрутов педагогов.")
        case .administration: break
        }
        let next = input.year.map { "в \(AcademicYear(startYear: $0.startYear + 1).label) учебном году" } ?? "в следующем учебном году"
        items.append("Повторить анкетирование \(next) по той же анкете, чтобы оценить результативность принятых мер.")
        return [.heading("Рекомендации", level: 1), .list(items.map { [.text($0)] }, ordered: true)]
    }

    // MARK: - Management decisions

    func decisionsSection() -> [Block] {
        publishable ? decisions.documentBlocks : []
    }

    /// What became of last period's decisions: the targeted figure then and now.
    func reviewSection() -> [Block] {
        guard publishable, let previousDecisions = input.previousDecisions, !previousDecisions.decisions.isEmpty else { return [] }
        let review = DecisionReview(decisions: previousDecisions, questionnaire: questionnaire, result: result, previous: input.previous)
        let rows = review.rows.enumerated().map { index, row -> [Cell] in
            let figures: String
            if let before = row.previous, let now = row.current {
                figures = "\(RussianWording.figure(before, method: row.method)) → \(RussianWording.figure(now, method: row.method))"
            } else {
                figures = row.current.map { RussianWording.figure($0, method: row.method) } ?? "—"
            }
            let (verdict, tone): (String, Tone?) = switch row.direction {
            case .up: ("значимое улучшение", .good)
            case .down: ("значимое ухудшение", .poor)
            case .none: ("без значимых изменений", nil)
            case .unknown: ("нет данных для сравнения", .muted)
            }
            return [Cell(String(index + 1)), Cell(row.decision.action), Cell(row.decision.deadline),
                    Cell(row.target.map { "«\($0)»" } ?? "—"), Cell(figures), Cell(verdict, tone: tone)]
        }
        let period = previousDecisions.period.map { " (\($0))" } ?? ""
        return [.heading("Выполнение управленческих решений прошлого периода", level: 1),
                .text("Для каждого решения прошлого периода\(period) — как изменился показатель, на который оно было направлено:"),
                .table(Table(header: ["№", "Мероприятие", "Срок", "Показатель", "Было → стало", "Результат"], rows: rows,
                             columnWidths: [0.5, 4.4, 1.5, 2.6, 1.8, 1.8], numericColumns: [0]))]
    }

    // MARK: - Signature

    func signature() -> [Block] {
        SignatureBlock.blocks(profile: input.profile, questionnaireID: questionnaire.id, date: input.date)
    }
}

extension RussianWording {
    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// A position inside a sentence: «Заместитель директора по УВР» → «заместитель директора по УВР».
    static func lowercasedPosition(_ text: String) -> String {
        CertificateComposer.lowercasedFirst(text)
    }
}
