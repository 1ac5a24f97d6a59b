import AnketaCore
import AnketaStore
import Hummingbird

/// The respondent's side: `/s/<slug>` shows the form, takes the answers, thanks.
struct SurveyController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/s/:slug", use: show)
        router.post("/s/:slug", use: submit)
        router.get("/s/:slug/thanks", use: thanks)
    }

    /// The run and its questionnaire, or the page to show instead.
    private func lookup(_ context: AppRequestContext) throws -> Result<(SurveyRun, Wave, Questionnaire), ResponseRefusal> {
        let slug = try context.parameters.require("slug")
        guard let (run, wave) = try app.store.run(slug: slug) else {
            return .failure(ResponseRefusal(app.message("Опрос не найден", "Проверьте ссылку: возможно, в ней опечатка.", status: .notFound)))
        }
        let questionnaire = try app.store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion)
        switch run.state(at: app.clock.now()) {
        case .open: return .success((run, wave, questionnaire))
        case .notYetOpen:
            return .failure(ResponseRefusal(app.message("Опрос ещё не начался", "Опрос «\(questionnaire.title)» начнётся \(app.clock.human(run.opensAt)). Откройте ссылку позже.", status: .forbidden)))
        case .closed:
            return .failure(ResponseRefusal(app.message("Опрос завершён", "Опрос «\(questionnaire.title)» уже завершён, ответы больше не принимаются. Спасибо за внимание!", status: .gone)))
        }
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (run, _, questionnaire): (SurveyRun, Wave, Questionnaire)
        switch try lookup(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (run, _, questionnaire) = found
        }
        let action = "/s/\(run.slug)"
        let code = request.uri.queryParameters["code"].map { Self.normalizedCode(String($0)) }
        if run.requiresCode {
            guard let code, !code.isEmpty else {
                return app.page("code_entry", CodeView(title: questionnaire.title, action: action, code: "", error: nil), title: questionnaire.title)
            }
            // Wrong codes are counted per address: guessing is slowed to a few dozen a minute.
            let client = app.clientKey(request, context)
            guard await app.codeFailures.check(client) else {
                context.logger.notice("access code attempts over the limit", metadata: ["run": "\(run.id ?? 0)"])
                return app.page("code_entry", CodeView(title: questionnaire.title, action: action, code: code,
                                                       error: "Слишком много попыток ввести код. Подождите минуту и попробуйте снова."),
                                title: questionnaire.title, status: .tooManyRequests)
            }
            guard let id = run.id, try app.store.codeIsUsable(code, run: id) else {
                await app.codeFailures.record(client)
                return app.page("code_entry", CodeView(title: questionnaire.title, action: action, code: code,
                                                       error: "Код не подходит или уже использован. Проверьте, как он написан на карточке."),
                                title: questionnaire.title, status: .forbidden)
            }
        }
        let (token, isNew) = app.visitorToken(request)
        var response = app.page("form", SurveyForm(questionnaire: questionnaire).view(action: action, csrf: token, code: run.requiresCode ? code : nil),
                                title: questionnaire.title)
        if isNew { response.setCookie(app.cookie(WebApp.csrfCookie, token)) }
        return response
    }

    @Sendable func submit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (run, _, questionnaire): (SurveyRun, Wave, Questionnaire)
        switch try lookup(context) {
        case .failure(let refusal): return refusal.response
        case .success(let found): (run, _, questionnaire) = found
        }
        let form = try await app.form(request, context)
        guard app.visitorTokenMatches(request, form) else {
            return app.message("Форма устарела", "Откройте ссылку на опрос заново и отправьте ответы ещё раз.", status: .forbidden)
        }
        let code = form["code"].map(Self.normalizedCode)
        let surveyForm = SurveyForm(questionnaire: questionnaire)
        // Two limits: per visitor (the form token) and, much higher, per address — a whole class
        // behind one school router or proxy shares an address. Over a limit the answers are shown
        // again, not lost.
        let visitorAllowed = await app.visitorSubmissions.allow(form["csrf"] ?? "")
        guard visitorAllowed, await app.submissions.allow(app.clientKey(request, context)) else {
            return app.page("form", surveyForm.view(action: "/s/\(run.slug)", csrf: form["csrf"] ?? "", code: run.requiresCode ? code : nil,
                                                    values: form, notice: "Слишком много отправок за минуту. Ваши ответы сохранены на этой странице — подождите минуту и нажмите «Отправить ответы» ещё раз."),
                            title: questionnaire.title, status: .tooManyRequests)
        }
        switch surveyForm.read(form) {
        case .failure(let errors):
            return app.page("form", surveyForm.view(action: "/s/\(run.slug)", csrf: form["csrf"] ?? "", code: run.requiresCode ? code : nil,
                                                    values: form, errors: errors.byQuestion),
                            title: "Ошибка: \(questionnaire.title)", status: .unprocessableContent)
        case .success(let response):
            if run.requiresCode, !(await app.codeFailures.check(app.clientKey(request, context))) {
                return app.page("form", surveyForm.view(action: "/s/\(run.slug)", csrf: form["csrf"] ?? "", code: code, values: form,
                                                        notice: "Слишком много попыток ввести код. Ваши ответы остались на этой странице — подождите минуту и нажмите «Отправить ответы» ещё раз."),
                                title: questionnaire.title, status: .tooManyRequests)
            }
            do {
                _ = try app.store.submit(response, run: run, code: code, now: app.clock.now())
            } catch let refusal as SubmissionRefusal {
                switch refusal {
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
                return app.page("form", surveyForm.view(action: "/s/\(run.slug)", csrf: form["csrf"] ?? "", code: run.requiresCode ? code : nil,
                                                        values: form, notice: SurveyController.notStoredNotice),
                                title: questionnaire.title, status: .serviceUnavailable)
            }
            context.logger.info("response stored", metadata: ["run": "\(run.id ?? 0)"])
            return Reply.redirect("/s/\(run.slug)/thanks")
        }
    }

    @Sendable func thanks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let slug = try context.parameters.require("slug")
        guard let (_, wave) = try app.store.run(slug: slug) else {
            return app.message("Опрос не найден", "Проверьте ссылку.", status: .notFound)
        }
        let questionnaire = try app.store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion)
        return app.message("Спасибо!", questionnaire.outro ?? "Ваши ответы сохранены. Спасибо за участие в опросе!", status: .ok)
    }

    /// Shown above the re-filled form when the store could not take a submission.
    static let notStoredNotice = "Не удалось сохранить ответы, попробуйте ещё раз. Ваши ответы остались на этой странице — нажмите «Отправить ответы» ещё раз."

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
