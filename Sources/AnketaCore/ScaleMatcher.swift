/// A scale's texts normalised once, for matching many typed answers quickly: labels and aliases
/// first, then «no answer» labels, then codes — the order ``Scale/match(_:)`` promises.
public struct ScaleMatcher: Sendable {
    /// Texts exactly as the definition writes them: most cells are one of these.
    private let exact: [String: Scale.Match]
    private let byText: [TextKey: Scale.Match]
    private let byCode: [TextKey: Scale.Match]
    /// Every text that selects something, longest first (for splitting checkbox cells).
    public let candidates: [(key: TextKey, match: Scale.Match)]

    public init(_ scale: Scale) {
        var byText: [TextKey: Scale.Match] = [:]
        for option in scale.options {
            for text in [option.label] + option.aliases where byText[TextKey(text)] == nil {
                byText[TextKey(text)] = .option(option)
            }
        }
        for label in scale.noAnswer where byText[TextKey(label)] == nil {
            byText[TextKey(label)] = .noAnswer
        }
        var byCode: [TextKey: Scale.Match] = [:]
        for option in scale.options where byCode[TextKey(option.code)] == nil {
            byCode[TextKey(option.code)] = .option(option)
        }
        var exact: [String: Scale.Match] = [:]
        for option in scale.options {
            for text in [option.label] + option.aliases where exact[text] == nil { exact[text] = .option(option) }
        }
        for label in scale.noAnswer where exact[label] == nil { exact[label] = .noAnswer }
        for option in scale.options where exact[option.code] == nil { exact[option.code] = .option(option) }
        // An exact text must mean what its normalised form means (a code equal to another option's label does not).
        self.exact = exact.filter { text, match in (byText[TextKey(text)] ?? byCode[TextKey(text)]) == match }
        self.byText = byText
        self.byCode = byCode
        candidates = scale.matchableTexts
    }

    public func match(_ text: String) -> Scale.Match? {
        if let match = exact[text] { return match }
        let key = TextKey(text)
        if key.isEmpty { return nil }
        return byText[key] ?? byCode[key]
    }
}
