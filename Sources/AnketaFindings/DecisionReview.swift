import AnketaAnalysis
import AnketaCore

/// What became of last year's decisions: for each decision with a target, the targeted figure in
/// the previous and the current wave and whether it moved significantly.
public struct DecisionReview: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var decision: DecisionList.Decision
        /// The target's title (indicator title or question text).
        public var target: String?
        public var method: Indicator.Method
        public var previous: Double?
        public var current: Double?
        /// Significant change: `.up`, `.down`, `.none`; `.unknown` without a previous wave or target.
        public var direction: Dynamics.Change.Direction
    }

    public var rows: [Row]

    public init(decisions: DecisionList, questionnaire: Questionnaire, result: AnalysisResult, previous: AnalysisResult?) {
        let dynamics = previous.map { Dynamics(previous: $0, current: result) }
        rows = decisions.decisions.map { decision in
            var row = Row(decision: decision, target: nil, method: .positiveShare, previous: nil, current: nil, direction: .unknown)
            if let id = decision.target?.indicator, let summary = result.indicators.first(where: { $0.id == id }) {
                row.target = summary.title
                row.method = summary.method
                row.current = summary.figure
                if let change = dynamics?.indicators.first(where: { $0.id == id }) {
                    row.previous = change.previous
                    row.direction = change.direction
                }
            } else if let id = decision.target?.question, let summary = result.questions.first(where: { $0.id == id }) {
                row.target = summary.text
                row.current = summary.positivePercent
                if let change = dynamics?.questions.first(where: { $0.id == id }) {
                    row.previous = change.previous
                    row.direction = change.direction
                }
            }
            return row
        }
    }
}
