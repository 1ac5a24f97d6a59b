/// An ordered set of answer options with their scores.
public struct Scale: Sendable, Equatable {
    public var name: String
    public var options: [Option]
    /// Labels meaning "no answer", such as «Затрудняюсь ответить».
    public var noAnswer: [String]

    public init(name: String, options: [Option], noAnswer: [String] = []) {
        self.name = name
        self.options = options
        self.noAnswer = noAnswer
    }

    /// One answer option.
    public struct Option: Sendable, Equatable {
        /// Stable code (a number or short text as written in YAML).
        public var code: String
        public var label: String
        public var aliases: [String]
        public var score: Double?
        /// Explicit "positive answer" mark; `nil` when the YAML does not say.
        public var positive: Bool?
        /// How the web form shows the option when it differs from the label, e.g. both genders:
        /// «Полностью удовлетворён(а)» for the label «Полностью удовлетворён». Answers are stored
        /// and analysed under the label; the display text is also accepted on import.
        public var display: String?

        /// The text a respondent sees.
        public var shown: String { display ?? label }

        public init(code: String, label: String, aliases: [String] = [], score: Double? = nil, positive: Bool? = nil) {
            self.code = code
            self.label = label
            self.aliases = aliases
            self.score = score
            self.positive = positive
        }
    }

    /// Whether every option has a score.
    public var isScored: Bool { !options.isEmpty && options.allSatisfy { $0.score != nil } }

    /// The lowest and highest option scores.
    public var scoreRange: ClosedRange<Double>? {
        let scores = options.compactMap(\.score)
        guard let lo = scores.min(), let hi = scores.max() else { return nil }
        return lo...hi
    }

    /// The option with this code.
    public func option(code: String) -> Option? {
        options.first { $0.code == code }
    }

    /// Whether an option counts as a positive answer: explicitly marked, or — when the scale marks
    /// none — scored above the middle of the score range.
    public func isPositive(_ option: Option, reversed: Bool = false) -> Bool {
        if options.contains(where: { $0.positive != nil }) {
            let marked = option.positive ?? false
            guard reversed else { return marked }
            // A reverse-keyed question: the mirror option (same distance from the other end) decides.
            guard let index = options.firstIndex(of: option) else { return false }
            return options[options.count - 1 - index].positive ?? false
        }
        guard let score = option.score, let range = scoreRange, range.lowerBound < range.upperBound else { return false }
        let mid = (range.lowerBound + range.upperBound) / 2
        return reversed ? score < mid : score > mid
    }

    /// The option's score, flipped within the range for reverse-keyed questions.
    public func score(of option: Option, reversed: Bool = false) -> Double? {
        guard let score = option.score else { return nil }
        guard reversed, let range = scoreRange else { return score }
        return range.lowerBound + range.upperBound - score
    }

    /// How a piece of text matched this scale.
    public enum Match: Sendable, Equatable {
        case option(Option)
        case noAnswer
    }

    /// Matches typed text to an option by label, alias or code, ignoring case, spacing, «ё»/«е» and
    /// trailing punctuation. Returns `nil` when nothing matches. (For many cells, build a
    /// ``ScaleMatcher`` once instead.)
    public func match(_ text: String) -> Match? {
        ScaleMatcher(self).match(text)
    }

    /// Every text that selects an option or "no answer", longest first (for splitting checkbox cells).
    public var matchableTexts: [(key: TextKey, match: Match)] {
        var all: [(TextKey, Match)] = []
        for option in options {
            all.append((TextKey(option.label), .option(option)))
            for alias in option.aliases { all.append((TextKey(alias), .option(option))) }
        }
        for label in noAnswer { all.append((TextKey(label), .noAnswer)) }
        return all.sorted { $0.0.value.count > $1.0.value.count }.map { (key: $0.0, match: $0.1) }
    }
}
