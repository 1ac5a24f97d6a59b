import AnketaCore
import AnketaObjectivity
import AnketaReports

/// Drafts management decisions from the objectivity findings: for every subject with flagged
/// classes a comparison of marks at the subject's методическое объединение (ШМО), cross-checking of
/// the classes' work and an external check; where the subject's marks agree weakly, a seminar on
/// assessment criteria; and always a repeat of the comparison after the next term.
enum ObjectivityDecisions {
    static func draft(_ input: ObjectivityReportInput) -> DecisionList {
        typealias W = ObjectivityWording
        let analysis = input.analysis
        let external = W.markName(input.procedures)
        var decisions: [DecisionList.Decision] = []
        for subject in analysis.subjects {
            let flagged = analysis.flagged.filter { $0.scope.procedure == subject.scope.procedure && $0.scope.subject == subject.scope.subject }
            guard !flagged.isEmpty else { continue }
            let names = flagged.map { $0.scope.className ?? "" }.joined(separator: ", ")
            let shares = flagged.map { "\($0.scope.className ?? "") класс — \(external) понизили \(W.percent($0.lowered.share)) отметок" }.joined(separator: "; ")
            let subjectName = subject.scope.subject ?? ""
            let classWord = flagged.count == 1 ? "классе" : "классах"
            decisions.append(.init(
                problem: "Признаки завышения отметок по предмету «\(subjectName)»: \(shares)",
                action: "Сопоставить отметки за четверть и результаты \(external) на заседании ШМО учителей предмета «\(subjectName)»; разобрать расхождения по каждому обучающемуся и согласовать критерии оценивания",
                deadline: "в течение месяца", responsible: "руководитель ШМО", document: "протокол заседания ШМО"))
            decisions.append(.init(
                problem: "Отметки школы в \(names) \(classWord) («\(subjectName)») не подтверждаются внешней оценкой",
                action: "Провести взаимопроверку контрольных работ \(names) \(flagged.count == 1 ? "класса" : "классов") учителями ШМО и административную контрольную работу с внешней экспертизой (проверка учителями другой школы или муниципальным методистом)",
                deadline: "до конца следующей четверти", responsible: "заместитель директора по УВР", document: "справка по итогам контрольной работы"))
        }
        for subject in analysis.subjects {
            guard let rho = subject.spearman, rho.rho < 0.5 else { continue }
            decisions.append(.init(
                problem: "Слабая согласованность отметок школы и \(external), «\(subject.scope.subject ?? "")» (ρ = \(RussianNumber.fixed(rho.rho, digits: 2)))",
                action: "Провести методический семинар по критериям оценивания с разбором заданий и критериев \(external); обновить фонд оценочных средств",
                deadline: "до конца учебного года", responsible: "руководитель методического совета", document: "методические рекомендации, обновлённый ФОС"))
        }
        decisions += attitudeDecisions(input)
        if let nonSurvey = input.nonSurvey { decisions += NonSurveySection(nonSurvey).decisions }
        decisions.append(.init(
            problem: analysis.flagged.isEmpty ? "Объективность оценивания требует постоянного контроля" : "Нужно проверить, устранены ли расхождения отметок",
            action: "Повторить сопоставление отметок школы с результатами внешних процедур по итогам следующей четверти (anketa objectivity)",
            deadline: "по итогам следующей четверти", responsible: "заместитель директора по УВР", document: "аналитическая справка"))
        return DecisionList(questionnaire: input.definition.id, period: input.definition.academicYear, decisions: decisions)
    }

    /// One decision per survey indicator at a deficit level (the audiences with it named together):
    /// the questionnaire's own recommendation, else a general measure.
    static func attitudeDecisions(_ input: ObjectivityReportInput) -> [DecisionList.Decision] {
        var keys: [String] = []
        var found: [String: [(audience: String, figure: String, title: String, recommendation: String?)]] = [:]
        for result in input.attitudes where !result.suppressed {
            for indicator in result.indicators where indicator.deficit {
                guard let figure = indicator.figure else { continue }
                let key = indicator.audienceKey ?? indicator.id
                if found[key] == nil { keys.append(key) }
                found[key, default: []].append((result.audience.nominativePlural.lowercased(), ObjectivityComposer.attitudeFigure(figure, method: indicator.method),
                                                indicator.title, indicator.recommendation))
            }
        }
        return keys.compactMap { key in
            guard let items = found[key], let first = items.first else { return nil }
            let figures = items.map { "\($0.audience) — \($0.figure)" }.joined(separator: ", ")
            return DecisionList.Decision(
                problem: "«\(first.title)» на уровне дефицита по результатам анкетирования: \(figures)",
                action: items.compactMap(\.recommendation).first
                    ?? "Обсудить результаты анкетирования на методическом совете и включить меры по показателю «\(first.title)» в план ВСОКО",
                deadline: "до конца учебного года", responsible: "заместитель директора по УВР", document: "план мероприятий",
                finding: "attitude-deficit:\(key)")
        }
    }
}
