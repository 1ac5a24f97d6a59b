import AnketaCore

/// A questionnaire as a web form: its pages (one section per page, or all on one page), the view
/// models the `form` and `review` templates render, and the reading of the answers back into a
/// ``Response`` with an error per question.
struct SurveyForm {
    let questionnaire: Questionnaire
    /// Sections with questions, grouped into pages: one section per page, or one page for all
    /// when the definition says `one_page: true`.
    let pages: [[Section]]
    /// A named questionnaire (`anonymous: false`) asks who answers — the respondent's name and
    /// position or role — at the top of the first page, wherever the definition puts them.
    let respondentIDs: [String]

    /// The heading above the respondent's questions of a named questionnaire.
    static let respondentTitle = "Кто заполняет анкету"
    static let respondentNote = "Эта анкета не анонимная: ответы рассматриваются вместе с фамилией и должностью того, кто её заполнил."

    init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
        respondentIDs = questionnaire.anonymous ? [] : [questionnaire.respondent?.name, questionnaire.respondent?.position].compactMap { $0 }
        let asked = respondentIDs
        let sections = questionnaire.sections.filter { section in
            questionnaire.questions(in: section).contains { !asked.contains($0.id) }
        }
        pages = questionnaire.onePage || sections.count <= 1 ? [sections] : sections.map { [$0] }
    }

    /// The value sent for a scale's «no answer» option.
    static let noAnswerValue = "__no_answer__"
    /// Longest answers to short and long text questions (the inputs' `maxlength`).
    static let shortTextLimit = 300
    static let longTextLimit = 4000
    /// How many errors the summary at the top links to.
    static let summaryLimit = 5

    /// Whether the form has several pages (and so a review page before sending).
    var isPaged: Bool { pages.count > 1 }

    /// Questions of a page (0-based), in order.
    func questions(onPage page: Int) -> [Question] {
        guard pages.indices.contains(page) else { return [] }
        return (page == 0 ? respondentQuestions : []) + pages[page].flatMap { questions(in: $0) }
    }

    /// The respondent's questions of a named questionnaire.
    var respondentQuestions: [Question] { respondentIDs.compactMap(questionnaire.question) }

    /// A section's questions without the respondent's (those are asked first).
    private func questions(in section: Section) -> [Question] {
        questionnaire.questions(in: section).filter { !respondentIDs.contains($0.id) }
    }

    /// The page (0-based) a question is on.
    func page(of questionID: String) -> Int? {
        if respondentIDs.contains(questionID) { return 0 }
        guard let section = questionnaire.question(questionID)?.section else { return nil }
        return pages.firstIndex { $0.contains { $0.id == section } }
    }

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

    /// «Раздел 2 из 6» and the bar under it.
    struct Progress {
        let text: String
        let current: Int
        let total: Int
        let percent: Int
    }

    struct View {
        let title: String
        let intro: String?
        let action: String
        let csrf: String
        let token: String
        let page: String
        let code: String?
        let progress: Progress?
        let hasErrors: Bool
        let errorCount: String
        let errors: [ErrorLink]
        /// A message above the form (e.g. "too many submissions, try again in a minute").
        let notice: String?
        let more: String?
        let sections: [SectionView]
        /// Buttons: «Назад» from the second page on; «Далее» on a page of several; «Отправить ответы» on one page.
        let hasBack: Bool
        let isLast: Bool
        let sendsDirectly: Bool
    }

    /// Page `page` (0-based) with the answers given so far and the errors by question id.
    func view(page: Int, action: String, csrf: String, token: String, code: String?, answers: [String: [String]] = [:],
              errors: [String: String] = [:], notice: String? = nil) -> View {
        let page = min(max(0, page), pages.count - 1)
        var previousGrid: String?
        func views(_ questions: [Question]) -> [QuestionView] {
            questions.map { question in
                let gridTitle = question.grid != previousGrid ? question.grid : nil
                previousGrid = question.grid
                return questionView(question, gridTitle: gridTitle, values: answers[question.id] ?? [], error: errors[question.id])
            }
        }
        var sections: [SectionView] = []
        if page == 0, !respondentQuestions.isEmpty {
            sections.append(SectionView(title: SurveyForm.respondentTitle, description: SurveyForm.respondentNote, questions: views(respondentQuestions)))
        }
        for section in pages[page] {
            let shown = views(questions(in: section))
            if !shown.isEmpty { sections.append(SectionView(title: section.title, description: section.description, questions: shown)) }
        }
        let links = questions(onPage: page).compactMap { question in
            errors[question.id].map { ErrorLink(anchor: "q-\(question.id)", text: "\(question.text) — \($0.lowercased())") }
        }
        // A long list helps nobody on a phone: the first few, and the rest are marked in the form.
        let shown = Array(links.prefix(SurveyForm.summaryLimit))
        let more = links.count - shown.count
        let progress = isPaged ? Progress(text: "Раздел \(page + 1) из \(pages.count)", current: page + 1, total: pages.count,
                                          percent: (page + 1) * 100 / (pages.count + 1)) : nil
        return View(title: questionnaire.title, intro: page == 0 ? questionnaire.intro : nil, action: action, csrf: csrf, token: token,
                    page: String(page + 1), code: code, progress: progress,
                    hasErrors: !links.isEmpty, errorCount: RussianPlural("вопрос", "вопроса", "вопросов")(links.count), errors: shown,
                    notice: notice,
                    more: more > 0 ? "и ещё \(RussianPlural("вопрос", "вопроса", "вопросов")(more)) — они отмечены красным ниже" : nil,
                    sections: sections, hasBack: page > 0, isLast: page == pages.count - 1, sendsDirectly: !isPaged)
    }

    private func questionView(_ question: Question, gridTitle: String?, values: [String], error: String?) -> QuestionView {
        let chosen = Set(values)
        var options: [OptionView] = []
        if let scale = questionnaire.scale(of: question) {
            let type = question.kind == .multiple ? "checkbox" : "radio"
            options = scale.options.map { option in
                OptionView(name: question.id, type: type, value: option.code, label: option.shown, checked: chosen.contains(option.code), na: false)
            }
            if question.kind == .single, let label = scale.noAnswer.first {
                options.append(OptionView(name: question.id, type: type, value: SurveyForm.noAnswerValue, label: label,
                                          checked: chosen.contains(SurveyForm.noAnswerValue), na: true))
            }
        }
        return QuestionView(id: question.id, text: question.text, gridTitle: gridTitle, required: question.required, error: error,
                            isChoice: question.kind.isChoice, isSingle: question.kind == .single, isNumber: question.kind == .number, isShortText: question.kind == .shortText,
                            isLongText: question.kind == .longText, options: options, value: values.first ?? "")
    }

    // MARK: - Review

    struct ReviewAnswer {
        let question: String
        let answer: String
        let missing: Bool
    }

    struct ReviewSection {
        let title: String
        let edit: String
        let answers: [ReviewAnswer]
    }

    struct ReviewView {
        let title: String
        let action: String
        let csrf: String
        let token: String
        let code: String?
        let progress: Progress
        let sections: [ReviewSection]
        let notice: String?
    }

    /// The review page: every answer as the respondent will send it, with a link to change each page.
    /// `pageURL` makes the link of a page (1-based).
    func review(action: String, csrf: String, token: String, code: String?, answers: [String: [String]], notice: String? = nil,
                pageURL: (Int) -> String) -> ReviewView {
        func rows(_ questions: [Question]) -> [ReviewAnswer] {
            questions.map { question in
                let text = answerText(question, answers[question.id] ?? [])
                let shownText = question.grid.map { "\($0): \(question.text)" } ?? question.text
                return ReviewAnswer(question: shownText, answer: text ?? "нет ответа", missing: text == nil)
            }
        }
        var sections: [ReviewSection] = []
        if !respondentQuestions.isEmpty {
            sections.append(ReviewSection(title: SurveyForm.respondentTitle, edit: pageURL(1), answers: rows(respondentQuestions)))
        }
        for (index, page) in pages.enumerated() {
            for section in page {
                let answered = rows(questions(in: section))
                if !answered.isEmpty { sections.append(ReviewSection(title: section.title, edit: pageURL(index + 1), answers: answered)) }
            }
        }
        return ReviewView(title: questionnaire.title, action: action, csrf: csrf, token: token, code: code,
                          progress: Progress(text: "Все разделы заполнены", current: pages.count, total: pages.count, percent: 100),
                          sections: sections, notice: notice)
    }

    /// An answer as the respondent sees it, or nil when there is none.
    private func answerText(_ question: Question, _ values: [String]) -> String? {
        let values = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !values.isEmpty else { return nil }
        guard let scale = questionnaire.scale(of: question) else { return values.first }
        let texts = values.map { value in
            value == SurveyForm.noAnswerValue ? (scale.noAnswer.first ?? value) : (scale.option(code: value)?.shown ?? value)
        }
        return texts.joined(separator: "; ")
    }

    // MARK: - Reading

    /// Reads the answers to `questions` (all when nil). Returns the response, or the errors by question id.
    func read(_ answers: [String: [String]], questions: [Question]? = nil) -> Result<Response, FormErrors> {
        var response = Response()
        var errors: [String: String] = [:]
        for question in questions ?? questionnaire.questions {
            let values = (answers[question.id] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
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
