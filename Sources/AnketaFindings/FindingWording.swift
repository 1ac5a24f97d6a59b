import Foundation
import AnketaCore

/// Findings in plain Russian, as the справка and the decisions table write them.
public enum FindingWording {
    /// A figure as read in text: «82,4 %», «67,9 из 100», «0,63», «21,4».
    public static func figure(_ value: Double?, method: Indicator.Method) -> String {
        guard let value else { return "—" }
        switch method {
        case .positiveShare: return RussianNumber.percent(value)
        case .meanIndex: return RussianNumber.fixed(value, digits: 1) + "\u{00A0}из\u{00A0}100"
        case .meanScore: return RussianNumber.fixed(value, digits: 2)
        case .sum: return RussianNumber.fixed(value, digits: 1)
        case .levelShare: return RussianNumber.percent(value)
        }
    }

    /// «при пороге 60 %»; empty without a threshold.
    static func threshold(_ finding: Finding) -> String {
        finding.threshold.map { " при пороге \(thresholdFigure($0, method: finding.method))" } ?? ""
    }

    /// A threshold as written in a definition: «60 %», «50 из 100», «0,4».
    public static func thresholdFigure(_ value: Double, method: Indicator.Method) -> String {
        switch method {
        case .positiveShare, .levelShare: RussianNumber.plain(value, maxDigits: 1) + "\u{00A0}%"
        case .meanIndex: RussianNumber.plain(value, maxDigits: 1) + "\u{00A0}из\u{00A0}100"
        case .meanScore, .sum: RussianNumber.plain(value)
        }
    }

    /// A group as prose names it: a parallel's bare number «9» becomes «9-е классы» (beside «7Б»
    /// and «ООО» in one list, «9» alone reads as a class or a score); other keys as they are.
    public static func groupName(_ group: String, grouping: String?) -> String {
        guard grouping?.lowercased().contains("параллел") == true, !group.isEmpty, group.allSatisfy(\.isNumber) else { return group }
        return "\(group)-е классы"
    }

    /// The finding's group (``groupName(_:grouping:)``).
    public static func groupName(_ finding: Finding) -> String {
        groupName(finding.group ?? "", grouping: finding.grouping)
    }

    /// The problem in a few words, for the decisions table (the open answers that concern it are
    /// quoted in «Выводы», not here).
    public static func problem(_ finding: Finding) -> String {
        let value = figure(finding.figure, method: finding.method)
        let before = figure(finding.previous, method: finding.method)
        let limit = finding.threshold.map { " (порог — \(thresholdFigure($0, method: finding.method)))" } ?? ""
        var text: String
        switch finding.kind {
        case .indicatorDeficit: text = "Дефицит: «\(trimmedQuote(finding.subject))» — \(value)\(limit)"
        case .itemDeficit:
            text = "Низкая оценка: «\(trimmedQuote(finding.subject))» — \(value)\(finding.method == .positiveShare ? " положительных ответов" : "")\(limit)"
        case .groupDeficit: text = "Дефицит в группе «\(groupName(finding))»: «\(trimmedQuote(finding.subject))» — \(value)\(limit)"
        case .decline where finding.lowerIsBetter: text = "Рост: «\(trimmedQuote(finding.subject))» — \(before) → \(value) (чем ниже, тем лучше)"
        case .rise where finding.lowerIsBetter: text = "Снижение: «\(trimmedQuote(finding.subject))» — \(before) → \(value) (положительная динамика)"
        case .decline: text = "Снижение: «\(trimmedQuote(finding.subject))» — \(before) → \(value)"
        case .itemDecline: text = "Снижение оценки: «\(trimmedQuote(finding.subject))» — \(before) → \(value)"
        case .rise: text = "Рост: «\(trimmedQuote(finding.subject))» — \(before) → \(value)"
        case .groupDifference:
            text = "Различия по группам (\(finding.grouping?.lowercased() ?? "группы")): «\(trimmedQuote(finding.subject))»"
            if let low = finding.groups.first, let high = finding.groups.last {
                text += " — от \(figure(low.figure, method: finding.method)) («\(groupName(low.group, grouping: finding.grouping))») до \(figure(high.figure, method: finding.method)) («\(groupName(high.group, grouping: finding.grouping))»)"
            }
        case .openAnswers:
            text = "Повторяющиеся предложения: " + finding.openAnswers.prefix(3).map { "«\(trimmedQuote($0.text, limit: 60))» (\($0.count))" }.joined(separator: ", ")
        }
        // Open answers beside the finding are quoted in «Выводы»; the table names the problem only.
        return text
    }

