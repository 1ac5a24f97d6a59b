/// Management decisions (управленческие решения) of one справка: the rows of the table
/// «№ / проблема / мероприятие / срок / ответственный / итоговый документ».
///
/// `anketa report` drafts the list from the findings and writes it as `decisions.yaml`; the deputy
/// director edits it (or adds rows) and builds the справка again with `--decisions`. Next year the
/// same file, given as `--previous-decisions`, tells the справка what was decided and whether the
/// targeted figure moved. The format is in `docs/decisions-format.md`.
public struct DecisionList: Sendable, Equatable {
    /// What next year's справка checks: an indicator or a question of the questionnaire.
    public struct Target: Sendable, Equatable {
        public var indicator: String?
        public var question: String?

        public init(indicator: String? = nil, question: String? = nil) {
            self.indicator = indicator
            self.question = question
        }
    }

    public struct Decision: Sendable, Equatable {
        /// The problem with its figure: «Качество и разнообразие блюд: 47,9 % положительных ответов».
        public var problem: String
        /// The measure (мероприятие).
        public var action: String
        public var deadline: String
        /// A role: «заместитель директора по АХЧ».
        public var responsible: String
        /// The person holding the role, if known: «П. С. Орлов».
        public var person: String?
        /// The resulting document: приказ, протокол, план.
        public var document: String
        public var target: Target?
        /// The finding the row was drafted from (e.g. `item-deficit:food_quality`), to keep an edited row tied to it.
        public var finding: String?

        public init(problem: String, action: String, deadline: String, responsible: String, person: String? = nil,
                    document: String, target: Target? = nil, finding: String? = nil) {
            self.problem = problem
            self.action = action
            self.deadline = deadline
            self.responsible = responsible
            self.person = person
            self.document = document
            self.target = target
            self.finding = finding
        }
    }

    public var questionnaire: String?
    /// The survey period the decisions follow from (a wave or an учебный год).
    public var period: String?
    public var decisions: [Decision]

    public init(questionnaire: String? = nil, period: String? = nil, decisions: [Decision]) {
        self.questionnaire = questionnaire
        self.period = period
        self.decisions = decisions
    }

    /// The list as YAML, every value double-quoted (so any text round-trips), under a comment header.
    public func yaml(header: [String] = []) -> String {
        var lines = header.map { "# " + $0 }
        if let questionnaire { lines.append("questionnaire: \(Self.quoted(questionnaire))") }
        if let period { lines.append("period: \(Self.quoted(period))") }
        lines.append(decisions.isEmpty ? "decisions: []" : "decisions:")
        for decision in decisions {
            lines.append("  - problem: \(Self.quoted(decision.problem))")
            lines.append("    action: \(Self.quoted(decision.action))")
            lines.append("    deadline: \(Self.quoted(decision.deadline))")
            lines.append("    responsible: \(Self.quoted(decision.responsible))")
            if let person = decision.person { lines.append("    person: \(Self.quoted(person))") }
            lines.append("    document: \(Self.quoted(decision.document))")
            if let target = decision.target {
                if let indicator = target.indicator { lines.append("    target: {indicator: \(Self.quoted(indicator))}") }
                else if let question = target.question { lines.append("    target: {question: \(Self.quoted(question))}") }
            }
            if let finding = decision.finding { lines.append("    finding: \(Self.quoted(finding))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - String(scalar.value, radix: 16).count))
                        + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
