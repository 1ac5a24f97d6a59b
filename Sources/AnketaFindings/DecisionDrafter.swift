import AnketaCore

/// Drafts the management decisions table from findings: one row per problem that calls for action,
/// with the definition's recommendation, responsible role, deadline and document where it gives
/// them, and sensible defaults where it does not.
///
/// Findings that share one recommendation (a group's deficit and the difference between groups of
/// the same indicator) become one row; a question below the threshold inside an indicator that is
/// itself a deficit joins the indicator's row unless the definition gives the question its own
/// recommendation.
public struct DecisionDrafter: Sendable {
    public let questionnaire: Questionnaire
    public let profile: OrganizationProfile?
    /// The survey's school year and whether it ran in the spring (January–August), for deadlines.
    public let year: AcademicYear?
    public let spring: Bool
    /// At most this many rows; the rest are named in the last row's problem.
    public var maximumRows = 12
    /// The date of the last answer (`yyyy-MM-dd…`): a deadline such as «до 1 октября» gets the year
    /// of the first 1 October after it.
    public var surveyEnd: String?

    public init(questionnaire: Questionnaire, profile: OrganizationProfile?, year: AcademicYear?, spring: Bool) {
        self.questionnaire = questionnaire
        self.profile = profile
        self.year = year
        self.spring = spring
    }

    public func draft(_ findings: [Finding], period: String?) -> DecisionList {
        // `subjects[i]` is the indicator or question `problems[i]` is about, to say it once per row.
        var rows: [(key: String, problems: [String], subjects: [Finding], decision: DecisionList.Decision)] = []
        let deficitIndicators = Set(findings.filter { $0.kind == .indicatorDeficit }.compactMap(\.indicator))
        var joined: [String: [String]] = [:]
        for finding in findings where finding.callsForAction {
            if finding.kind == .itemDeficit, finding.guidance.recommendation == nil, let indicator = finding.indicator,
               deficitIndicators.contains(indicator) {
                joined[indicator, default: []].append(finding.subject)
                continue
            }
            let action = recommendation(for: finding)
            let problem = FindingWording.problem(finding)
            let key = action
            if let at = rows.firstIndex(where: { $0.key == key }) {
                // Deficits of one indicator in several groups make one problem («в группах «7Б», «9А»…»), not a list of sentences.
                if finding.kind == .groupDeficit, let merged = Self.mergeGroupDeficit(rows[at].problems, finding) {
                    rows[at].problems = merged
                } else {
                    rows[at].problems.append(problem)
                    rows[at].subjects.append(finding)
                }
                continue
            }
            let responsible = finding.guidance.responsible ?? defaultResponsible
            let decision = DecisionList.Decision(
                problem: problem, action: action, deadline: finding.guidance.deadline.map(dated) ?? defaultDeadline,
                responsible: responsible, person: profile?.person(holding: responsible),
                document: finding.guidance.document ?? defaultDocument,
                target: target(of: finding), finding: finding.id)
            rows.append((key, [problem], [finding], decision))
        }
        var decisions = rows.map { row -> DecisionList.Decision in
            var decision = row.decision
            decision.problem = Self.joinProblems(row.problems, about: row.subjects)
            if let indicator = decision.target?.indicator, let items = joined[indicator], decision.finding?.hasPrefix("indicator-deficit") == true {
                decision.problem += "; ниже порога — \(RussianPlural.question(items.count)) (см. выводы)"
            }
            return decision
        }
        if decisions.count > maximumRows {
            let rest = decisions[maximumRows...].map(\.problem)
            decisions = Array(decisions.prefix(maximumRows))
            decisions[maximumRows - 1].problem += ". Также: " + rest.joined(separator: ". ")
        }
        return DecisionList(questionnaire: questionnaire.id, period: period, decisions: decisions)
    }

    /// The row's problems as one text, each indicator or question named once: a later problem about
    /// the subject an earlier one already quotes drops the repeated «…» (and the threshold when that
    /// was given too) — «Дефицит: «Доля…» — 21,6 % (порог — 20 %). Дефицит в группах: «7Б» — 55,0 %, …
    /// Различия по группам (класс) — от 55,0 % («7Б») до 0,0 % («7А»)», not «Доля…» three times.
    static func joinProblems(_ problems: [String], about findings: [Finding]) -> String {
        var text = ""
        for (index, problem) in problems.enumerated() {
            var shown = problem
            if index < findings.count, !text.isEmpty {
                let finding = findings[index]
                let subject = "«\(FindingWording.quote(finding.subject))»"
                let limit = finding.threshold.map { "порог — \(FindingWording.thresholdFigure($0, method: finding.method))" }
                if text.contains(subject) {
                    if let limit, text.contains("(\(limit))") {
                        shown = shown.replacingOccurrences(of: " (\(subject), \(limit)): ", with: ": ")
                            .replacingOccurrences(of: " (\(limit))", with: "")
                    }
                    shown = shown.replacingOccurrences(of: " (\(subject)): ", with: ": ")
                        .replacingOccurrences(of: ": \(subject) — ", with: " — ")
                }
            }
            text += (text.isEmpty ? "" : ". ") + shown
        }
        return text
    }

