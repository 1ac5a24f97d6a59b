import AnketaCore

/// Every figure of one wave of one questionnaire: what the справка, the JSON and the CSV tables show.
///
/// All numbers carry full precision; rounding belongs to the renderers. Percentages are 0–100.
/// The JSON schema is documented in `docs/report-json.md`.
public struct AnalysisResult: Codable, Sendable, Equatable {
    public var questionnaireID: String
    public var questionnaireVersion: Int
    public var title: String
    public var audience: Audience
    /// The wave's label, e.g. «2026-весна, Школа № 1».
    public var wave: String
    public var respondents: Int
    /// First and last submission time (`yyyy-MM-dd HH:mm:ss`), when the data has timestamps.
    public var period: [String]?
    /// Groups smaller than this are suppressed everywhere.
    public var minGroupSize: Int
    /// The whole wave is smaller than `minGroupSize`: no figure is given at all (anonymity).
    public var suppressed: Bool
    public var questions: [QuestionSummary]
    public var indicators: [IndicatorSummary]
    public var overall: OverallSummary?
    public var breakdowns: [Breakdown]
    /// Questions ranked by the share of answers that report a difficulty (non-positive answers),
    /// highest first: for the professional-deficits instrument, the development topics. When the
    /// definition marks its items (`kind:`), only competences are listed: an attitude or an
    /// observer's criterion is no training topic.
    public var difficulties: [Difficulty]
}

/// Counts of one option.
public struct OptionCount: Codable, Sendable, Equatable {
    public var code: String
    public var label: String
    public var count: Int
    /// Percent of valid answers (single choice) or of respondents who answered (multiple choice).
    public var percent: Double
    public var positive: Bool
    /// The option of a grouping question chosen by fewer than the minimum group size, or hidden to
    /// protect such a group (the same cells as in every breakdown of that question): `count` and
    /// `percent` are 0 and the option is shown as hidden.
    public var suppressed: Bool
}

/// Figures of one question.
public struct QuestionSummary: Codable, Sendable, Equatable {
    public var id: String
    public var text: String
    public var grid: String?
    public var section: String
    public var kind: Question.Kind
    public var reverse: Bool
    /// Respondents of the wave.
    public var respondents: Int
    /// Answers that count (options, numbers, texts) — «no answer» and blanks excluded.
    public var valid: Int
    public var noAnswer: Int
    public var blank: Int
    /// The valid / «затрудняюсь» / blank counts of a grouping question are withheld because they
    /// would reveal a small group: `valid`, `noAnswer`, `blank` and every option's `percent` are 0
    /// and must not be read. A last resort, rarely needed (see `docs/statistics.md`).
    public var answerCountsSuppressed: Bool
    public var options: [OptionCount]
    /// Mean, sample SD and median of option scores (single choice on a scored scale) or numbers.
    public var mean: Double?
    public var standardDeviation: Double?
    public var median: Double?
    public var quartiles: [Double]?
    public var minimum: Double?
    public var maximum: Double?
    /// Percent of valid answers that are positive, with its Wilson 95 % interval.
    public var positivePercent: Double?
    public var positiveInterval: [Double]?
    public var positiveCount: Int?
    /// (mean − min)/(max − min)·100 of the scale, reverse-keyed flipped.
    public var index: Double?
    /// Text answers (open questions), as written.
    public var texts: [String]?
}

/// Why Cronbach's alpha is missing, or its value.
public struct Reliability: Codable, Sendable, Equatable {
    public var alpha: Double?
    /// Complete cases used.
    public var n: Int
    public var items: Int
    /// Why it could not be computed, in Russian, when `alpha` is nil.
    public var reason: String?
}

/// n, mean and SD of respondents' scores (for tests and dynamics).
public struct ScoreMoments: Codable, Sendable, Equatable {
    public var n: Int
    public var mean: Double?
    public var standardDeviation: Double?
}

/// How many respondents fall into a level.
public struct LevelCount: Codable, Sendable, Equatable {
    public var level: String
    public var deficit: Bool
    public var count: Int
    public var percent: Double
}

