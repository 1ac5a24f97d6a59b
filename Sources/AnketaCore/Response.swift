/// One respondent's answer to one question.
public enum Answer: Sendable, Equatable, Hashable {
    /// A single-choice answer: the option's code.
    case option(String)
    /// A multiple-choice answer: the chosen options' codes, in scale order.
    case options([String])
    case number(Double)
    case text(String)
    /// An explicit "no answer" such as «Затрудняюсь ответить». A blank cell is no `Answer` at all.
    case noAnswer
}

/// One respondent's answers. Questions left blank have no entry.
public struct Response: Sendable, Equatable {
    /// When the response was submitted, as local time `yyyy-MM-dd HH:mm:ss` (forms export local time).
    public var submittedAt: String?
    public var answers: [String: Answer]

    public init(submittedAt: String? = nil, answers: [String: Answer] = [:]) {
        self.submittedAt = submittedAt
        self.answers = answers
    }

    public subscript(question: String) -> Answer? {
        get { answers[question] }
        set { answers[question] = newValue }
    }
}