    /// Adds a group deficit to the problem of an earlier group deficit of the same indicator:
    /// «Дефицит в группах: «7Б» — 55,0 %, «9А» — 47,6 % («…», порог — 20 %)». `nil` when there is none.
    static func mergeGroupDeficit(_ problems: [String], _ finding: Finding) -> [String]? {
        let subject = "«\(FindingWording.quote(finding.subject))»"
        let entry = "«\(FindingWording.groupName(finding))» — \(FindingWording.figure(finding.figure, method: finding.method))"
        let limit = finding.threshold.map { ", порог — \(FindingWording.thresholdFigure($0, method: finding.method))" } ?? ""
        let single = "Дефицит в группе «"
        for (index, problem) in problems.enumerated() {
            let plural = "Дефицит в группах (\(subject)\(limit)): "
            if problem.hasPrefix(plural) {
                var merged = problems
                merged[index] = problem + ", " + entry
                return merged
            }
            if problem.hasPrefix(single), problem.contains(": \(subject) — "),
               let open = problem.range(of: "«"), let close = problem.range(of: "»:", range: open.upperBound..<problem.endIndex) {
                let group = String(problem[open.upperBound..<close.lowerBound])
                let figure = problem.range(of: ": \(subject) — ").map { String(problem[$0.upperBound...]) } ?? ""
                let value = figure.components(separatedBy: " (порог").first ?? figure
                var merged = problems
                merged[index] = plural + "«\(group)» — \(value), " + entry
                return merged
            }
        }
        return nil
    }

    func target(of finding: Finding) -> DecisionList.Target? {
        if let question = finding.question { return DecisionList.Target(question: question) }
        if let indicator = finding.indicator { return DecisionList.Target(indicator: indicator) }
        return nil
    }

    /// The definition's recommendation, else a generic text built from the finding.
    public func recommendation(for finding: Finding) -> String {
        if let text = finding.guidance.recommendation { return text }
        let discuss = discussion
        switch finding.kind {
        case .indicatorDeficit:
            return "Выяснить причины низкого значения показателя «\(FindingWording.quote(finding.subject))» (\(discuss)), определить конкретные меры с ответственными и сроками и включить их в план работы школы."
        case .itemDeficit:
            return "Выяснить причины низкой оценки по вопросу «\(FindingWording.quote(finding.subject))» (\(discuss)) и включить меры по её устранению в план работы школы."
        case .groupDeficit:
            return "Провести адресную работу с группой «\(FindingWording.groupName(finding))»: выяснить причины низкого значения показателя «\(FindingWording.quote(finding.subject))» (беседы, фокус-группа) и включить меры в план работы с этой группой."
        case .decline:
            return "Выяснить причины \(finding.lowerIsBetter ? "роста" : "снижения") показателя «\(FindingWording.quote(finding.subject))» по сравнению с прошлым годом (\(discuss)) и принять меры; проверить результат при следующем анкетировании."
        case .itemDecline:
            return "Выяснить причины снижения оценки по вопросу «\(FindingWording.quote(finding.subject))» (\(discuss)) и принять меры."
        case .groupDifference:
            let low = FindingWording.groupName(finding.groups.first?.group ?? "", grouping: finding.grouping)
            return "Обратить внимание на группу «\(low)» с \(finding.lowerIsBetter ? "наибольшим" : "наименьшим") значением показателя «\(FindingWording.quote(finding.subject))»: выяснить причины и организовать адресную поддержку\(questionnaire.audience == .teachers ? " (наставничество, методическое сопровождение)" : "")."
        case .openAnswers:
            return "Рассмотреть повторяющиеся предложения респондентов и сообщить о принятых решениях (сайт школы, собрания)."
        case .rise:
            return ""
        }
    }

    var discussion: String {
        switch questionnaire.audience {
        case .parents: "обсуждение с родительским комитетом, беседы с родителями"
        case .students: "обсуждение с советом обучающихся и классными руководителями"
        case .teachers: "обсуждение на заседаниях ШМО и методического совета"
        case .administration: "обсуждение на совещании при директоре"
        }
    }

    var defaultResponsible: String {
        switch questionnaire.audience {
        case .parents, .students: "заместитель директора по ВР"
        case .teachers: "заместитель директора по УВР"
        case .administration: "директор"
        }
    }

    var defaultDocument: String {
        switch questionnaire.audience {
        case .teachers: "протокол методического совета, план методической работы"
        default: "план мероприятий, утверждённый приказом директора"
        }
    }

    static let months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]

    /// «до 1 октября» → «до 1 октября 2026 г.»: the first such date after the survey. Other
    /// deadlines («в течение I четверти», «до 1 октября 2027 г.») are kept as written.
    public func dated(_ deadline: String) -> String {
        let words = deadline.split(separator: " ").map(String.init)
        guard words.count == 3, words[0] == "до", let day = Int(words[1]), (1...31).contains(day),
              let month = Self.months.firstIndex(of: words[2]).map({ $0 + 1 }),
              let end = surveyEnd, end.count >= 10,
              let year = Int(end.prefix(4)), let endMonth = Int(end.dropFirst(5).prefix(2)), let endDay = Int(end.dropFirst(8).prefix(2)) else { return deadline }
        let after = (month, day) > (endMonth, endDay)
        return "\(deadline) \(after ? year : year + 1) г."
    }

    var defaultDeadline: String {
        guard let year else { return "в течение месяца после рассмотрения справки" }
        return spring ? "до 1 октября \(year.startYear + 1) г." : "до конца \(year.genitive)"
    }
}
