import AnketaAnalysis
import AnketaCore
import AnketaDocument

/// Composes the аналитическая справка as a format-neutral ``Document``.
///
/// Conclusions are written from the figures; every number is rounded and uses a decimal comma here,
/// never in the JSON or CSV figures.
public struct CertificateComposer: Sendable {
    public let input: ReportInput

    public init(_ input: ReportInput) {
        self.input = input
    }

    var result: AnalysisResult { input.result }
    var questionnaire: Questionnaire { input.questionnaire }

    public func compose() -> Document {
        var blocks: [Block] = []
        blocks += introduction()
        blocks += method()
        blocks += indicatorResults()
        blocks += questionResults()
        blocks += breakdowns()
        blocks += deficitMapSection()
        blocks += dynamicsSection()
        blocks += triangulationSection()
        blocks += difficultiesSection()
        blocks += conclusions()
        blocks += openAnswers()
        var subtitle = ["по итогам анкетирования \(questionnaire.audience.genitivePlural)", "«\(questionnaire.title)»"]
        if let organization = input.organization, !organization.isEmpty { subtitle.append(organization) }
        subtitle.append("Волна: \(result.wave). Дата составления: \(input.date)")
        return Document(title: "Аналитическая справка", subtitle: subtitle, blocks: blocks)
    }

    // MARK: - Tones

    func tone(level: String?, deficit: Bool, levels: [Level]) -> Tone? {
        guard let level else { return nil }
        if deficit { return .poor }
        return levels.first?.name == level ? .good : .fair
    }

    func levels(of indicatorID: String) -> [Level] {
        questionnaire.indicators.first { $0.id == indicatorID }?.levels ?? []
    }

    func method(of indicatorID: String) -> Indicator.Method {
        questionnaire.indicators.first { $0.id == indicatorID }?.method ?? .positiveShare
    }

    // MARK: - Introduction and method

    func introduction() -> [Block] {
        var blocks: [Block] = [.heading("Общие сведения", level: 1)]
        blocks.append(.paragraph([.strong("Цель: "), .text("получить объективные данные по теме «\(questionnaire.title)» в рамках внутренней системы оценки качества образования (ВСОКО), выявить дефициты и определить управленческие решения.")]))
        if let period = result.period {
            let from = Self.date(period[0]), to = Self.date(period[1])
            blocks.append(.paragraph([.strong("Сроки проведения: "), .text(from == to ? from : "с \(from) по \(to).")]))
        }
        var participants = "В анкетировании приняли участие \(RussianWording.participants(result.respondents, questionnaire.audience))"
        if let population = input.population, population > 0 {
            participants += " из \(RussianNumber.fixed(Double(population), digits: 0)), охват — \(RussianNumber.percent(Double(result.respondents) / Double(population) * 100))"
        }
        blocks.append(.paragraph([.strong("Участники: "), .text(participants + ".")]))
        if result.respondents < result.minGroupSize {
            blocks.append(.note([.text("Ответов меньше \(result.minGroupSize): чтобы сохранить анонимность, результаты не приводятся.")]))
        }
        return blocks
    }

    func method() -> [Block] {
        var blocks: [Block] = [.heading("Методика", level: 1)]
        blocks.append(.text("Использована анкета «\(questionnaire.title)» (версия \(questionnaire.version)): \(RussianPlural.question(questionnaire.questions.count)) в \(RussianPlural.section(questionnaire.sections.count)). Ответы «затрудняюсь ответить» и пропуски учитываются отдельно и не входят в расчёт долей и средних."))
        for scale in questionnaire.scales.values.sorted(by: { $0.name < $1.name }) where scale.isScored {
            let usedBySingle = questionnaire.questions.contains { $0.scale == scale.name && $0.kind == .single }
            guard usedBySingle else { continue }
            let options = scale.options.map { option in
                "«\(option.label)» — \(RussianNumber.plain(option.score ?? 0))\(scale.isPositive(option) ? " (положительный)" : "")"
            }
            blocks.append(.paragraph([.text("Шкала ответов: " + options.joined(separator: "; ") + ".")]))
        }
        // One paragraph per method (and set of levels), naming the indicators it applies to.
        var groups: [(method: Indicator.Method, levels: [Level], indicators: [Indicator])] = []
        for indicator in questionnaire.indicators {
            if let index = groups.firstIndex(where: { $0.method == indicator.method && $0.levels == indicator.levels }) {
                groups[index].indicators.append(indicator)
            } else {
                groups.append((indicator.method, indicator.levels, [indicator]))
            }
        }
        var items: [[Inline]] = []
        for group in groups {
            let names = group.indicators.map { "«\($0.title)» (\(RussianPlural.question($0.items.count)))" }.joined(separator: ", ")
            let levels = RussianWording.levelRanges(group.levels, method: group.method)
            items.append([.strong(group.indicators.count == 1 ? "Показатель " : "Показатели "), .text(names),
                          .text(": \(RussianWording.methodDescription(group.method)). Уровни: \(levels.joined(separator: "; ")).")])
        }
        if !items.isEmpty {
            blocks.append(.text("Показатели и способ их расчёта:"))
            blocks.append(.list(items, ordered: false))
        }
        blocks.append(.note([.text("Для доли положительных ответов по вопросу приводится 95-процентный доверительный интервал Уилсона. Согласованность вопросов показателя оценена коэффициентом α Кронбаха (по респондентам, ответившим на все вопросы показателя; значения от 0,7 считаются приемлемыми). Группы меньше \(result.minGroupSize) человек не показываются, чтобы сохранить анонимность ответов.")]))
        return blocks
    }

    static func date(_ canonical: String) -> String {
        let day = canonical.split(separator: " ").first.map(String.init) ?? canonical
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2]).\(parts[1]).\(parts[0])"
    }
}

extension RussianPlural {
    static let section = RussianPlural("разделе", "разделах", "разделах")
}
