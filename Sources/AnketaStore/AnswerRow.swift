import AnketaCore

/// One stored row of the `answer` table: a question's answer, or one chosen option of a
/// multiple-choice question. Both backends write and read answers through it, so they store the
/// same rows.
public struct AnswerRow: Sendable, Equatable {
    public var question: String
    /// option | options | number | text | no_answer
    public var kind: String
    public var value: String
    public var number: Double?

    public init(question: String, kind: String, value: String, number: Double?) {
        self.question = question
        self.kind = kind
        self.value = value
        self.number = number
    }

    /// A response's rows, by question id (an empty multiple choice is one row with an empty value).
    public static func rows(of response: Response) -> [AnswerRow] {
        var rows: [AnswerRow] = []
        rows.reserveCapacity(response.answers.count)
        for (question, answer) in response.answers.sorted(by: { $0.key < $1.key }) {
            switch answer {
            case .option(let code):
                rows.append(AnswerRow(question: question, kind: "option", value: code, number: nil))
            case .options(let codes):
                if codes.isEmpty { rows.append(AnswerRow(question: question, kind: "options", value: "", number: nil)) }
                for code in codes { rows.append(AnswerRow(question: question, kind: "options", value: code, number: nil)) }
            case .number(let number):
                rows.append(AnswerRow(question: question, kind: "number", value: RussianNumber.plain(number, maxDigits: 15), number: number))
            case .text(let text):
                rows.append(AnswerRow(question: question, kind: "text", value: text, number: nil))
            case .noAnswer:
                rows.append(AnswerRow(question: question, kind: "no_answer", value: "", number: nil))
            }
        }
        return rows
    }
}
