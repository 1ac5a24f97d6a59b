import AnketaCore

/// How the columns of an export map to a questionnaire's questions.
public struct ColumnMap: Sendable, Equatable {
    public enum Role: Sendable, Equatable {
        /// When the form was submitted (`Отметка времени`, `Timestamp`, `Время создания`).
        case timestamp
        case question(String)
        /// A 0/1 column of one option of a multiple-choice question (as `anketa export` writes them).
        case optionFlag(question: String, code: String)
        /// Matches nothing; reported and skipped.
        case unmatched
    }

    public var headers: [String]
    public var roles: [Role]

    /// Questions that have no column in the file.
    public var missingQuestions: [Question] = []

    public var unmatchedHeaders: [(index: Int, header: String)] {
        roles.enumerated().compactMap { index, role in role == .unmatched ? (index, headers[index]) : nil }
    }

    public var matchedQuestionCount: Int {
        roles.filter { if case .question = $0 { true } else { false } }.count
    }

    public static func == (lhs: ColumnMap, rhs: ColumnMap) -> Bool {
        lhs.headers == rhs.headers && lhs.roles == rhs.roles && lhs.missingQuestions == rhs.missingQuestions
    }

    static let timestampHeaders: Set<TextKey> = ["Отметка времени", "Timestamp", "Время создания", "Дата и время",
                                                  "Время отправки", "Дата заполнения"].map { TextKey($0) }.reduce(into: []) { $0.insert($1) }

    /// Maps headers to questions by id, by text (Google's `Grid [Row]` too) or by alias, ignoring a
    /// numbering prefix, case, spacing, «ё»/«е» and trailing punctuation.
    public init(headers: [String], questionnaire: Questionnaire, file: String) throws {
        self.headers = headers
        var byKey: [TextKey: String] = [:]
        var byPlainText: [TextKey: [String]] = [:]
        for question in questionnaire.questions {
            byKey[TextKey(question.id)] = question.id
            byKey[TextKey(question.header, stripNumbering: true)] = question.id
            for alias in question.aliases { byKey[TextKey(alias, stripNumbering: true)] = question.id }
            if question.grid != nil { byPlainText[TextKey(question.text, stripNumbering: true), default: []].append(question.id) }
        }
        var roles: [Role] = []
        var seen: [String: Int] = [:]
        for (index, header) in headers.enumerated() {
            let cleaned = header.hasPrefix("\u{FEFF}") ? String(header.dropFirst()) : header
            let key = TextKey(cleaned, stripNumbering: true)
            var role = Role.unmatched
            if ColumnMap.timestampHeaders.contains(key) {
                role = .timestamp
            } else if let id = byKey[key] {
                role = .question(id)
            } else if let ids = byPlainText[key], ids.count == 1 {
                role = .question(ids[0])
            } else if let flag = ColumnMap.optionFlag(cleaned, questionnaire: questionnaire, byKey: byKey) {
                role = flag
            }
            if case .question(let id) = role {
                if let other = seen[id] {
                    throw CollectError.ambiguousColumn(file, "столбцы \(other + 1) («\(headers[other])») и \(index + 1) («\(header)») относятся к одному вопросу «\(id)»")
                }
                seen[id] = index
            }
            roles.append(role)
        }
        self.roles = roles
        missingQuestions = questionnaire.questions.filter { seen[$0.id] == nil }
    }

    /// `Question text [Option label]` for a multiple-choice question.
    private static func optionFlag(_ header: String, questionnaire: Questionnaire, byKey: [TextKey: String]) -> Role? {
        guard header.hasSuffix("]"), let open = header.lastIndex(of: "[") else { return nil }
        let questionPart = String(header[..<open])
        let optionPart = String(header[header.index(after: open)..<header.index(before: header.endIndex)])
        guard let id = byKey[TextKey(questionPart, stripNumbering: true)], let question = questionnaire.question(id),
              question.kind == .multiple, let scale = questionnaire.scale(of: question),
              case .option(let option)? = scale.match(optionPart) else { return nil }
        return .optionFlag(question: id, code: option.code)
    }
}
