/// An indicator (показатель): a figure computed from several questions, with levels.
public struct Indicator: Sendable, Equatable {
    /// How the figure is computed; see `docs/questionnaire-format.md`.
    public enum Method: String, Sendable, Equatable, CaseIterable, Codable {
        case positiveShare = "positive_share"
        case meanIndex = "mean_index"
        case meanScore = "mean_score"
        case sum
        /// Percent (0–100) of respondents whose own score on another indicator (`of`) falls into
        /// the given levels (`share_levels`), e.g. «низкий» + «дезадаптация» of school motivation.
        case levelShare = "level_share"

        /// Whether the figure is a percentage.
        public var isPercent: Bool { self == .positiveShare || self == .levelShare }
    }

    /// Whether a higher figure is better (the default: satisfaction, motivation) or worse
    /// (external motivation, the share of pupils at risk).
    public enum Direction: String, Sendable, Equatable, CaseIterable, Codable {
        case higherIsBetter = "higher_is_better"
        case lowerIsBetter = "lower_is_better"
    }

    /// What a `level_share` indicator counts: respondents whose score on `of` falls into `levels`.
    public struct LevelShare: Sendable, Equatable {
        /// The indicator whose respondents' scores and levels are counted.
        public var of: String
        /// Names of the counted levels of `of`.
        public var levels: [String]
        /// How `of` scores a respondent.
        public var method: Method
        /// The levels of `of`, ordered from the highest.
        public var baseLevels: [Level]

        public init(of: String, levels: [String], method: Method, baseLevels: [Level]) {
            self.of = of
            self.levels = levels
            self.method = method
            self.baseLevels = baseLevels
        }

        /// Whether a respondent's score on `of` is counted.
        public func counts(_ score: Double) -> Bool {
            guard let level = Level.level(for: score, in: baseLevels) else { return false }
            return levels.contains(level.name)
        }
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
    /// Whether a higher figure is better; levels, deficits, colours and wording follow it.
    public var direction: Direction = .higherIsBetter
    /// For `level_share`: what is counted (the items are those of `of`).
    public var levelShare: LevelShare?

    /// How a respondent's score is computed: the method, or for `level_share` the method of `of`.
    public var scoringMethod: Method { levelShare?.method ?? method }

    /// The best level: the first (highest) one, or the last when lower is better.
    public var bestLevel: Level? { direction == .lowerIsBetter ? levels.last : levels.first }

    /// The deficit threshold: for higher-is-better the lowest `from` of a non-deficit level (a
    /// figure below it is a deficit); for lower-is-better the lowest `from` of a deficit level (a
    /// figure at or above it is a deficit). `nil` without deficit levels.
    public var threshold: Double? { Level.threshold(levels, direction: direction) }
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

    /// The deficit threshold of `levels` (see ``Indicator/threshold``).
    public static func threshold(_ levels: [Level], direction: Indicator.Direction = .higherIsBetter) -> Double? {
        guard levels.contains(where: \.deficit) else { return nil }
        switch direction {
        case .higherIsBetter: return levels.filter { !$0.deficit }.map(\.from).min()
        case .lowerIsBetter: return levels.filter(\.deficit).map(\.from).min()
        }
    }

    /// How far `figure` is on the deficit side of `threshold` (positive inside the deficit).
    public static func gap(_ figure: Double, threshold: Double, direction: Indicator.Direction = .higherIsBetter) -> Double {
        direction == .lowerIsBetter ? figure - threshold : threshold - figure
    }
}
