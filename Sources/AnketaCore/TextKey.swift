/// Text reduced to what matters when people type it: case, repeated spaces, «ё»/«е», quotes,
/// spaces after «№» and trailing punctuation ignored.
///
/// ```swift
/// TextKey("  5. Полностью  удовлетворён!") == TextKey("полностью удовлетворен", stripNumbering: false) // false: "5." stays
/// TextKey("5. Питание", stripNumbering: true) == TextKey("питание") // true
/// ```
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
    public let value: String

    /// - Parameter stripNumbering: drop a leading question number such as `5. `, `5) ` or `№5 `
    ///   (used for column headers, not for answers, where «5» may be a code).
    public init(_ text: String, stripNumbering: Bool = false) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isSpaceLike {
                // «№ 2» and «№2» are the same number.
                pendingSpace = !scalars.isEmpty && scalars.last != "№"
                continue
            }
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            switch scalar {
            case "ё", "Ё": scalars.append("е")
            case "«", "»", "“", "”", "„", "\"": continue
            default:
                switch scalar.value {
                // Fast paths for ASCII and Cyrillic capitals; everything else through Unicode's tables.
                case 0x41...0x5A, 0x410...0x42F: scalars.append(Unicode.Scalar(scalar.value + 0x20) ?? scalar)
                case 0x00...0x7F, 0x430...0x44F: scalars.append(scalar)
                default:
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(lower) }
                }
            }
        }
        var result = String(String.UnicodeScalarView(scalars))
        if stripNumbering { result = TextKey.dropNumbering(result) }
        while let last = result.last, TextKey.trailing.contains(last) {
            result.removeLast()
        }
        value = result
    }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { value }

    private static let trailing: Set<Character> = [".", ",", ":", ";", "!", "?", " ", "*", "…"]

    private static func dropNumbering(_ text: String) -> String {
        var rest = Substring(text)
        let numberSign = rest.first == "№"
        if numberSign { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return text }
        var after = rest.dropFirst(digits.count)
        // "5.", "5)", "5.1." — a number followed by a dot or bracket and a space.
        while let c = after.first, c == "." || c == ")" || (c.isASCII && c.isNumber) { after = after.dropFirst() }
        // After «№5» the space alone ends the number.
        guard numberSign || after.count < rest.count - digits.count, after.first == " " else { return text }
        return String(after.dropFirst())
    }
}
