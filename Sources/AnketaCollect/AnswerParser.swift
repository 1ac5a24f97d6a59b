import AnketaCore

/// Turns one cell of an export into an ``Answer`` of a question.
///
/// Blank cells are missing answers (`nil`). A non-blank cell that matches no option, or a number out
/// of range, is an ``AnswerParser/Problem`` that rejects the row.
public struct AnswerParser: Sendable {
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var question: String
        public var message: String

        public var description: String { "вопрос «\(question)»: \(message)" }
    }

    public let questionnaire: Questionnaire
    /// Each scale's texts, normalised once rather than for every cell.
    private let matchers: [String: ScaleMatcher]
    /// The same texts as bytes, for the fast path (`CellMatcher`); absent for a scale it cannot serve.
    private let cellMatchers: [String: CellMatcher]

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        let matchers = questionnaire.scales.mapValues(ScaleMatcher.init)
        self.matchers = matchers
        var cellMatchers: [String: CellMatcher] = [:]
        for (id, scale) in questionnaire.scales {
            if let matcher = matchers[id], let cellMatcher = CellMatcher(scale, matcher: matcher) { cellMatchers[id] = cellMatcher }
        }
        self.cellMatchers = cellMatchers
    }

    public func parse(_ cell: String, for question: Question) throws(Problem) -> Answer? {
        var buffer: [UInt8] = []
        return try parse(cell, for: question, fast: cellMatcher(for: question), buffer: &buffer)
    }

    /// The byte matcher of a question's scale, looked up once per column by readers of many rows.
    func cellMatcher(for question: Question) -> CellMatcher? {
        guard question.kind == .single || question.kind == .multiple, let scale = question.scale else { return nil }
        return cellMatchers[scale]
    }

    /// ``parse(_:for:)`` with the question's byte matcher given and a reusable buffer: most cells
    /// are decided over their bytes; the rest (and every problem) go the general way.
    func parse(_ cell: String, for question: Question, fast: CellMatcher?, buffer: inout [UInt8]) throws(Problem) -> Answer? {
        if cell.utf8.isEmpty { return nil }
        if let fast {
            var cell = cell
            let answer: Answer?? = cell.withUTF8 { bytes -> Answer?? in
                switch question.kind {
                case .single:
                    guard let answer = fast.answer(bytes, buffer: &buffer) else { return nil }
                    return .some(answer)
                case .multiple:
                    guard let answer = fast.choices(bytes, buffer: &buffer) else { return nil }
                    return .some(answer)
                default:
                    return nil
                }
            }
            if let answer { return answer }
        }
        let value = AnswerParser.unprotect(cell.trimmed)
        if value.isEmpty { return nil }
        switch question.kind {
        case .single:
            guard let scale = questionnaire.scale(of: question), let matcher = question.scale.flatMap({ matchers[$0] }) else { return nil }
            switch matcher.match(value) {
            case .option(let option)?: return .option(option.code)
            case .noAnswer?: return .noAnswer
            case nil: throw Problem(question: question.id, message: "ответ «\(value)» не совпадает ни с одним вариантом (\(AnswerParser.optionList(scale)))")
            }
        case .multiple:
            guard let scale = questionnaire.scale(of: question), let matcher = question.scale.flatMap({ matchers[$0] }) else { return nil }
            return try splitChoices(value, scale: scale, matcher: matcher, question: question)
        case .number:
            let normalized = value.replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }
            guard let number = Double(normalized), number.isFinite else {
                throw Problem(question: question.id, message: "«\(value)» — не число")
            }
            if let min = question.min, number < min { throw Problem(question: question.id, message: "\(value) меньше допустимого минимума \(RussianNumber.plain(min))") }
            if let max = question.max, number > max { throw Problem(question: question.id, message: "\(value) больше допустимого максимума \(RussianNumber.plain(max))") }
            return .number(number)
        case .shortText, .longText:
            return .text(value)
        }
    }

    /// Splits a checkbox cell by matching known options, longest first, so that an option whose
    /// text contains a comma is not torn apart.
    func splitChoices(_ value: String, scale: Scale, matcher: ScaleMatcher, question: Question) throws(Problem) -> Answer {
        let candidates = matcher.candidates
        var rest = Substring(TextKey(value).value)
        var codes: Set<String> = []
        var sawNoAnswer = false
        while !rest.isEmpty {
            var matched = false
            for candidate in candidates where !candidate.key.isEmpty && rest.hasPrefix(candidate.key.value) {
                let after = rest.dropFirst(candidate.key.value.count)
                // The option must end at a separator or the end of the cell.
                guard after.isEmpty || after.first == "," || after.first == ";" || after.first == " " else { continue }
                switch candidate.match {
                case .option(let option): codes.insert(option.code)
                case .noAnswer: sawNoAnswer = true
                }
                rest = after.drop(while: { $0 == "," || $0 == ";" || $0 == " " || $0 == "." })
                matched = true
                break
            }
            if !matched {
                // A code typed by hand ("1, 3") is accepted too.
                let token = rest.prefix(while: { $0 != "," && $0 != ";" })
                if case .option(let option)? = matcher.match(String(token)) {
                    codes.insert(option.code)
                    rest = rest.dropFirst(token.count).drop(while: { $0 == "," || $0 == ";" || $0 == " " })
                    continue
                }
                throw Problem(question: question.id, message: "в ответе «\(value)» не распознан вариант «\(token.trimmingCharacters(in: .whitespaces))» (\(AnswerParser.optionList(scale)))")
            }
        }
        if codes.isEmpty { return sawNoAnswer ? .noAnswer : .options([]) }
        return .options(scale.options.map(\.code).filter(codes.contains))
    }

    static func optionList(_ scale: Scale) -> String {
        let labels = scale.options.map { "«\($0.label)»" } + scale.noAnswer.map { "«\($0)»" }
        return "варианты: " + labels.joined(separator: ", ")
    }

    /// Removes the apostrophe that CSV-injection protection puts before `=`, `+`, `-`, `@`.
    static func unprotect(_ value: String) -> String {
        guard value.hasPrefix("'"), let next = value.dropFirst().first, "=+-@\t\r".contains(next) else { return value }
        return String(value.dropFirst())
    }
}
