import AnketaCore

/// One answer as the tallies read it: option codes resolved to their index in the scale once per
/// response, so that the total and every group sheet count without hashing strings.
enum DenseAnswer {
    /// No answer, or an option code the scale does not have (counted as blank).
    case blank
    case noAnswer
    /// A single choice: the option's index in the scale.
    case option(Int)
    /// A multiple choice with at least one code; the indices of the known codes, in the order given.
    case choices([Int])
    case number(Double)
    case text(String)

    /// The option index of a single choice, −1 for anything else (what the indicators read).
    var optionIndex: Int {
        if case .option(let index) = self { index } else { -1 }
    }

    init(_ answer: Answer?, plan: QuestionPlan) {
        switch answer {
        case nil: self = .blank
        case .noAnswer?: self = .noAnswer
        case .option(let code)?:
            if let index = plan.index(ofCode: code) { self = .option(index) } else { self = .blank }
        case .options(let codes)?:
            if codes.isEmpty { self = .blank } else { self = .choices(codes.compactMap { plan.index(ofCode: $0) }) }
        case .number(let value)?: self = .number(value)
        case .text(let text)?: self = .text(text)
        }
    }
}
