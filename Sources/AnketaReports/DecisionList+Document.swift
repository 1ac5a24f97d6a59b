import AnketaCore
import AnketaDocument

public extension DecisionList {
    /// The table «Управленческие решения» as every справка files it: № / проблема / мероприятие /
    /// срок / ответственный (role, and the person on a line of its own) / итоговый документ.
    var documentBlocks: [Block] {
        guard !decisions.isEmpty else { return [] }
        let rows = decisions.enumerated().map { index, decision -> [Cell] in
            let role = RussianWording.capitalized(decision.responsible)
            let responsible = decision.person.map { "\(role)\n\($0)" } ?? role
            return [Cell(String(index + 1)), Cell(decision.problem), Cell(decision.action), Cell(decision.deadline), Cell(responsible),
                    Cell(RussianWording.capitalized(decision.document))]
        }
        // Проблема and Мероприятие share their 7.6 by what they say: the split (2.4…5.2) that makes
        // the rows shortest in all, each row as tall as the longer of its two texts at that split
        // (a group deficit listing ten classes may need more room than its measure).
        let lengths = decisions.map { (problem: Double($0.problem.count), action: Double($0.action.count)) }
        let problemShare = stride(from: 2.4, through: 5.2, by: 0.1).min { a, b in
            func height(_ w: Double) -> Double { lengths.reduce(0) { $0 + max($1.problem / w, $1.action / (7.6 - w)) } }
            return height(a) < height(b)
        } ?? 2.4
        let textWidths = [problemShare, 7.6 - problemShare]
        return [.heading("Управленческие решения", level: 1),
                // «Ответ-ственный» may hyphenate at the soft hyphen rather than widen its column.
                .table(Table(header: ["№", "Проблема", "Мероприятие", "Срок", "Ответ\u{00AD}ственный", "Итоговый документ"], rows: rows,
                             columnWidths: [0.5] + textWidths + [1.4, 1.6, 1.6], numericColumns: [0]))]
    }
}

/// The closing lines of a справка: who prepared it, the date, where it is considered.
public enum SignatureBlock {
    /// From the organisation profile (its survey's own signatory and review body when given), else
    /// with blanks to fill in by hand.
    public static func blocks(profile: OrganizationProfile?, questionnaireID: String?, date: String) -> [Block] {
        let signatory = questionnaireID.flatMap { profile?.signatory(for: $0) } ?? profile?.signatory
        let position = signatory.map { CertificateComposer.lowercasedFirst($0.position) } ?? "заместитель директора по УВР"
        let name = signatory?.name ?? "И. О. Фамилия"
        let review = questionnaireID.flatMap { profile?.review(for: $0) } ?? profile?.review ?? OrganizationProfile.defaultReview
        return [.paragraph([.text("Справку подготовил(а): \(position) ______________ / \(name)")]),
                .paragraph([.text("Дата: \(date)")]),
                .paragraph([.text("Рассмотрено \(review), протокол № ____ от «___» ______________ 20___ г.")])]
    }
}
