import Foundation

/// A class name as schools write it («5а», «5 А», «5-А», «10Б») in one form: «5А», with its parallel.
public struct SchoolClass: Sendable, Equatable, Hashable {
    public var name: String
    public var grade: Int

    /// Nil unless the text starts with a grade 1–11, optionally followed by a space or hyphen and a letter.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard let grade = Int(digits), (1...11).contains(grade) else { return nil }
        var rest = trimmed.dropFirst(digits.count)
        while let first = rest.first, first == " " || first == "-" || first == "\u{00A0}" { rest = rest.dropFirst() }
        guard rest.count <= 2, rest.allSatisfy(\.isLetter) else { return nil }
        self.grade = grade
        self.name = String(grade) + rest.uppercased()
    }
}