    /// The finding in one sentence, without a final full stop.
    public static func sentence(_ finding: Finding) -> String {
        let value = figure(finding.figure, method: finding.method)
        let before = figure(finding.previous, method: finding.method)
        switch finding.kind {
        case .indicatorDeficit:
            return "показатель «\(trimmedQuote(finding.subject))» на уровне дефицита: \(value)\(threshold(finding))"
        case .itemDeficit:
            let what = finding.method == .positiveShare ? " положительных ответов" : ""
            var text = "вопрос «\(trimmedQuote(finding.subject))» \(finding.lowerIsBetter ? "выше" : "ниже") порога дефицита: \(value)\(what)\(threshold(finding))"
            if let title = finding.parentTitle, let parent = finding.parentFigure {
                text += " (показатель «\(title)» в целом — \(figure(parent, method: finding.method))"
                    + (finding.parentLevel.map { ", " + LevelWording.phrase($0) } ?? "") + ")"
            }
            return text
        case .groupDeficit:
            let where_ = finding.grouping.map { " (\($0.lowercased()))" } ?? ""
            return "показатель «\(trimmedQuote(finding.subject))» в группе «\(groupName(finding))»\(where_) на уровне дефицита: \(value)\(threshold(finding))"
        case .decline where finding.lowerIsBetter:
            return "показатель «\(trimmedQuote(finding.subject))» значимо вырос: \(before) → \(value) (для него рост — отрицательная динамика)"
        case .rise where finding.lowerIsBetter:
            return "показатель «\(trimmedQuote(finding.subject))» значимо снизился: \(before) → \(value) (снижение — положительная динамика)"
        case .decline:
            return "показатель «\(trimmedQuote(finding.subject))» значимо снизился: \(before) → \(value)"
        case .rise:
            return "показатель «\(trimmedQuote(finding.subject))» значимо вырос: \(before) → \(value)"
        case .itemDecline:
            return "доля положительных ответов на вопрос «\(trimmedQuote(finding.subject))» значимо снизилась: \(before) → \(value)"
        case .groupDifference:
            let low = finding.groups.first, high = finding.groups.last
            let range = zip2(low, high).map { low, high in
                ": от \(figure(low.figure, method: finding.method)) («\(groupName(low.group, grouping: finding.grouping))») до \(figure(high.figure, method: finding.method)) («\(groupName(high.group, grouping: finding.grouping))»)"
            } ?? ""
            let by = finding.grouping.map { " по группам (\($0.lowercased()))" } ?? " по группам"
            return "показатель «\(trimmedQuote(finding.subject))» значимо различается\(by)\(range)"
        case .openAnswers:
            let parts = finding.openAnswers.map { "«\(trimmedQuote($0.text))» (\(RussianPlural.answer($0.count)))" }
            return "в ответах на вопрос «\(trimmedQuote(finding.subject))» повторяются предложения: " + parts.joined(separator: "; ")
        }
    }

    /// The open answers beside a finding: «в открытых ответах: «Вежливее разговаривать…» (15 ответов)».
    public static func answers(_ finding: Finding) -> String? {
        guard finding.kind != .openAnswers, !finding.openAnswers.isEmpty else { return nil }
        let parts = finding.openAnswers.prefix(2).map { "«\(trimmedQuote($0.text))» (\(RussianPlural.answer($0.count)))" }
        return "в открытых ответах: " + parts.joined(separator: "; ")
    }

    /// An answer as a quotation: without its final full stop, at most 110 characters.
    /// An open answer as a quotation (without its final full stop, at most 110 characters).
    public static func quote(_ text: String) -> String { trimmedQuote(text) }

    static func trimmedQuote(_ text: String, limit: Int = 110) -> String {
        var text = text
        while let last = text.last, last == "." || last == " " { text.removeLast() }
        if text.count > limit { text = String(text.prefix(limit - 3)).trimmingCharacters(in: .whitespaces) + "…" }
        return text
    }

    /// The same sentence starting with a capital letter.
    public static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
