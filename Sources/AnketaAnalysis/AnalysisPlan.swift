import AnketaCore

/// A questionnaire prepared for fast tallying: option indices, scores and positive marks resolved once.
/// A class: the tallies take it for every respondent, and a struct holding the `Questionnaire` would
/// be copied (dozens of retains) each time.
final class AnalysisPlan {
    let questionnaire: Questionnaire
    let questions: [QuestionPlan]
    let indicators: [IndicatorPlan]

    init(_ questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        let questions = questionnaire.questions.enumerated().map { QuestionPlan(question: $1, scale: questionnaire.scale(of: $1), position: $0) }
        self.questions = questions
        let byID = Dictionary(uniqueKeysWithValues: questions.map { ($0.question.id, $0) })
        indicators = questionnaire.indicators.map { indicator in
            IndicatorPlan(indicator: indicator, items: indicator.items.compactMap { item in
                byID[item.question].map { (question: $0, weight: item.weight) }
            })
        }
    }
}

/// A class, not a struct: the tallying loop reads plans millions of times and must not copy them.
final class QuestionPlan {
    let question: Question
    let scale: Scale?
    /// The question's place in the questionnaire (and in a response's dense answers).
    let position: Int
    let optionIndex: [String: Int]
    /// Option codes in scale order (a few short strings: a linear scan beats hashing).
    let codes: [String]
    /// Scores as written in the scale.
    let rawScores: [Double?]
    /// Scores flipped for reverse-keyed questions.
    let keyedScores: [Double?]
    let positive: [Bool]
    let range: ClosedRange<Double>?

    init(question: Question, scale: Scale?, position: Int = 0) {
        self.question = question
        self.scale = scale
        self.position = position
        let options = scale?.options ?? []
        codes = options.map(\.code)
        optionIndex = Dictionary(options.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        rawScores = options.map(\.score)
        keyedScores = options.map { scale?.score(of: $0, reversed: question.reverse) }
        positive = options.map { scale?.isPositive($0, reversed: question.reverse) ?? false }
        range = scale?.scoreRange
    }

    /// The index of the first option with this code (as `optionIndex`, without hashing).
    @inline(__always)
    func index(ofCode code: String) -> Int? {
        if codes.count > 16 { return optionIndex[code] }
        for (index, candidate) in codes.enumerated() where candidate == code { return index }
        return nil
    }

    /// A keyed score on 0–100.
    func index(ofKeyedScore score: Double) -> Double {
        guard let range, range.upperBound > range.lowerBound else { return 0 }
        return (score - range.lowerBound) / (range.upperBound - range.lowerBound) * 100
    }
}

final class IndicatorPlan {
    let indicator: Indicator
    let items: [(question: QuestionPlan, weight: Double)]
    /// How a respondent's score is computed (for `level_share`, the method of the counted indicator).
    let scoring: Indicator.Method
    let levelShare: Indicator.LevelShare?
    /// The items flattened into plain values, so that tallying a respondent touches no class and no
    /// optional: item `i` is the question at `positions[i]` with `weights[i]`; its option `o` is at
    /// `offsets[i] + o` in the per-option tables.
    let positions: [Int]
    let weights: [Double]
    let offsets: [Int]
    /// Per item and option: whether the option has a keyed score, the score, whether it is positive,
    /// and the score on 0–100 (`QuestionPlan.index(ofKeyedScore:)`).
    let scored: [Bool]
    let keyedScores: [Double]
    let positive: [Bool]
    let indexScores: [Double]

    init(indicator: Indicator, items: [(question: QuestionPlan, weight: Double)]) {
        self.indicator = indicator
        self.items = items
        scoring = indicator.scoringMethod
        levelShare = indicator.levelShare
        positions = items.map(\.question.position)
        weights = items.map(\.weight)
        var offsets: [Int] = [], scored: [Bool] = [], keyedScores: [Double] = [], positive: [Bool] = [], indexScores: [Double] = []
        for item in items {
            offsets.append(scored.count)
            for (option, score) in item.question.keyedScores.enumerated() {
                scored.append(score != nil)
                keyedScores.append(score ?? 0)
                positive.append(item.question.positive[option])
                indexScores.append(score.map { item.question.index(ofKeyedScore: $0) } ?? 0)
            }
        }
        self.offsets = offsets
        self.scored = scored
        self.keyedScores = keyedScores
        self.positive = positive
        self.indexScores = indexScores
    }
}
