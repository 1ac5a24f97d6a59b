/// A level's name in running text, agreeing with the word «уровень».
///
/// Level names are written in definitions as the school says them: masculine adjectives
/// («высокий», «хороший»), adjectives agreeing with another noun («умеренная», «выраженная» —
/// of «мотивация»), or noun phrases («внешняя мотивация», «дезадаптация»). Gluing «уровень» to
/// them blindly gives «умеренная уровень» or «внешняя мотивация уровень». Here an adjective is put
/// into the masculine to agree with «уровень» («умеренный уровень», «средний уровень»), and a
/// noun phrase is quoted as the level's name («уровень «внешняя мотивация»»).
///
/// ```swift
/// LevelWording.phrase("средний")            // «средний уровень»
/// LevelWording.phrase("умеренная")          // «умеренный уровень»
/// LevelWording.phrase("внешняя мотивация")  // «уровень «внешняя мотивация»»
/// ```
public enum LevelWording {
    public static func phrase(_ name: String) -> String {
        let trimmed = name.trimmed
        guard !trimmed.isEmpty else { return "уровень" }
        if trimmed.lowercased().contains("уровень") { return trimmed }
        var words = trimmed.split(separator: " ").map(String.init)
        guard let last = words.last, let lastForm = masculine(last) else { return "уровень «\(trimmed)»" }
        // Adjectives before the last agree too; other words («очень», «достаточно») stay as they are.
        for index in words.indices.dropLast() {
            if let form = masculine(words[index]) { words[index] = form }
        }
        words[words.count - 1] = lastForm
        return words.joined(separator: " ") + " уровень"
    }

    /// The masculine nominative singular of an adjective («умеренная» → «умеренный», «средняя» →
    /// «средний», «высокое» → «высокий»); `nil` when the word does not look like an adjective.
    static func masculine(_ word: String) -> String? {
        let lower = word.lowercased()
        guard lower.count > 3 else { return nil }
        for ending in ["ий", "ый", "ой"] where lower.hasSuffix(ending) { return word }
        let stem = String(word.dropLast(2))
        if lower.hasSuffix("яя") || lower.hasSuffix("ее") { return stem + "ий" }
        if lower.hasSuffix("ая") || lower.hasSuffix("ое") {
            // After г, к, х and the hushing consonants Russian spelling writes «-ий».
            let soft = "гкхжшчщ".contains(stem.lowercased().last ?? " ")
            return stem + (soft ? "ий" : "ый")
        }
        return nil
    }
}
