import AnketaAnalysis
import AnketaCore
import AnketaDocument

/// Composes one teacher's individual profile (ИОМ draft) as a one-page ``Document``: their figures,
/// their deficits with the skills they marked as difficult, and a draft route table
/// (тема / форма / срок / результат) to discuss with the deputy director.
///
/// Kept apart from the справка (`AnketaReports`) on purpose: the справка publishes aggregates
/// only and never a single respondent; this module exists to address one named person, so the
/// line between the two stays visible in the module graph.
public struct IOMComposer: Sendable {
    public var questionnaire: Questionnaire
    public var organizationName: String?
    /// «2026-весна» or the school year: when the self-assessment took place.
    public var wave: String
    /// The date printed on the profile, `dd.MM.yyyy`.
    public var date: String
    public var style: DocumentStyle

    public init(questionnaire: Questionnaire, organizationName: String? = nil, wave: String, date: String,
                style: DocumentStyle = IOMComposer.onePageStyle) {
        self.questionnaire = questionnaire
        self.organizationName = organizationName
        self.wave = wave
        self.date = date
        self.style = style
    }

    /// 12 pt text and 11 pt tables with narrower margins: the profile fits one A4 page.
    public static var onePageStyle: DocumentStyle {
        DocumentStyle(bodySize: 12, tableSize: 11, noteSize: 10, firstLineIndent: 0,
                      margins: .init(top: 15, right: 15, bottom: 15, left: 25), pageNumbers: nil)
    }

    public func compose(_ profile: TeacherProfile) -> Document {
        var blocks: [Block] = []
        var who = [Inline.strong("Педагог: "), .text(profile.name)]
        if let position = profile.position { who.append(.text(", \(position)")) }
        blocks.append(.paragraph(who))
        blocks.append(.paragraph([.text("Профиль составлен по вашим ответам на анкету «\(questionnaire.title)» (\(wave)) с вашего согласия. Это проект: темы, формы и сроки уточняются на собеседовании с заместителем директора по УВР или руководителем ШМО.")]))

        blocks.append(.table(Table(caption: "Результаты самооценки", header: ["Направление", "Ваш результат", "Уровень"],
                                   rows: profile.scores.indicators.map(resultRow), columnWidths: [5.5, 1.7, 1.6], numericColumns: [1])))

        blocks.append(.heading("Профессиональные дефициты", level: 2))
        if profile.deficits.isEmpty {
            blocks.append(.text("По итогам самооценки дефицитов не выявлено."))
        } else {
            blocks.append(.list(profile.deficits.map(deficitItem), ordered: false))
        }
        if let own = profile.ownTopics {
            blocks.append(.paragraph([.strong("Темы, которые вы назвали сами: "), .text("«\(DocumentTextClip.clip(own, limit: 300))»")]))
        }

        blocks.append(.heading("Проект индивидуального образовательного маршрута", level: 2))
        let rows = profile.route.enumerated().map { index, row in
            [Cell(String(index + 1)), Cell(row.topic), Cell(row.form), Cell(row.term), Cell(row.result)]
        }
        if rows.isEmpty {
            blocks.append(.text("Темы маршрута определяются на собеседовании."))
        } else {
            blocks.append(.table(Table(header: ["№", "Тема", "Форма", "Срок", "Результат"], rows: rows,
                                       columnWidths: [0.4, 3.2, 1.8, 1.5, 3.0], numericColumns: [0])))
        }
        blocks.append(.note([.text("Формы, которые вы отметили в анкете как полезные, учтены при выборе формы работы. Курсы, стажировка, наставничество и взаимопосещение уроков входят в план методической работы школы.")]))
        blocks.append(.paragraph([.text("Педагог ____________ / \(profile.name)")]))
        blocks.append(.paragraph([.text("Согласовано: заместитель директора по УВР ____________ / ____________")]))
        blocks.append(.paragraph([.text("«___» ____________ 20___ г.")]))

        var document = Document(title: "Индивидуальный профиль профессионального развития педагога",
                                subtitle: ["по итогам самооценки профессиональных дефицитов", date],
                                blocks: blocks, style: style)
        document.preamble = organizationName.map { [$0] } ?? []
        return document
    }

    func resultRow(_ score: RespondentScores.IndicatorScore) -> [Cell] {
        let indicator = questionnaire.indicators.first { $0.id == score.id }
        let tone: Tone? = score.level.map { level in
            score.deficit ? .poor : (indicator?.bestLevel?.name == level ? .good : .fair)
        }
        return [Cell(score.title), Cell(score.score.map { Self.figure($0, method: score.method) } ?? "нет ответов"),
                Cell(score.level ?? "—", tone: tone)]
    }

    func deficitItem(_ deficit: TeacherProfile.Deficit) -> [Inline] {
        var item: [Inline] = [.strong(deficit.title)]
        let shown = deficit.skills.prefix(ProfileBuilder.skillsPerDeficit)
        if !shown.isEmpty {
            item.append(.text(": " + shown.map { Self.lowercasedFirst($0) }.joined(separator: "; ")))
            let more = deficit.skills.count - shown.count
            if more > 0 { item.append(.text(" и ещё \(RussianPlural("умение", "умения", "умений")(more))")) }
        }
        return item
    }

    static func figure(_ value: Double, method: Indicator.Method) -> String {
        switch method {
        case .positiveShare: RussianNumber.percent(value)
        case .meanIndex: RussianNumber.fixed(value) + " из 100"
        case .meanScore: RussianNumber.fixed(value, digits: 2)
        case .sum: RussianNumber.fixed(value, digits: 0)
        case .levelShare: RussianNumber.percent(value)
        }
    }

    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        if let second = text.dropFirst().first, second.isUppercase { return text }
        return first.lowercased() + text.dropFirst()
    }
}

/// Shortens a respondent's text for a one-page document, at a word boundary.
enum DocumentTextClip {
    static func clip(_ text: String, limit: Int) -> String {
        let single = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard single.count > limit else { return single }
        let cut = single.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }
}

extension IOMComposer {
    /// What ``compose(_:)`` returns, for callers that do not import `AnketaDocument`.
    public typealias Output = Document
}
