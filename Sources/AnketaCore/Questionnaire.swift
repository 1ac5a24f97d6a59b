/// A questionnaire definition (анкета): what is asked, how answers are scored, which figures are computed.
///
/// Definitions are written in YAML (see `docs/questionnaire-format.md`) and loaded with
/// ``DefinitionLoader``. A loaded questionnaire is valid: every reference resolves.
public struct Questionnaire: Sendable, Equatable {
    public var id: String
    public var version: Int
    public var title: String
    public var audience: Audience
    public var intro: String?
    public var outro: String?
    public var scales: [String: Scale]
    public var sections: [Section]
    public var questions: [Question]
    public var groupings: [Grouping]
    public var indicators: [Indicator]
    public var overall: Overall?
    /// The web form shows every section on one page instead of one section per page (`one_page: true`).
    public var onePage = false
    /// `false` for named instruments (expert sheets, observation sheets, a management team's
    /// self-assessment): no small-group suppression, and the справка says so.
    public var anonymous: Bool = true
    /// Which questions say who answered; only when `anonymous` is `false`.
    public var respondent: RespondentFields?

    public init(id: String, version: Int, title: String, audience: Audience, intro: String? = nil,
                outro: String? = nil, scales: [String: Scale], sections: [Section], questions: [Question],
                groupings: [Grouping] = [], indicators: [Indicator] = [], overall: Overall? = nil) {
        self.id = id
        self.version = version
        self.title = title
        self.audience = audience
        self.intro = intro
        self.outro = outro
        self.scales = scales
        self.sections = sections
        self.questions = questions
        self.groupings = groupings
        self.indicators = indicators
        self.overall = overall
    }

    /// The question with this id, if any.
    public func question(_ id: String) -> Question? {
        questions.first { $0.id == id }
    }

    /// The scale of a choice question.
    public func scale(of question: Question) -> Scale? {
        question.scale.flatMap { scales[$0] }
    }

    /// Questions of a section, in order.
    public func questions(in section: Section) -> [Question] {
        questions.filter { $0.section == section.id }
    }
}

/// Who answers a questionnaire.
public enum Audience: String, Sendable, Equatable, CaseIterable, Codable {
    case teachers, parents, students, administration

    /// Russian name in the genitive plural, as in «анкетирование родителей».
    public var genitivePlural: String {
        switch self {
        case .teachers: "педагогов"
        case .parents: "родителей"
        case .students: "обучающихся"
        case .administration: "администрации"
        }
    }

    /// Russian name in the nominative plural, as a table header.
    public var nominativePlural: String {
        switch self {
        case .teachers: "Педагоги"
        case .parents: "Родители"
        case .students: "Обучающиеся"
        case .administration: "Администрация"
        }
    }
}

/// A section of a questionnaire: a heading that groups questions in forms and reports.
public struct Section: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String?

    public init(id: String, title: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }
}

/// The overall index of an audience, computed from indicators.
public struct Overall: Sendable, Equatable {
    public var title: String
    public var indicators: [String]
    public var levels: [Level]?

    public init(title: String, indicators: [String], levels: [Level]? = nil) {
        self.title = title
        self.indicators = indicators
        self.levels = levels
    }
}
