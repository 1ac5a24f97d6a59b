/// Numbers as Russian readers expect them: decimal comma, a narrow no-break space in thousands,
/// a no-break space before «%».
///
/// ```swift
/// RussianNumber.fixed(82.4567, digits: 1)   // "82,5"
/// RussianNumber.percent(82.4567)            // "82,5 %"
/// RussianNumber.plain(0.5)                  // "0,5"
/// ```
public enum RussianNumber {
    /// Rounded to `digits` decimals (half away from zero), decimal comma.
    public static func fixed(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        var factor = 1.0
        for _ in 0..<max(0, digits) { factor *= 10 }
        let rounded = (abs(value) * factor).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && rounded > 0
        let whole = Int(rounded / factor)
        let fraction = Int(rounded - Double(whole) * factor)
        var text = groupThousands(String(whole))
        if digits > 0 {
            let fractionText = String(fraction)
            text += "," + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return negative ? "−" + text : text
    }

    /// The shortest form up to `maxDigits` decimals: 80 → "80", 0.5 → "0,5", 2/3 → "0,67".
    public static func plain(_ value: Double, maxDigits: Int = 2) -> String {
        var text = fixed(value, digits: maxDigits)
        if text.contains(",") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(",") { text.removeLast() }
        }
        return text
    }

    /// A percentage with a no-break space before the sign: "82,4 %".
    public static func percent(_ value: Double, digits: Int = 1) -> String {
        fixed(value, digits: digits) + "\u{00A0}%"
    }

    /// A signed change: "+3,2", "−1,0", "0,0".
    public static func signed(_ value: Double, digits: Int = 1) -> String {
        let text = fixed(value, digits: digits)
        return value > 0 && text != fixed(0, digits: digits) ? "+" + text : text
    }

    private static func groupThousands(_ digits: String) -> String {
        guard digits.count > 4 else { return digits }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append("\u{202F}") }
            result.append(character)
        }
        return result
    }
}

/// Russian plural forms: 1 респондент, 2 респондента, 5 респондентов, 21 респондент, 11 респондентов.
public struct RussianPlural: Sendable, Equatable {
    public var one: String
    public var few: String
    public var many: String

    public init(_ one: String, _ few: String, _ many: String) {
        self.one = one
        self.few = few
        self.many = many
    }

    public func form(_ count: Int) -> String {
        let n = abs(count) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2...4: return few
        default: return many
        }
    }

    /// "21 респондент".
    public func callAsFunction(_ count: Int) -> String {
        "\(RussianNumber.fixed(Double(count), digits: 0))\u{00A0}\(form(count))"
    }

    public static let respondent = RussianPlural("респондент", "респондента", "респондентов")
    public static let answer = RussianPlural("ответ", "ответа", "ответов")
    public static let row = RussianPlural("строка", "строки", "строк")
    public static let question = RussianPlural("вопрос", "вопроса", "вопросов")
    public static let person = RussianPlural("человек", "человека", "человек")
    public static let column = RussianPlural("столбец", "столбца", "столбцов")
    public static let problem = RussianPlural("ошибка", "ошибки", "ошибок")
}
