import Foundation
import AnketaCore

/// Groups open answers that are identical or nearly so, and ties them to questions by shared word
/// stems.
///
/// Near-identical: the same words after case folding, «ё» → «е» and dropping punctuation
/// («Вежливее разговаривать на вахте!» = «вежливее разговаривать на вахте»). A stem is a word's
/// first five letters, or all but its last letter for shorter words, so «вахте» and «вахта», «туалеты» and
/// «туалетов» share one. Stems found in the texts of many questions («школ», «удовле») carry no
/// information and are ignored.
struct OpenAnswerIndex {
    struct Cluster {
        var text: String
        var count: Int
        var question: String
        var stems: Set<String>
        var words: [String]
    }

    /// Clusters of all open questions, the most frequent first.
    let clusters: [Cluster]

    init(texts: [(question: String, answers: [String])]) {
        var clusters: [Cluster] = []
        for (question, answers) in texts {
            var index: [String: Int] = [:]
            var local: [Cluster] = []
            for answer in answers {
                let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
                let words = Self.words(trimmed)
                guard !words.isEmpty else { continue }
                let key = words.joined(separator: " ")
                if let at = index[key] {
                    local[at].count += 1
                } else {
                    index[key] = local.count
                    local.append(Cluster(text: trimmed, count: 1, question: question, stems: Set(words.compactMap(Self.stem)), words: words))
                }
            }
            clusters += local
        }
        self.clusters = clusters.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    }

    /// Stems of answers that say nothing about a subject («всё хорошо», «спасибо», «затрудняюсь»).
    static let uninformative: Set<String> = Set([
        "хорошо", "спасибо", "затрудняюсь", "отлично", "нормально", "доволен", "довольна", "больше", "меньше", "очень",
        "всего", "нужно", "надо", "чтобы", "хотелось", "можно", "было", "будет", "сделать", "школе", "школы", "школа",
        "детей", "дети", "ребёнка", "ребенок", "всё", "нет", "пока", "знаю", "знаем", "сказать", "никаких",
    ].compactMap { stem(words($0).first ?? "") })

    /// First words of thanks («Спасибо…», «Благодарим…»): such answers are not problems.
    static let gratitude: Set<String> = Set(["спасибо", "благодарим", "благодарю", "благодарность"].compactMap { stem($0) })

    /// Lower-case words of letters and digits, «ё» as «е».
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character == "ё" ? "е" : character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// The stem of a word of four or more letters; shorter words carry no stem.
    static func stem(_ word: String) -> String? {
        guard word.count >= 4, word.contains(where: \.isLetter) else { return nil }
        if word.count == 4 { return word }
        return String(word.prefix(min(word.count - 1, 5)))
    }

    /// Stems of a text (question text, indicator title, keywords).
    static func stems(_ text: String) -> Set<String> {
        Set(words(text).compactMap(stem))
    }
}