/// Figures of one indicator.
public struct IndicatorSummary: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var method: Indicator.Method
    public var audienceKey: String?
    public var figure: Double?
    public var level: String?
    public var deficit: Bool
    /// The lowest figure that is not a deficit (the deficit threshold), if any level is a deficit.
    public var threshold: Double?
    public var respondentsScored: Int
    public var scores: ScoreMoments
    /// Respondents over levels by their own score (not for `positive_share`).
    public var levelDistribution: [LevelCount]?
    public var reliability: Reliability
    public var recommendation: String?
    /// `lower_is_better` when a lower figure is better; absent (the default) when higher is better.
    public var direction: Indicator.Direction? = nil
    /// The pooled share of positive answers to the indicator's questions (weighted), whatever the
    /// method: the common scale on which indicators of different methods are compared.
    public var positivePercent: Double? = nil
    /// For `level_share`: respondents counted (in the shared levels) of `respondentsScored`.
    public var counted: Int? = nil
}

/// The overall index of the audience.
public struct OverallSummary: Codable, Sendable, Equatable {
    public var title: String
    public var figure: Double?
    public var level: String?
    public var deficit: Bool
    public var indicators: [String]
}

/// Figures per group of one grouping question.
public struct Breakdown: Codable, Sendable, Equatable {
    public var grouping: String
    public var title: String
    public var groups: [GroupFigures]
    /// Some respondents are in no listed group: «не указано» smaller than the minimum group size is
    /// left out (nobody can be recognised by not answering, so it is neither shown nor protected by
    /// hiding real groups), and so, in rare cases, are hidden groups that could not be protected
    /// otherwise.
    public var groupsOmitted: Bool
    /// Tests of differences between the (unsuppressed) groups, one per indicator.
    public var tests: [GroupTest]
    /// Chi-square tests of independence of answers and groups, one per scored single-choice question.
    public var questionTests: [QuestionTest]
}

/// A chi-square test of independence between a question's options and the groups.
public struct QuestionTest: Codable, Sendable, Equatable {
    public var question: String
    public var statistic: Double
    public var degreesOfFreedom: Int
    public var p: Double
    /// Holm-adjusted across the questions of this breakdown.
    public var pHolm: Double
    public var cramersV: Double
    /// More than 20 % of expected counts are below 5: the p-value is approximate.
    public var sparse: Bool
    public var n: Int
}

/// One group's figures; all `nil` when suppressed.
public struct GroupFigures: Codable, Sendable, Equatable {
    public var key: String
    /// `nil` when suppressed.
    public var respondents: Int?
    public var suppressed: Bool
    public var indicators: [GroupIndicator]
    public var overall: Double?
}

public struct GroupIndicator: Codable, Sendable, Equatable {
    public var id: String
    public var figure: Double?
    public var level: String?
    public var deficit: Bool
    public var scores: ScoreMoments?
    /// The group's respondents over the indicator's levels by their own score (not for
    /// `positive_share` or `level_share`); only for groups that are shown.
    public var levelDistribution: [LevelCount]? = nil
}

/// A test of differences between groups on respondents' indicator scores.
public struct GroupTest: Codable, Sendable, Equatable {
    public var indicator: String
    /// `kruskal_wallis` or `mann_whitney`.
    public var test: String
    public var statistic: Double
    public var degreesOfFreedom: Int?
    public var p: Double
    /// Holm-adjusted across the indicators of this breakdown.
    public var pHolm: Double
    /// ε² (Kruskal–Wallis) or r = |z|/√N (Mann–Whitney).
    public var effectSize: Double
    public var groups: Int
    /// Respondents with a score on the indicator in the tested groups (not all respondents of the groups).
    public var n: Int
}

/// A question where many respondents report a difficulty.
public struct Difficulty: Codable, Sendable, Equatable {
    public var question: String
    public var text: String
    public var indicator: String?
    /// Percent of valid answers that are not positive.
    public var percent: Double
    public var valid: Int
}
