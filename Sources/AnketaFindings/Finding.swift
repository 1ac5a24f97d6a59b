import AnketaCore

/// One thing a methodist would write about a survey: a deficit, a decline, a difference between
/// groups, a recurring open answer — with the evidence behind it.
///
/// Findings are data: the справка words them, the decisions drafter turns those that call for
/// action into rows of the management decisions table.
public struct Finding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
        /// An indicator's figure is at a deficit level for all respondents.
        case indicatorDeficit = "indicator-deficit"
        /// A question is below its indicator's deficit threshold (even inside a «средний» indicator).
        case itemDeficit = "item-deficit"
        /// An indicator is at a deficit level in one group (class, level, стаж) but not overall.
        case groupDeficit = "group-deficit"
        /// A significant decline of an indicator since the previous wave.
        case decline
        /// A significant decline of a question's share of positive answers (Holm across questions).
        case itemDecline = "item-decline"
        /// Groups differ significantly on an indicator (Holm across indicators).
        case groupDifference = "group-difference"
        /// Recurring open answers that no other finding explains.
        case openAnswers = "open-answers"
        /// A significant rise of an indicator: good news, no action needed.
        case rise
    }

    /// A group's figure, for differences between groups.
    public struct GroupFigure: Sendable, Equatable, Codable {
        public var group: String
        public var figure: Double
        public var respondents: Int?

        public init(group: String, figure: Double, respondents: Int? = nil) {
            self.group = group
            self.figure = figure
            self.respondents = respondents
        }
    }

    /// An open answer given (identically or nearly so) by `count` respondents.
    public struct OpenAnswer: Sendable, Equatable, Codable {
        public var text: String
        public var count: Int
        /// The open question it answers.
        public var question: String
    }

    /// Stable id: kind, subject and group, e.g. `item-deficit:food_quality`, `group-deficit:staff:СОО`.
    public var id: String
    public var kind: Kind
    /// Higher is more serious; findings are ranked by it.
    public var severity: Double
    public var indicator: String?
    public var question: String?
    /// The indicator's title or the question's text.
    public var subject: String
    /// How the figure reads (percent, index, score, sum).
    public var method: Indicator.Method
    public var figure: Double?
    public var threshold: Double?
    public var previous: Double?
    public var p: Double?
    /// The grouping's title and the group, for group deficits and differences.
    public var grouping: String?
    public var group: String?
    /// For differences: every visible group's figure, lowest first.
    public var groups: [GroupFigure]
    public var effectSize: Double?
    /// Open answers that concern this finding, the most frequent first.
    public var openAnswers: [OpenAnswer]
    /// What the definition says to do (may be empty: then a generic recommendation is written).
    public var guidance: Guidance
    /// For a question: its indicator's title, figure and level, so a reader sees that a
    /// «средний» indicator hides a weak question.
    public var parentTitle: String?
    public var parentFigure: Double?
    public var parentLevel: String?
    /// The indicator is better when lower (external motivation, a share at risk): a deficit is
    /// above the threshold, a fall is good news.
    public var lowerIsBetter: Bool = false

    /// Whether the finding calls for a management decision.
    public var callsForAction: Bool { kind != .rise }

    public init(id: String, kind: Kind, severity: Double, indicator: String? = nil, question: String? = nil, subject: String,
                method: Indicator.Method, figure: Double? = nil, threshold: Double? = nil, previous: Double? = nil, p: Double? = nil,
                grouping: String? = nil, group: String? = nil, groups: [GroupFigure] = [], effectSize: Double? = nil,
                openAnswers: [OpenAnswer] = [], guidance: Guidance = Guidance()) {
        self.id = id
        self.kind = kind
        self.severity = severity
        self.indicator = indicator
        self.question = question
        self.subject = subject
        self.method = method
        self.figure = figure
        self.threshold = threshold
        self.previous = previous
        self.p = p
        self.grouping = grouping
        self.group = group
        self.groups = groups
        self.effectSize = effectSize
        self.openAnswers = openAnswers
        self.guidance = guidance
    }
}
