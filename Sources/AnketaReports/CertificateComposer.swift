import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaFindings

/// Composes the аналитическая справка as a format-neutral ``Document``, in the conventions of a
/// Russian school document.
///
/// The body says each thing once, in plain words: основание, цель, сроки, участники and охват, a
/// short методика; the indicators' chart and the карта дефицитов; dynamics in words; выводы from
/// the findings engine; рекомендации; the management decisions table; what became of last year's
/// decisions; the signature block. Intervals, indices, tests, effect sizes and α go to the
/// appendix. Numbers are rounded with a decimal comma here, never in the JSON or CSV figures.
public struct CertificateComposer: Sendable {
    public let input: ReportInput
    /// Findings of this справка, the most serious first.
    public let findings: [Finding]
    /// The management decisions (edited or drafted).
    public let decisions: DecisionList

    public init(_ input: ReportInput) {
        self.input = input
        findings = input.findings
        decisions = input.decisionList(findings: findings)
    }

    var result: AnalysisResult { input.result }
    var questionnaire: Questionnaire { input.questionnaire }
    var publishable: Bool { result.respondents >= result.minGroupSize && !result.suppressed }

    public func compose() -> Document {
        var blocks: [Block] = []
        blocks += introduction()
        blocks += method()
        blocks += indicatorResults()
        blocks += nonSurveySection()
        blocks += benchmarkSection()
        // Three or more waves: the trend over all of them; two: the comparison with the previous one.
        blocks += input.trend == nil ? dynamicsSection() : trendSection()
        blocks += triangulationSection()
        blocks += difficultiesSection()
        blocks += attitudesSection()
        blocks += conclusions()
        blocks += recommendations()
        blocks += decisionsSection()
        blocks += reviewSection()
        blocks += signature()
        blocks += appendix()
        var subtitle: [String] = []
        subtitle.append("по итогам анкетирования \(audienceGenitive) «\(questionnaire.title)»")
        if let year = input.year { subtitle.append(year.title) }
        subtitle.append([input.profile?.place, input.date].compactMap { $0 }.joined(separator: ", "))
        var document = Document(title: "Аналитическая справка", subtitle: subtitle, blocks: blocks, style: DocumentStyle(profile: input.profile))
        // The organisation's name stands above the title, as on a school's letterhead.
        document.preamble = input.organizationName.map { [$0] } ?? []
        return document
    }

    var audienceGenitive: String {
        questionnaire.audience == .parents ? "родителей (законных представителей)" : questionnaire.audience.genitivePlural
    }

    // MARK: - Tones and levels

    func tone(level: String?, deficit: Bool, levels: [Level]) -> Tone? {
        guard let level else { return nil }
        if deficit { return .poor }
        return levels.first?.name == level ? .good : .fair
    }

    /// The indicator's levels, the best first: from the highest, or from the lowest where lower is
    /// better (so the first level is the one shown as good).
    func levels(of indicatorID: String) -> [Level] {
        guard let indicator = questionnaire.indicators.first(where: { $0.id == indicatorID }) else { return [] }
        return indicator.direction == .lowerIsBetter ? indicator.levels.reversed() : indicator.levels
    }

    func lowerIsBetter(_ indicatorID: String) -> Bool {
        questionnaire.indicators.first { $0.id == indicatorID }?.direction == .lowerIsBetter
    }

    func method(of indicatorID: String) -> Indicator.Method {
        questionnaire.indicators.first { $0.id == indicatorID }?.method ?? .positiveShare
    }

    // MARK: - Introduction and method

