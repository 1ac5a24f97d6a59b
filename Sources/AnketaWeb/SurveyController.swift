import AnketaCore
import AnketaDocument
import AnketaIOM
import AnketaStore
import Foundation
import Hummingbird

/// The respondent's side: `/s/<slug>` shows the form's first page, each POST saves the page's
/// answers in a draft (keyed by the form token) and moves to the next page, the previous one or
/// the review page; «Отправить» stores the response once per form token.
///
/// Pages: `GET /s/<slug>` (a new form token, page 1), `GET /s/<slug>/f/<token>/<n>` (page n of a
/// started form), `GET /s/<slug>/f/<token>/review`, `GET /s/<slug>/thanks`. Every page works
/// without JavaScript.
struct SurveyController: Sendable {
    let app: WebApp

    /// How long a started form keeps its answers.
    static let draftLifetime: TimeInterval = 24 * 3600

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/s/:slug", use: show)
        router.post("/s/:slug", use: submit)
        router.get("/s/:slug/f/:token/:page", use: showPage)
        router.get("/s/:slug/thanks", use: thanks)
    }

    /// The run and its questionnaire, or the page to show instead.
    private func lookup(_ context: AppRequestContext) async throws -> Result<(SurveyRun, Wave, Questionnaire), ResponseRefusal> {
        let slug = try context.parameters.require("slug")
        guard let (run, wave) = try await app.store.run(slug: slug) else {
            return .failure(ResponseRefusal(app.message("Опрос не найден", "Проверьте ссылку: возможно, в ней опечатка.", status: .notFound)))
        }
        let questionnaire = try await app.formPages.definition(id: wave.questionnaireID, version: wave.questionnaireVersion) {
            try await app.store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion)
        }
        switch run.state(at: app.clock.now()) {
        case .open: return .success((run, wave, questionnaire))
        case .notYetOpen:
            return .failure(ResponseRefusal(app.message("Опрос ещё не начался", "Опрос «\(questionnaire.title)» начнётся \(app.clock.human(run.opensAt)). Откройте ссылку позже.", status: .forbidden)))
        case .closed:
            return .failure(ResponseRefusal(app.message("Опрос завершён", "Опрос «\(questionnaire.title)» уже завершён, ответы больше не принимаются. Спасибо за внимание!", status: .gone)))
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (run, wave, questionnaire): (SurveyRun, Wave, Questionnaire)
        switch try await lookup(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (run, wave, questionnaire) = found
        }
        let action = "/s/\(run.slug)"
        let code = request.uri.queryParameters["code"].map { Self.normalizedCode(String($0)) }
        if run.requiresCode {
            guard let code, !code.isEmpty else {
                return app.page("code_entry", CodeView(title: questionnaire.title, anonymous: questionnaire.anonymous, action: action, code: "", error: nil), title: questionnaire.title)
            }
            // Wrong codes are counted per address: guessing is slowed to a few dozen a minute.
            let client = app.clientKey(request, context)
            guard await app.codeFailures.check(client) else {
                context.logger.notice("access code attempts over the limit", metadata: ["run": "\(run.id ?? 0)"])
                return app.page("code_entry", CodeView(title: questionnaire.title, anonymous: questionnaire.anonymous, action: action, code: code,
                                                       error: "Слишком много попыток ввести код. Подождите минуту и попробуйте снова."),
                                title: questionnaire.title, status: .tooManyRequests)
            }
            guard let id = run.id, try await app.store.codeIsUsable(code, run: id) else {
                await app.codeFailures.record(client)
                return app.page("code_entry", CodeView(title: questionnaire.title, anonymous: questionnaire.anonymous, action: action, code: code,
                                                       error: "Код не подходит или уже использован. Проверьте, как он написан на карточке."),
                                title: questionnaire.title, status: .forbidden)
            }
        }
        let (csrf, isNew) = app.visitorToken(request)
        // A new form token for this filling of the form: the draft and the exactly-once check hang on it.
        let token = app.formTokens.issue()
        var response = Reply.html(firstPage(run: run, wave: wave, questionnaire: questionnaire, action: action)
            .filled(csrf: csrf, token: token, code: run.requiresCode ? code : nil))
        if isNew { response.setCookie(app.cookie(WebApp.csrfCookie, csrf)) }
        return response
    }

    /// The form's first page with its slots for the tokens and the code: rendered once per run
    /// (``FormPageCache``), or now when the page cannot be split at its slots.
    private func firstPage(run: SurveyRun, wave: Wave, questionnaire: Questionnaire, action: String) -> FormPageCache.Skeleton {
        let key = FormPageCache.Key(slug: run.slug, questionnaireID: wave.questionnaireID, version: wave.questionnaireVersion,
                                    requiresCode: run.requiresCode)
        if let skeleton = app.formPages[key] { return skeleton }
        let form = SurveyForm(questionnaire: questionnaire)
        let markers = app.formPages.markers
        let title = pageTitle(form, page: 0)
        let page = app.html("form", form.view(page: 0, action: action, csrf: markers.csrf, token: markers.token,
                                              code: run.requiresCode ? markers.code : nil), title: title)
        if let skeleton = app.formPages.store(page, for: key) { return skeleton }
        return FormPageCache.Skeleton(rendering: { csrf, token, code in
            app.html("form", form.view(page: 0, action: action, csrf: csrf, token: token, code: code), title: title)
        })
    }

    /// A page of a started form, from its draft.
    @Sendable func showPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (run, _, questionnaire): (SurveyRun, Wave, Questionnaire)
        switch try await lookup(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (run, _, questionnaire) = found
        }
        let token = try context.parameters.require("token")
        guard app.formTokens.isValid(token) else { return app.message("Опрос не найден", "Проверьте ссылку: возможно, в ней опечатка.", status: .notFound) }
        let (consumed, draft) = try await app.store.formState(token: token, now: AnketaStore.localNow())
        if consumed { return alreadyReceived(run) }
        let form = SurveyForm(questionnaire: questionnaire)
        let (csrf, isNew) = app.visitorToken(request)
        guard let draft, draft.runID == run.id, Tokens.equal(draft.visitor, WebApp.visitorHash(csrf)) else {
            // Expired, never saved, or opened in another browser: the answers are not shown here.
            return app.message("Ответы не сохранились", "Прошло больше суток или страница открыта в другом браузере. Откройте ссылку на опрос и начните заново.",
                               link: ("/s/\(run.slug)", "Начать заново"), status: .gone)
        }
        let action = "/s/\(run.slug)"
        let pageName = try context.parameters.require("page")
        var response: Response
        if pageName == "review", form.isPaged {
            response = app.page("review", form.review(action: action, csrf: csrf, token: token, code: draft.code, answers: draft.answers,
                                                      pageURL: { pageURL(run, token, $0) }),
                                title: "Проверьте ответы — \(questionnaire.title)")
        } else {
            guard let number = Int(pageName), (1...form.pages.count).contains(number) else { throw HTTPError(.notFound) }
            response = app.page("form", form.view(page: number - 1, action: action, csrf: csrf, token: token, code: draft.code, answers: draft.answers),
                                title: pageTitle(form, page: number - 1))
        }
        if isNew { response.setCookie(app.cookie(WebApp.csrfCookie, csrf)) }
        return response
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (run, wave, questionnaire): (SurveyRun, Wave, Questionnaire)
        switch try await lookup(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (run, wave, questionnaire) = found
        }
        let posted = try await app.form(request, context)
        guard app.visitorTokenMatches(request, posted), let token = posted["form"], app.formTokens.isValid(token) else {
            return app.message("Форма устарела", "Откройте ссылку на опрос заново и отправьте ответы ещё раз.", status: .forbidden)
        }
        let csrf = posted["csrf"] ?? ""
        let now = Date()
        let (consumed, draft) = try await app.store.formState(token: token, now: AnketaStore.localNow(now))
        if consumed { return alreadyReceived(run) }
        if let draft, draft.runID != run.id || !Tokens.equal(draft.visitor, WebApp.visitorHash(csrf)) {
            return app.message("Форма устарела", "Откройте ссылку на опрос заново и отправьте ответы ещё раз.", status: .forbidden)
        }
        let form = SurveyForm(questionnaire: questionnaire)
        let code = run.requiresCode ? (draft?.code ?? posted["code"].map(Self.normalizedCode)) : nil
        // The page's answers replace what the draft had for its questions; a POST without a page
        // (a one-page form sent by an old page or a script) carries every question.
        var answers = draft?.answers ?? [:]
        let pageField = posted["page"]
        let page = pageField.flatMap(Int.init).map { $0 - 1 }.flatMap { form.pages.indices.contains($0) ? $0 : nil }
        let postedQuestions: [Question] = pageField == "review" ? [] : page.map { form.questions(onPage: $0) } ?? questionnaire.questions
        for question in postedQuestions {
            let values = posted.all(question.id)
            answers[question.id] = values.isEmpty ? nil : values
        }
        /// The draft to keep when the answers are not sent (made only then: a hash and a date).
        var saved: FormDraft {
            FormDraft(token: token, runID: run.id ?? 0, visitor: WebApp.visitorHash(csrf), code: code, answers: answers,
                      expiresAt: AnketaStore.localNow(now.addingTimeInterval(Self.draftLifetime)))
        }
        let action = "/s/\(run.slug)"
        func render(page: Int, errors: [String: String] = [:], notice: String? = nil, status: HTTPResponse.Status) -> Response {
            app.page("form", form.view(page: page, action: action, csrf: csrf, token: token, code: code, answers: answers, errors: errors, notice: notice),
                     title: errors.isEmpty ? pageTitle(form, page: page) : "Ошибка: \(pageTitle(form, page: page))", status: status)
        }
        /// Where a refused send is shown again: the review page it came from, or the form's page.
        func renderSending(notice: String, status: HTTPResponse.Status) -> Response {
            guard pageField == "review", form.isPaged else { return render(page: page ?? form.pages.count - 1, notice: notice, status: status) }
            return app.page("review", form.review(action: action, csrf: csrf, token: token, code: code, answers: answers, notice: notice,
                                                  pageURL: { pageURL(run, token, $0) }),
                            title: "Проверьте ответы — \(questionnaire.title)", status: status)
        }
        let go = posted["go"] ?? "send"
        if go == "back" || go == "next" {
            guard await app.visitorSteps.allow(csrf) else {
                return render(page: page ?? 0, notice: "Слишком много переходов за минуту. Ваши ответы остались на этой странице — подождите минуту и нажмите кнопку ещё раз.",
                              status: .tooManyRequests)
            }
            do { try await app.store.saveDraft(saved, now: AnketaStore.localNow(now)) } catch {
                context.logger.error("draft not stored", metadata: ["run": "\(run.id ?? 0)", "error": "\(error)"])
                return render(page: page ?? 0, notice: "Не удалось сохранить ответы, попробуйте ещё раз. Ваши ответы остались на этой странице.",
                              status: .serviceUnavailable)
            }
            let current = page ?? (pageField == "review" ? form.pages.count : 0)
            if go == "back" { return Reply.redirect(pageURL(run, token, max(1, current))) }
            if case .failure(let errors) = form.read(answers, questions: form.questions(onPage: current)) {
                return render(page: current, errors: errors.byQuestion, status: .unprocessableContent)
            }
            return Reply.redirect(current + 1 < form.pages.count ? pageURL(run, token, current + 2) : "/s/\(run.slug)/f/\(token)/review")
        }
        // Sending. Two limits: per visitor (the cookie token) and, much higher, per address — a
        // whole class behind one school router or proxy shares an address. Over a limit the
        // answers are kept, not lost.
        let visitorAllowed = await app.visitorSubmissions.allow(csrf)
        guard visitorAllowed, await app.submissions.allow(app.clientKey(request, context)) else {
            try? await app.store.saveDraft(saved, now: AnketaStore.localNow(now))
            return renderSending(notice: "Слишком много отправок за минуту. Ваши ответы сохранены — подождите минуту и отправьте их ещё раз.",
                                 status: .tooManyRequests)
        }
        switch form.read(answers) {
        case .failure(let errors):
            // The first page with a problem, with that page's errors.
            try? await app.store.saveDraft(saved, now: AnketaStore.localNow(now))
            let first = errors.byQuestion.keys.compactMap(form.page(of:)).min() ?? 0
            return render(page: first, errors: errors.byQuestion, status: .unprocessableContent)
        case .success(let response):
            if run.requiresCode, !(await app.codeFailures.check(app.clientKey(request, context))) {
                try? await app.store.saveDraft(saved, now: AnketaStore.localNow(now))
                return renderSending(notice: "Слишком много попыток ввести код. Ваши ответы сохранены — подождите минуту и отправьте их ещё раз.",
                                     status: .tooManyRequests)
            }
            do {
                _ = try await app.store.submit(response, run: run, code: code, formToken: token, now: app.clock.now(now))
            } catch let refusal as SubmissionRefusal {
                switch refusal {
                case .alreadyReceived: return alreadyReceived(run)
                case .runNotOpen: return app.message("Опрос завершён", "Ответы больше не принимаются.", status: .gone)
                case .codeRequired, .codeInvalid:
                    await app.codeFailures.record(app.clientKey(request, context))
                    return app.message("Нужен код доступа", "Откройте опрос заново и введите код с вашей карточки.", status: .forbidden)
                case .codeUsed:
                    return app.message("Код уже использован", "По этому коду анкета уже заполнена. Если это были не вы, обратитесь к организатору опроса.", status: .forbidden)
                }
            } catch {
                // The store could not take the answers (the file busy for too long, a full disk):
                // the respondent keeps them on the page and can send them again.
                context.logger.error("response not stored", metadata: ["run": "\(run.id ?? 0)", "error": "\(error)"])
                try? await app.store.saveDraft(saved, now: AnketaStore.localNow(now))
                return renderSending(notice: SurveyController.notStoredNotice, status: .serviceUnavailable)
            }
            // The request log's line (POST, 303) says it was stored; this one only when debugging.
            context.logger.debug("response stored", metadata: ["run": "\(run.id ?? 0)"])
            if let offer = profileOffer(questionnaire, response, wave: wave) { return offer }
            return Reply.redirect("/s/\(run.slug)/thanks")
        }
    }

    @Sendable func thanks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard let (_, wave) = try await app.store.run(slug: slug) else {
            return app.message("Опрос не найден", "Проверьте ссылку.", status: .notFound)
        }
        let questionnaire = try await app.store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion)
        return app.message("Спасибо!", questionnaire.outro ?? "Ваши ответы сохранены. Спасибо за участие в опросе!", status: .ok)
    }

    struct ProfileOfferView {
        let text: String
        let href: String
        let filename: String
    }

    /// A named self-assessment that drafts an individual route (ИОМ, `route` on its indicators): the
    /// thank-you page offers the teacher their own one-page profile as a DOCX, made from the answers
    /// just sent and handed over inside the page (a `data:` link) — no second route, nothing kept.
    /// Without a name or consent (or for any other questionnaire) the usual thank-you page follows.
    private func profileOffer(_ questionnaire: Questionnaire, _ response: AnketaCore.Response, wave: Wave) -> Response? {
        guard !questionnaire.anonymous, questionnaire.indicators.contains(where: { $0.route != nil }),
              let builder = try? ProfileBuilder(questionnaire), case .profile(let teacher) = builder.profile(response, source: "форма") else {
            return nil
        }
        let formatter = DateFormatter()
        formatter.timeZone = app.clock.timeZone
        formatter.dateFormat = "dd.MM.yyyy"
        let composer = IOMComposer(questionnaire: questionnaire, organizationName: app.configuration.organization?.fullName ?? (wave.unit.isEmpty ? nil : wave.unit),
                                   wave: wave.displayName, date: formatter.string(from: Date()))
        guard let data = try? DOCXRenderer().render(composer.compose(teacher)) else { return nil }
        let view = ProfileOfferView(text: questionnaire.outro ?? "Ваши ответы сохранены. Спасибо за участие!",
                                    href: "data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64," + data.base64EncodedString(),
                                    filename: "ИОМ — \(teacher.name).docx")
        return app.page("thanks_profile", view, title: "Спасибо!")
    }

    /// A repeat of a sent form (Back and send again, a double click, a retry after a timeout).
    private func alreadyReceived(_ run: SurveyRun) -> Response {
        app.message("Ваши ответы уже получены",
                    "Эта анкета уже отправлена, повторно отправлять её не нужно — второй раз ответы не сохраняются. Спасибо за участие!"
                        + (run.requiresCode ? "" : " Если вы хотите заполнить анкету ещё раз, например о другом ребёнке, откройте её заново."),
                    link: run.requiresCode ? nil : ("/s/\(run.slug)", "Заполнить анкету заново"), status: .ok)
    }

    private func pageURL(_ run: SurveyRun, _ token: String, _ page: Int) -> String {
        "/s/\(run.slug)/f/\(token)/\(page)"
    }

    /// The browser tab's title: «Раздел 2 из 6 — …» on a form of several pages.
    private func pageTitle(_ form: SurveyForm, page: Int) -> String {
        form.isPaged ? "Раздел \(page + 1) из \(form.pages.count) — \(form.questionnaire.title)" : form.questionnaire.title
    }

    /// Shown above the re-filled form when the store could not take a submission.
    static let notStoredNotice = "Не удалось сохранить ответы, попробуйте ещё раз. Ваши ответы остались на этой странице — отправьте их ещё раз."

    /// An access code as typed: a GET form sends spaces as «+» (the query is not form-decoded), phone
    /// keyboards add a trailing space, people drop or replace the dash. Codes are `XXXX-XXXX` of
    /// letters and digits, so 8 letters and digits are put back in that shape.
    static func normalizedCode(_ typed: String) -> String {
        let text = typed.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        let characters = text.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard characters.count == 8 else { return text }
        return "\(characters.prefix(4))-\(characters.suffix(4))"
    }

    struct CodeView {
        let title: String
        /// Whether to say that codes are not linked to names (not for a named questionnaire).
        let anonymous: Bool
        let action: String
        let code: String
        let error: String?
    }
}

