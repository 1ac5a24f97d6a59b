import AnketaCore

/// One respondent's own figures: each indicator's score and level, and the questions where the
/// answer was not positive. Only for named instruments (the teacher's individual profile, ИОМ);
/// the справка never shows a single respondent.
///
/// ```swift
/// let scores = RespondentScores(response, questionnaire: q)
/// scores.indicators.filter(\.deficit)   // this teacher's deficits
/// ```
public struct RespondentScores: Sendable, Equatable {
    public struct IndicatorScore: Sendable, Equatable {
        public var id: String
        public var title: String
        public var method: Indicator.Method
        /// The respondent's score computed as in the analysis; `nil` when too few answers.
        public var score: Double?
        public var level: String?
        public var deficit: Bool
        /// Questions of the indicator answered with a non-positive option (reverse keying applied).
        public var weakQuestions: [String]
    }

    public var indicators: [IndicatorScore]

    public init(_ response: Response, questionnaire: Questionnaire) {
        let plan = AnalysisPlan(questionnaire)
        let dense = plan.questions.map { DenseAnswer(response.answers[$0.question.id], plan: $0) }
        indicators = plan.indicators.map { indicatorPlan in
            var tally = IndicatorTally(plan: indicatorPlan)
            tally.add(options: dense.map(\.optionIndex), plan: indicatorPlan)
            let indicator = indicatorPlan.indicator
            let score = tally.scores.array.first
            let level = score.flatMap { indicator.level(for: $0) }
            let weak = indicatorPlan.items.compactMap { item -> String? in
                guard case .option(let code)? = response[item.question.question.id],
                      let index = item.question.optionIndex[code], !item.question.positive[index] else { return nil }
                return item.question.question.id
            }
            return IndicatorScore(id: indicator.id, title: indicator.title, method: indicator.method, score: score,
                                  level: level?.name, deficit: level?.deficit ?? false, weakQuestions: weak)
        }
    }
}
