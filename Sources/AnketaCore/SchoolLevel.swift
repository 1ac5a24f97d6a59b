/// Education levels of a Russian school.
public enum SchoolLevel: String, Sendable, CaseIterable, Codable {
    /// Начальное общее образование, grades 1–4.
    case primary = "НОО"
    /// Основное общее образование, grades 5–9.
    case basic = "ООО"
    /// Среднее общее образование, grades 10–11.
    case secondary = "СОО"

    /// The class number at the start of a class name such as «5А», «10 Б», «7» or «11-а класс».
    /// The text must start with the number, or with «класс»/«кл.» and then the number: «alert(1)»
    /// or «кружок 2» are not classes.
    public static func classNumber(_ className: String) -> Int? {
        let trimmed = numberStart(className)
        let digits = trimmed.prefix(while: { $0.isASCII && $0.isNumber })
        guard let number = Int(digits), (1...11).contains(number) else { return nil }
        return number
    }

    /// The level of a class, or `nil` when the text holds no class number 1–11.
    public init?(className: String) {
        guard let number = SchoolLevel.classNumber(className) else { return nil }
        switch number {
        case 1...4: self = .primary
        case 5...9: self = .basic
        default: self = .secondary
        }
    }

    /// Class names normalised for grouping: «5 а», «5-А», «5 "а"», «5А класс» → «5А»; «7 класс» → «7».
    public static func normalizedClass(_ className: String) -> String? {
        guard let number = classNumber(className) else { return nil }
        let afterNumber = numberStart(className).drop(while: { $0.isNumber })
        let rest = afterNumber.drop(while: { " -–\"'«»“”".contains($0) })
        guard let letter = rest.first, letter.isLetter, !rest.lowercased().hasPrefix("кл") else {
            return "\(number)"
        }
        // A single letter followed by nothing, a space or punctuation («5А», «5 а класс»).
        let next = rest.dropFirst().first
        guard !(next?.isLetter ?? false) else { return "\(number)" }
        return "\(number)\(letter.uppercased())"
    }

    /// The text from where the class number should begin: leading spaces and a leading «класс»/«кл.» skipped.
    private static func numberStart(_ text: String) -> Substring {
        var rest = text.drop(while: { $0.isWhitespace })
        for word in ["класс", "кл"] where rest.lowercased().hasPrefix(word) {
            rest = rest.dropFirst(word.count).drop(while: { $0.isWhitespace || $0 == "." })
            break
        }
        return rest
    }
}
