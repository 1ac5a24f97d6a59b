import AnketaAnalysis
import AnketaCore

/// The figures of one questionnaire across the schools of a municipality: what the municipal
/// справка, its JSON (`municipal.json`) and CSV show. Full precision; percentages are 0–100.
///
/// Schools with fewer respondents than the minimum group size are *hidden*: their figures are not
/// shown and their respondents are left out of every municipal figure too, so that no published
/// number (a municipal figure less the shown schools) reveals them.
public struct MunicipalResult: Codable, Sendable, Equatable {
    public var questionnaireID: String
    public var title: String
    public var audience: Audience
    public var wave: String
    public var minGroupSize: Int
    /// Registered units without a wave of this survey are not listed.
    public var schools: [SchoolFigures]
    public var indicators: [MunicipalIndicator]
    /// Respondents of the shown schools (the municipal figures are theirs).
    public var respondents: Int
    /// Contingent of the shown schools for this audience (when every shown school has one).
    public var contingent: Int?
    /// First and last submission of the shown schools.
    public var period: [String]?
    /// Pooled figures by education level (ООО, СОО…), when the questionnaire derives levels from classes.
    public var levels: LevelComparison?
    /// For teachers: development topics — competences where teachers report difficulties, with where they work.
    public var topics: [DevelopmentTopic]

    /// Shown schools.
    public var shown: [SchoolFigures] { schools.filter { !$0.hidden } }
}

/// One school's figures.
public struct SchoolFigures: Codable, Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    /// `nil` when hidden (fewer than the minimum answered): never published.
    public var respondents: Int?
    public var hidden: Bool
    public var contingent: Int?
    /// respondents / contingent · 100, when both are known and the school is shown.
    public var coverage: Double?
    public var indicators: [SchoolIndicator]
}

/// One school's figure on one indicator and how it compares with the rest of the municipality.
public struct SchoolIndicator: Codable, Sendable, Equatable {
    public var id: String
    public var figure: Double?
    public var level: String?
    public var deficit: Bool
    /// Mean of respondents' scores with its 95 % t-interval (the forest plot).
    public var scoreMean: Double?
    public var interval: [Double]?
    public var scored: Int
    public var comparison: RestComparison?
}

/// A school against the rest of the municipality (Welch's t-test on respondents' scores).
public struct RestComparison: Codable, Sendable, Equatable {
    /// Mean score of the school minus that of the other shown schools' respondents.
    public var difference: Double
    public var lower: Double
    public var upper: Double
    public var t: Double
    public var degreesOfFreedom: Double
    public var p: Double
    /// Holm-adjusted across the schools compared on this indicator.
    public var pHolm: Double
    /// `above` / `below` when `pHolm` < 0,05, else `none`.
    public var direction: Direction

    public enum Direction: String, Codable, Sendable, Equatable {
        case above, below, none
    }
}

/// The municipal figure of one indicator, two ways.
public struct MunicipalIndicator: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var method: Indicator.Method
    public var audienceKey: String?
    /// Over all respondents of the shown schools, computed like a school's figure.
    public var pooled: Double?
    public var level: String?
    public var deficit: Bool
    public var threshold: Double?
    /// The unweighted mean of the shown schools' figures (each school counts once).
    public var meanOfSchools: Double?
    public var lowest: Double?
    public var highest: Double?
    /// Mean of respondents' scores over the shown schools (the forest plot's reference line).
    public var scoreMean: Double?
    /// Shown schools with a figure, and of them those at a deficit level.
    public var schools: Int
    public var deficitSchools: Int
    public var recommendation: String?
}

/// Pooled figures of the education levels and the test between them.
public struct LevelComparison: Codable, Sendable, Equatable {
    public var grouping: String
    public var groups: [GroupFigures]
    public var tests: [GroupTest]
}

/// A competence many teachers find difficult: how many, and in which schools.
public struct DevelopmentTopic: Codable, Sendable, Equatable {
    public var question: String
    public var text: String
    public var indicator: String?
    /// Teachers of shown schools who answered and did not give a positive answer.
    public var teachers: Int
    public var valid: Int
    public var percent: Double
    public var schools: [Place]
    /// By subject area (teachers' questionnaires with a `subject` grouping): see ``SubjectTopics``.
    public var subjects: [SubjectRow] = []
    /// Subject areas merged into «другие» (fewer than the minimum teachers, or merged to protect a
    /// small school × subject group).
    public var subjectsMerged: [String] = []
    /// The by-subject table could not be published without revealing a small group.
    public var subjectsWithheld = false

    /// One subject area's need: teachers with the difficulty of those who answered, and the
    /// schools (names only) where at least 30 % of that subject's teachers report it.
    public struct SubjectRow: Codable, Sendable, Equatable {
        /// nil: «другие предметные области» (the merged small ones).
        public var subject: String?
        public var teachers: Int
        public var valid: Int
        public var percent: Double
        public var schools: [String]
    }

    public struct Place: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var teachers: Int
        public var percent: Double
    }
}
