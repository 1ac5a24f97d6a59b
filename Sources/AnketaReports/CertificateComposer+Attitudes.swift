import AnketaAnalysis
import AnketaCore
import AnketaDocument

extension CertificateComposer {
    /// Questions marked `kind: attitude`: how many respondents agree and disagree with each
    /// statement. Attitudes are no training topics, so they stand apart from «Темы для повышения
    /// квалификации» (which lists competences only).
    func attitudesSection() -> [Block] {
        guard publishable else { return [] }
        var rows: [[Cell]] = []
        var reversed = false
        for question in questionnaire.questions where question.itemKind == .attitude {
            guard let summary = result.questions.first(where: { $0.id == question.id }),
                  let scale = questionnaire.scale(of: question), summary.valid > 0,
                  !summary.answerCountsSuppressed, !summary.options.contains(where: \.suppressed) else { continue }
            let agree = Self.share(summary, scale) { scale.isPositive($0) }
            let disagree = Self.share(summary, scale) { scale.isPositive($0, reversed: true) }
            let mark = question.reverse ? " *" : ""
            reversed = reversed || question.reverse
            rows.append([Cell(question.text + mark), Cell(RussianNumber.percent(agree)), Cell(RussianNumber.percent(disagree)),
                         Cell(String(summary.valid))])
        }
        guard !rows.isEmpty else { return [] }
        var blocks: [Block] = [
            .heading("Отношение и установки \(audienceGenitive)", level: 1),
            .paragraph([.text("Утверждения об отношении — не умения: в темы повышения квалификации они не включаются, а показывают, с какими установками коллектив подходит к изменениям.")]),
            .table(Table(caption: "Согласие с утверждениями об отношении", header: ["Утверждение", "Согласны, %", "Не согласны, %", "Ответов"],
                         rows: rows, columnWidths: [6, 1.5, 1.5, 1.1], numericColumns: [1, 2, 3])),
        ]
        if reversed {
            blocks.append(.note([.text("* Утверждение выражает сомнение или несогласие: чем больше согласных с ним, тем настороженнее отношение.")]))
        }
        return blocks
    }

    /// Percent of valid answers whose option satisfies `include`.
    static func share(_ summary: QuestionSummary, _ scale: Scale, where include: (Scale.Option) -> Bool) -> Double {
        let count = summary.options.filter { option in scale.option(code: option.code).map(include) ?? false }.reduce(0) { $0 + $1.count }
        return Double(count) / Double(summary.valid) * 100
    }
}
