import AnketaCore

/// The columns of an export of responses: timestamp, one column per question headed by its text
/// (as Google Forms heads them, so the file can be imported again), and for each multiple-choice
/// question one 0/1 column per option.
public struct ExportLayout: Sendable {
    public let questionnaire: Questionnaire
    /// Write numbers with a decimal comma (for Russian Excel).
    public let decimalComma: Bool

    public init(questionnaire: Questionnaire, decimalComma: Bool = false) {
        self.questionnaire = questionnaire
        self.decimalComma = decimalComma
    }

    public var header: [String] {
        var header = ["Отметка времени"]
        for question in questionnaire.questions {
            header.append(question.header)
            if question.kind == .multiple, let scale = questionnaire.scale(of: question) {
                header += scale.options.map { "\(question.header) [\($0.label)]" }
            }
        }
        return header
    }

    /// One value of an export row: text, a number (an answer to a number question), or nothing.
    public enum Cell: Sendable, Equatable {
        case empty
        case text(String)
        case number(Double)
    }

    /// A response as text fields (for CSV): numbers with a point, or a comma with `decimalComma`.
    public func row(_ response: Response) -> [String] {
        cells(response).map { cell in
            switch cell {
            case .empty: return ""
            case .text(let text): return text
            case .number(let value):
                let text = RussianNumber.plain(value, maxDigits: 6).replacingOccurrences(of: "\u{202F}", with: "")
                return decimalComma ? text : text.replacingOccurrences(of: ",", with: ".")
            }
        }
    }

    /// A response as typed values (for a spreadsheet, where numbers stay numbers).
    public func cells(_ response: Response) -> [Cell] {
        var row: [Cell] = [response.submittedAt.map { .text(Timestamp.russian($0)) } ?? .empty]
        for question in questionnaire.questions {
            let scale = questionnaire.scale(of: question)
            let answer = response[question.id]
            row.append(cell(answer, scale: scale))
            if question.kind == .multiple, let scale {
                let chosen: Set<String> = if case .options(let codes)? = answer { Set(codes) } else { [] }
                for option in scale.options {
                    row.append(answer == nil ? .empty : .number(chosen.contains(option.code) ? 1 : 0))
                }
            }
        }
        return row
    }

    private func cell(_ answer: Answer?, scale: Scale?) -> Cell {
        switch answer {
        case nil: return .empty
        case .option(let code)?: return .text(scale?.option(code: code)?.label ?? code)
        case .options(let codes)?:
            let order = scale?.options.map(\.code) ?? codes
            return .text(order.filter(codes.contains).map { scale?.option(code: $0)?.label ?? $0 }.joined(separator: ", "))
        case .number(let value)?: return .number(value)
        case .text(let text)?: return .text(text)
        case .noAnswer?: return .text(scale?.noAnswer.first ?? "Затрудняюсь ответить")
        }
    }
}
