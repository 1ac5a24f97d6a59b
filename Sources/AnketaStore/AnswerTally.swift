import AnketaCore

/// How many responses gave each answer to one question, counted over decoded responses (the store
/// keeps a response's answers in one encoded value, so SQL cannot group them).
///
/// Each answer counts under the value the `answer` table's `value` column held before schema v8
/// (``AnswerRow/rows(of:)``): an option's code, each chosen code of a multiple choice (an empty one
/// as ""), a number in plain digits, a text as typed, "" for no answer.
package struct AnswerTally {
    let question: String
    private var tally: [String: Int] = [:]

    package init(question: String) {
        self.question = question
    }

    package mutating func add(_ response: Response) {
        switch response[question] {
        case nil: return
        case .option(let code)?: tally[code, default: 0] += 1
        case .options(let codes)?:
            if codes.isEmpty { tally["", default: 0] += 1 }
            for code in codes { tally[code, default: 0] += 1 }
        case .number(let number)?:
            // Plain digits as before; a number beyond what they can spell (±9·10¹⁸) in Swift's notation.
            tally[abs(number) < 9e18 ? RussianNumber.plain(number, maxDigits: 15) : "\(number)", default: 0] += 1
        case .text(let text)?: tally[text, default: 0] += 1
        case .noAnswer?: tally["", default: 0] += 1
        }
    }

    /// Most frequent first; equal counts by value.
    package var counts: [(value: String, count: Int)] {
        tally.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
    }
}