    func introduction() -> [Block] {
        var blocks: [Block] = []
        if let basis = input.profile?.basis(for: questionnaire.id) {
            blocks.append(.paragraph([.strong("Основание: "), .text(Self.sentence(basis))]))
        }
        let purpose = input.profile?.surveys[questionnaire.id]?.purpose
            ?? "получить объективные данные по теме «\(questionnaire.title)» в рамках внутренней системы оценки качества образования (ВСОКО), выявить дефициты и определить управленческие решения."
        blocks.append(.paragraph([.strong("Цель: "), .text(Self.sentence(Self.lowercasedFirst(purpose)))]))
        if let period = result.period {
            let from = Self.date(period[0]), to = Self.date(period[1])
            blocks.append(.paragraph([.strong("Сроки проведения: "), .text(from == to ? "\(from)." : "с \(from) по \(to).")]))
        }
        var participants = RussianWording.participants(result.respondents, questionnaire.audience)
        if let contingent = input.contingent, contingent > 0 {
            let count = RussianNumber.fixed(Double(contingent), digits: 0)
            if result.respondents > contingent {
                // «112 из 58; охват — 193,1 %» would go to the педсовет as it is: say what to check instead.
                participants += "; охват не рассчитан: ответов больше, чем указано в контингенте (\(count)), — проверьте контингент в профиле школы"
            } else {
                participants += " из \(count); охват — \(RussianNumber.percent(Double(result.respondents) / Double(contingent) * 100))"
            }
        }
        blocks.append(.paragraph([.strong("Участники: "), .text(participants + ".")]))
        if !questionnaire.anonymous {
            blocks.append(.note([.text(RussianWording.namedSurveyNote)]))
        }
        if !publishable {
            blocks.append(.note([.text("Ответов меньше \(result.minGroupSize): чтобы сохранить анонимность, результаты не приводятся.")]))
        }
        return blocks
    }

    func method() -> [Block] {
        var text = "анкета «\(questionnaire.title)»: \(RussianPlural.question(questionnaire.questions.count)) в \(RussianPlural.section(questionnaire.sections.count))."
        var groups: [(method: Indicator.Method, levels: [Level], direction: Indicator.Direction, titles: [String])] = []
        for indicator in questionnaire.indicators {
            if let index = groups.firstIndex(where: { $0.method == indicator.method && $0.levels == indicator.levels && $0.direction == indicator.direction }) {
                groups[index].titles.append(indicator.title)
            } else {
                groups.append((indicator.method, indicator.levels, indicator.direction, [indicator.title]))
            }
        }
        for group in groups {
            let count = group.titles.count
            var what = questionnaire.indicators.count == count ? "Показатели рассчитаны как" : "\(RussianPlural.indicatorCount(count)) рассчитаны как"
            if count == 1 || group.method == .levelShare || group.direction == .lowerIsBetter, questionnaire.indicators.count != count {
                // Name them: a single indicator («1 показатель рассчитаны» reads wrong), a share in levels or a
                // lower-is-better indicator must be recognisable.
                what = (count == 1 ? "Показатель " : "Показатели ") + group.titles.map { "«\($0)»" }.joined(separator: ", ") + (count == 1 ? " рассчитан как" : " рассчитаны как")
            }
            let better = group.direction == .lowerIsBetter ? " (чем ниже, тем лучше)" : ""
            var how = RussianWording.methodShort(group.method)
            if count == 1, let share = questionnaire.indicators.first(where: { $0.title == group.titles[0] })?.levelShare,
               let base = questionnaire.indicators.first(where: { $0.id == share.of }) {
                how = "доля респондентов (в % от получивших оценку), чей уровень по показателю «\(base.title)» — "
                    + share.levels.map { "«\($0)»" }.joined(separator: " или ")
            }
            text += " \(what) \(how)\(better); уровни: \(RussianWording.levelRanges(group.levels, method: group.method).joined(separator: "; "))."
        }
        text += " Ответы «затрудняюсь ответить» и пропуски в расчёт не входят"
        // A named survey says why nothing is hidden once, under «Участники».
        text += questionnaire.anonymous
            ? "; группы меньше \(RussianPlural.personGenitive(result.minGroupSize)) не показываются, чтобы сохранить анонимность."
            : "."
        text += " Статистические характеристики — в приложении."
        return [.paragraph([.strong("Методика: "), .text(text)])]
    }

    // MARK: - Helpers

    static func date(_ canonical: String) -> String {
        let day = canonical.split(separator: " ").first.map(String.init) ?? canonical
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }

    /// Ends a sentence with a full stop unless it has one.
    static func sentence(_ text: String) -> String {
        guard let last = text.last else { return text }
        return ".!?…".contains(last) ? text : text + "."
    }

    /// After a colon a sentence goes on in lower case («Цель: получить …»), unless it starts with an abbreviation.
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let second = text.dropFirst().first
        if let second, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }
}

extension RussianPlural {
    static let section = RussianPlural("разделе", "разделах", "разделах")
    /// «2 показателя рассчитаны как…».
    static let indicatorCount = RussianPlural("показатель", "показателя", "показателей")
    /// Genitive after «меньше»: «меньше 5 человек», «меньше 2 человек».
    static let personGenitive = RussianPlural("человека", "человек", "человек")
}
