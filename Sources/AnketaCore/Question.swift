/// One question of a questionnaire.
public struct Question: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable, Codable {
        /// One option of a scale.
        case single
        /// Several options of a scale.
        case multiple
        case number
        case shortText = "short_text"
        case longText = "long_text"

        /// Whether answers are options of a scale.
        public var isChoice: Bool { self == .single || self == .multiple }
        public var isText: Bool { self == .shortText || self == .longText }
    }

    public var id: String
    public var section: String
    public var text: String
    /// The title of the grid (matrix) this question is a row of.
    public var grid: String?
    public var kind: Kind
    public var scale: String?
    public var required: Bool
    public var reverse: Bool
    public var min: Double?
    public var max: Double?
    /// Extra column headers accepted on import.
    public var aliases: [String]
    /// What to do when this question's figure falls below its indicator's deficit threshold.
    public var guidance: Guidance
    /// Word stems that tie open answers to this question, besides the words of its text.
    public var keywords: [String]
    /// Competence or attitude (`kind:` in YAML), when the definition says.
    public var itemKind: ItemKind?

    public init(id: String, section: String, text: String, grid: String? = nil, kind: Kind, scale: String? = nil,
                required: Bool? = nil, reverse: Bool = false, min: Double? = nil, max: Double? = nil,
                aliases: [String] = [], guidance: Guidance = Guidance(), keywords: [String] = []) {
        self.guidance = guidance
        self.keywords = keywords
        self.id = id
        self.section = section
        self.text = text
        self.grid = grid
        self.kind = kind
        self.scale = scale
        self.required = required ?? !kind.isText
        self.reverse = reverse
        self.min = min
        self.max = max
        self.aliases = aliases
    }

    /// The text as a column header, Google Forms style: `Grid [Question]` for grid rows.
    public var header: String {
        if let grid { "\(grid) [\(text)]" } else { text }
    }
}

/// A question used to break results down (class, level, experience…).
public struct Grouping: Sendable, Equatable {
    public enum Derivation: String, Sendable, Equatable, CaseIterable {
        /// The education level НОО / ООО / СОО from a class such as «5А».
        case level
        /// The class number only: «5А» → «5».
        case classNumber = "class_number"
    }

    public var id: String
    public var title: String
    public var question: String
    public var derive: Derivation?

    public init(id: String, title: String, question: String, derive: Derivation? = nil) {
        self.id = id
        self.title = title
        self.question = question
        self.derive = derive
    }
}