/// A page shown instead of the normal one (not found, closed…).
struct ResponseRefusal: Error {
    let response: Response

    init(_ response: Response) {
        self.response = response
    }
}

/// Dates as people read them.
enum Dates {
    /// `2026-04-01 08:00:00` → «01.04.2026 08:00».
    static func human(_ canonical: String) -> String {
        let parts = canonical.split(separator: " ")
        let date = parts.first?.split(separator: "-") ?? []
        guard date.count == 3 else { return canonical }
        let time = parts.count > 1 ? " " + parts[1].prefix(5) : ""
        return "\(date[2]).\(date[1]).\(date[0])\(time)"
    }

    /// `2026-04-01T08:00` (datetime-local) → `2026-04-01 08:00:00`.
    static func fromInput(_ value: String) -> String? {
        let text = value.replacingOccurrences(of: "T", with: " ")
        let parts = text.split(separator: " ")
        guard parts.count == 2, parts[0].split(separator: "-").count == 3 else { return nil }
        let time = parts[1].split(separator: ":")
        guard time.count >= 2 else { return nil }
        return "\(parts[0]) \(time[0]):\(time[1]):\(time.count > 2 ? String(time[2].prefix(2)) : "00")"
    }

    /// `2026-04-01 08:00:00` → `2026-04-01T08:00` for a datetime-local input.
    static func toInput(_ canonical: String) -> String {
        String(canonical.replacingOccurrences(of: " ", with: "T").prefix(16))
    }
}
