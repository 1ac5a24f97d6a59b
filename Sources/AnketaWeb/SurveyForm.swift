import AnketaCore

/// A questionnaire as a web form: the view model the `form` template renders, and the reading of a
/// submitted form back into a ``Response`` with an error per question.
struct SurveyForm {
    let questionnaire: Questionnaire

    /// The value sent for a scale's «no answer» option.
    static let noAnswerValue = "__no_answer__"
    /// Longest answers to short and long text questions (the inputs' `maxlength`).
    static let shortTextLimit = 300
    static let longTextLimit = 4000
    /// How many errors the summary at the top links to.
    static let summaryLimit = 5

    struct OptionView {
        let name: String
        let type: String
        let value: String
        let label: String
        let checked: Bool
        let na: Bool
    }

    struct QuestionView {
        let id: String
        let text: String
        let gridTitle: String?
        let required: Bool
        let error: String?
        let isChoice: Bool
        let isSingle: Bool
        let isNumber: Bool
        let isShortText: Bool
        let isLongText: Bool
        let options: [OptionView]
        let value: String
    }

    struct SectionView {
        let title: String
        let description: String?
        let questions: [QuestionView]
    }

    struct ErrorLink {
        let anchor: String
        let text: String
    }

    struct View {
        let title: String
        let intro: String?
        let action: String
        let csrf: String
        let code: String?
        let hasErrors: Bool
        let errorCount: String
        let errors: [ErrorLink]
        /// A message above the form (e.g. "too many submissions, try again in a minute").
        let notice: String?
        let more: String?
        let sections: [SectionView]
    }

    /// The form with what the respondent entered (`values`) and the errors by question id.
    func view(action: String, csrf: String, code: String?, values: FormData = FormData(""), errors: [String: String] = [:],
              notice: String? = nil) -> View {
        var previousGrid: String?
        let sections = questionnaire.sections.map { section in
            SectionView(title: section.title, description: section.description, questions: questionnaire.questions(in: section).map { question in
                let gridTitle = question.grid != previousGrid ? question.grid : nil
                previousGrid = question.grid
                return questionView(question, gridTitle: gridTitle, values: values, error: errors[question.id])
            })
        }
        let links = questionnaire.questions.compactMap { question in
            errors[question.id].map { ErrorLink(anchor: "q-\(question.id)", text: "\(question.text) — \($0.lowercased())") }
        }
        // A long list helps nobody on a phone: the first few, and the rest are marked in the form.
        let shown = Array(links.prefix(SurveyForm.summaryLimit))
        let more = links.count - shown.count
        return View(title: questionnaire.title, intro: questionnaire.intro, action: action, csrf: csrf, code: code,
                    hasErrors: !links.isEmpty, errorCount: RussianPlural("вопрос", "вопроса", "вопросов")(links.count), errors: shown,
                    notice: notice,
                    more: more > 0 ? "и ещё \(RussianPlural("вопрос", "вопроса", "вопросов")(more)) — они отмечены красным ниже" : nil,
                    sections: sections)
    }

    private func questionView(_ question: Question, gridTitle: String?, values: FormData, error: String?) -> QuestionView {
        let chosen = Set(values.all(question.id))
        var options: [OptionView] = []
        if let scale = questionnaire.scale(of: question) {
            let type = question.kind == .multiple ? "checkbox" : "radio"
            options = scale.options.map { option in
                OptionView(name: question.id, type: type, value: option.code, label: option.label, checked: chosen.contains(option.code), na: false)
            }
            if question.kind == .single, let label = scale.noAnswer.first {
                options.append(OptionView(name: question.id, type: type, value: SurveyForm.noAnswerValue, label: label,
                                          checked: chosen.contains(SurveyForm.noAnswerValue), na: true))
            }
        }
        return QuestionView(id: question.id, text: question.text, gridTitle: gridTitle, required: question.required, error: error,
                            isChoice: question.kind.isChoice, isSingle: question.kind == .single, isNumber: question.kind == .number, isShortText: question.kind == .shortText,
                            isLongText: question.kind == .longText, options: options, value: values[question.id] ?? "")
    }

    /// Reads a submitted form. Returns the response, or the errors by question id.
    func read(_ form: FormData) -> Result<Response, FormErrors> {
        var response = Response()
        var errors: [String: String] = [:]
        for question in questionnaire.questions {
            let values = form.all(question.id).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            switch question.kind {
            case .single:
                guard let value = values.first else {
                    if question.required { errors[question.id] = "Выберите один из вариантов" }
                    continue
                }
                if value == SurveyForm.noAnswerValue, questionnaire.scale(of: question)?.noAnswer.isEmpty == false {
                    response[question.id] = .noAnswer
                } else if values.count == 1, questionnaire.scale(of: question)?.option(code: value) != nil {
                    response[question.id] = .option(value)
                } else {
                    errors[question.id] = "Выберите один из предложенных вариантов"
                }
            case .multiple:
                guard !values.isEmpty else {
                    if question.required { errors[question.id] = "Отметьте хотя бы один вариант" }
                    continue
                }
                let scale = questionnaire.scale(of: question)
                guard values.allSatisfy({ scale?.option(code: $0) != nil }) else {
                    errors[question.id] = "Отметьте варианты из списка"
                    continue
                }
                response[question.id] = .options(scale?.options.map(\.code).filter(values.contains) ?? values)
            case .number:
                guard let value = values.first else {
                    if question.required { errors[question.id] = "Введите число" }
                    continue
                }
                guard let number = Double(value.replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }), number.isFinite else {
                    errors[question.id] = "Введите число, например 12 или 3,5"
                    continue
                }
                if let min = question.min, number < min {
                    errors[question.id] = "Число должно быть не меньше \(RussianNumber.plain(min))"
                } else if let max = question.max, number > max {
                    errors[question.id] = "Число должно быть не больше \(RussianNumber.plain(max))"
                } else {
                    response[question.id] = .number(number)
                }
            case .shortText, .longText:
                guard let value = values.first else {
                    if question.required { errors[question.id] = "Заполните это поле" }
                    continue
                }
                // Text is kept exactly as sent or refused with a reason, never cut: a NUL byte (`%00`,
                // which no keyboard types) and text over the field's length are errors.
                let limit = question.kind == .shortText ? SurveyForm.shortTextLimit : SurveyForm.longTextLimit
                if value.unicodeScalars.contains("\u{0}") {
                    errors[question.id] = "Ответ содержит недопустимый символ (нулевой байт) — удалите его и отправьте снова"
                } else if value.count > limit {
                    errors[question.id] = "Ответ длиннее \(RussianPlural("знака", "знаков", "знаков")(limit)) — сократите его"
                } else {
                    response[question.id] = .text(value)
                }
            }
        }
        return errors.isEmpty ? .success(response) : .failure(FormErrors(byQuestion: errors))
    }
}

struct FormErrors: Error {
    let byQuestion: [String: String]
}
