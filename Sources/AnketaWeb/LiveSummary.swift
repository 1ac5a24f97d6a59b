import AnketaAnalysis
import AnketaCore
import AnketaStore
import Foundation

/// The run page's summary per question, as the справка counts it (the same analyzer and the same
/// minimum group size): option counts with a bar each, numbers' mean and median, how many answered
/// an open question (the texts themselves only in the справка). Bars are inline SVG — no script.
struct LiveSummary {
    struct Row {
        let label: String
        let count: String
        let percent: String
        /// An SVG bar made here from a number (never from user text).
        let bar: String
    }

    struct QuestionView {
        let text: String
        let answered: String
        let rows: [Row]
        let hasRows: Bool
        let note: String?
    }

    let questions: [QuestionView]
    /// Why nothing is shown (fewer respondents than the minimum group).
    let hiddenReason: String?

    static func make(questionnaire: Questionnaire, wave: Wave, store: any SurveyStore, minGroupSize: Int) async throws -> LiveSummary {
        var analyzer = Analyzer(questionnaire: questionnaire, wave: wave.displayName,
                                options: AnalysisOptions(minGroupSize: minGroupSize, groupings: [], maxTexts: 0))
        try await store.forEachResponse(in: wave) { analyzer.add($0.response) }
        let result = analyzer.finish()
        if result.respondents == 0 { return LiveSummary(questions: [], hiddenReason: "Ответов пока нет — сводка по вопросам появится с первыми ответами.") }
        if result.suppressed {
            return LiveSummary(questions: [], hiddenReason: "Сводка по вопросам появится, когда ответов будет не меньше \(minGroupSize): "
                + "по меньшей группе можно узнать, кто как ответил.")
        }
        return LiveSummary(questions: result.questions.map(view), hiddenReason: nil)
    }

    static func view(_ question: QuestionSummary) -> QuestionView {
        let text = question.grid.map { "\($0): \(question.text)" } ?? question.text
        let answered = "Ответили: \(question.valid)" + (question.noAnswer > 0 ? ", затруднились: \(question.noAnswer)" : "")
        switch question.kind {
        case .single, .multiple:
            if question.answerCountsSuppressed {
                return QuestionView(text: text, answered: "", rows: [], hasRows: false, note: "Числа скрыты: они выдали бы малую группу.")
            }
            let rows = question.options.map { option in
                option.suppressed
                    ? Row(label: option.label, count: "—", percent: "скрыто", bar: bar(0))
                    : Row(label: option.label, count: "\(option.count)", percent: RussianNumber.percent(option.percent), bar: bar(option.percent))
            }
            let note = question.kind == .multiple ? "Можно было выбрать несколько вариантов: проценты от ответивших, в сумме больше 100." : nil
            return QuestionView(text: text, answered: answered, rows: rows, hasRows: !rows.isEmpty, note: note)
        case .number:
            let figures = [question.mean.map { "среднее \(RussianNumber.fixed($0))" }, question.median.map { "медиана \(RussianNumber.fixed($0))" }]
                .compactMap { $0 }.joined(separator: ", ")
            return QuestionView(text: text, answered: answered, rows: [], hasRows: false, note: figures.isEmpty ? nil : figures)
        default:
            return QuestionView(text: text, answered: "Ответили: \(question.valid)", rows: [], hasRows: false,
                                note: "Ответы своими словами — в справке.")
        }
    }

    /// A horizontal bar of `percent` (0–100) of the width.
    static func bar(_ percent: Double) -> String {
        let width = max(0, min(100, percent.isFinite ? percent : 0))
        let text = String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), width)
        return ##"<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="presentation" aria-hidden="true">"##
            + ##"<rect width="100" height="10" fill="#e6ebf3"/><rect width="\##(text)" height="10" fill="#2458a6"/></svg>"##
    }
}
