/// An indicator (показатель): a figure computed from several questions, with levels.
public struct Indicator: Sendable, Equatable {
    /// How the figure is computed; see `docs/questionnaire-format.md`.
    public enum Method: String, Sendable, Equatable, CaseIterable, Codable {
        case positiveShare = "positive_share"
        case meanIndex = "mean_index"
        case meanScore = "mean_score"
        case sum

        /// Whether the figure is a percentage.
        public var isPercent: Bool { self == .positiveShare }
    }

    public struct Item: Sendable, Equatable {
        public var question: String
        public var weight: Double

        public init(question: String, weight: Double = 1) {
            self.question = question
            self.weight = weight
        }
    }

    public var id: String
    public var title: String
    public var method: Method
    public var items: [Item]
    /// Ordered from the highest level down.
    public var levels: [Level]
    /// What to do when the indicator is a deficit or declines.
    public var guidance: Guidance
    public var audienceKey: String?
    /// Word stems that tie open answers to this indicator («вежлив», «груб»), besides its questions' words.
    public var keywords: [String]
    /// The row of a teacher's individual route (ИОМ) when this indicator is their deficit.
    public var route: RouteGuidance?

    /// The recommendation text of ``guidance``.
    public var recommendation: String? {
        get { guidance.recommendation }
        set { guidance.recommendation = newValue }
    }

    public init(id: String, title: String, method: Method, items: [Item], levels: [Level],
                recommendation: String? = nil, audienceKey: String? = nil, guidance: Guidance? = nil, keywords: [String] = []) {
        self.id = id
        self.title = title
        self.method = method
        self.items = items
        self.levels = levels
        self.guidance = guidance ?? Guidance(recommendation: recommendation)
        if guidance != nil, let recommendation { self.guidance.recommendation = recommendation }
        self.audienceKey = audienceKey
        self.keywords = keywords
    }

    /// The level a figure falls into: the first whose threshold it reaches.
    public func level(for figure: Double) -> Level? {
        Level.level(for: figure, in: levels)
    }
}

/// A level of an indicator's figure (высокий, средний, низкий…).
public struct Level: Sendable, Equatable, Codable {
    public var name: String
    public var from: Double
    public var deficit: Bool

    public init(name: String, from: Double, deficit: Bool = false) {
        self.name = name
        self.from = from
        self.deficit = deficit
    }

    /// The first level (ordered from the highest) whose threshold `figure` reaches.
    public static func level(for figure: Double, in levels: [Level]) -> Level? {
        // A tiny tolerance so that 79.99999999 from floating arithmetic is not pushed a level down.
        levels.first { figure >= $0.from - 1e-9 } ?? levels.last
    }
}
