import AnketaCore
import Foundation
import Hummingbird
import Logging

/// The questionnaires page: the definitions the console offers, the files that do not pass the check
/// with every problem (file:line:column, as `anketa validate` reports them), uploading a definition
/// (a file or pasted text; methodist only), and a preview of the form exactly as respondents see it
/// — its button checks the answers and stores nothing.
struct QuestionnaireController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/questionnaires", use: list)
        router.post("/admin/questionnaires", use: upload)
        router.get("/admin/questionnaires/:qid/preview", use: preview)
        router.post("/admin/questionnaires/:qid/preview", use: checkPreview)
    }

    struct Entry {
        let id: String
        let title: String
        let audience: String
        let version: Int
        let questions: String
        let file: String
    }

    struct Problem {
        let place: String
        let message: String
        let hint: String?
    }

    struct BrokenFile {
        let file: String
        let problems: [Problem]
    }

    struct ListView {
        let csrf: String
        let entries: [Entry]
        let hasEntries: Bool
        let broken: [BrokenFile]
        let canUpload: Bool
        let folder: String
        let catalogProblem: String?
        let notice: String?
        /// The upload that failed: its problems and its text, to fix in place.
        let uploadProblems: [Problem]
        let hasUploadProblems: Bool
        let uploadName: String
        let yaml: String
    }

    static func problems(_ diagnostics: [Diagnostic]) -> [Problem] {
        diagnostics.map { diagnostic in
            var place = diagnostic.location.description
            if let path = diagnostic.path { place += " · \(path)" }
            return Problem(place: "\(diagnostic.severity.rawValue), \(place)", message: diagnostic.message, hint: diagnostic.hint)
        }
    }

    private func listView(_ user: ConsoleUser, logger: Logger, notice: String? = nil, failed: (name: String, yaml: String, [Diagnostic])? = nil) -> ListView {
        let folder = app.configuration.questionnairesFolder
        let files = ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var entries: [Entry] = [], broken: [BrokenFile] = []
        for url in files {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                broken.append(BrokenFile(file: url.lastPathComponent, problems: [Problem(place: "ошибка, \(url.lastPathComponent)",
                                                                                      message: "файл не читается как текст UTF-8", hint: "сохраните его в кодировке UTF-8")]))
                continue
            }
            let (questionnaire, diagnostics) = DefinitionLoader().check(yaml: text, file: url.lastPathComponent)
            if let questionnaire, !diagnostics.contains(where: { $0.severity == .error }) {
                entries.append(Entry(id: questionnaire.id, title: questionnaire.title, audience: questionnaire.audience.nominativePlural.lowercased(),
                                     version: questionnaire.version, questions: RussianPlural.question(questionnaire.questions.count),
                                     file: url.lastPathComponent))
            } else {
                broken.append(BrokenFile(file: url.lastPathComponent, problems: Self.problems(diagnostics)))
            }
        }
        return ListView(csrf: user.session.csrf, entries: entries, hasEntries: !entries.isEmpty, broken: broken, canUpload: user.isMethodist,
                        folder: folder.standardizedFileURL.path, catalogProblem: app.emptyCatalogMessage(logger: logger), notice: notice,
                        uploadProblems: failed.map { Self.problems($0.2) } ?? [], hasUploadProblems: failed != nil, uploadName: failed?.name ?? "", yaml: failed?.yaml ?? "")
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let notice = request.uri.queryParameters.get("uploaded").map { "Анкета «\($0)» загружена: её можно выбрать при создании опроса." }
            return app.page("questionnaires", listView(user, logger: context.logger, notice: notice), title: "Анкеты", admin: user, wide: true)
        }
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            // A multipart upload (a file) or an ordinary form (text pasted into the field).
            var fields: [String: String] = [:]
            var file: MultipartForm.Part?
            if let boundary = MultipartForm.boundary(of: request.headers[.contentType]) {
                let body = try await FormData.collect(request, context: context, timeout: app.configuration.bodyTimeout)
                let multipart = MultipartForm(body: Array(buffer: body), boundary: boundary)
                for part in multipart.parts where part.filename == nil { fields[part.name] = part.text }
                file = multipart["file"].flatMap { $0.bytes.isEmpty ? nil : $0 }
            } else {
                let form = try await app.form(request, context)
                fields["csrf"] = form["csrf"]
                fields["yaml"] = form["yaml"]
            }
            guard Tokens.equal(user.session.csrf, fields["csrf"] ?? "") else {
                return app.message("Форма устарела", "Обновите страницу и повторите действие.", status: .forbidden)
            }
            try app.requireMethodist(user)
            var fileName = "анкета.yaml"
            if let file {
                fileName = file.filename.map { String($0.split(separator: "/").last ?? "") }.flatMap { $0.isEmpty ? nil : $0 } ?? fileName
                guard let text = String(bytes: file.bytes, encoding: .utf8) else {
                    return refuse(user, context, name: fileName, yaml: "", [Diagnostic(
                        at: SourceLocation(file: fileName),
                        "файл не в кодировке UTF-8", hint: "сохраните его как UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)")])
                }
                fields["yaml"] = text
            }
            let yaml = (fields["yaml"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
            guard !yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                return refuse(user, context, name: fileName, yaml: "", [Diagnostic(at: SourceLocation(file: fileName),
                                                                                   "пустое определение", hint: "выберите файл .yaml или вставьте текст анкеты")])
            }
            let (checked, diagnostics) = DefinitionLoader().check(yaml: yaml, file: fileName)
            guard let questionnaire = checked, !diagnostics.contains(where: { $0.severity == .error }) else {
                return refuse(user, context, name: fileName, yaml: yaml, diagnostics)
            }
            // The file is named by the id; an existing definition is replaced only by a later version.
            let target = app.configuration.questionnairesFolder.appendingPathComponent("\(questionnaire.id).yaml")
            if let existing = try? String(contentsOf: target, encoding: .utf8), existing != yaml,
               let old = try? DefinitionLoader().load(yaml: existing, file: target.lastPathComponent), old.version >= questionnaire.version {
                return refuse(user, context, name: fileName, yaml: yaml, [Diagnostic(
                    at: SourceLocation(file: fileName), path: "version",
                    "анкета «\(questionnaire.id)» версии \(old.version) уже есть, и её текст другой",
                    hint: "чтобы заменить её, увеличьте version (например, version: \(old.version + 1)); чтобы добавить новую анкету, смените id")])
            }
            do {
                try FileManager.default.createDirectory(at: app.configuration.questionnairesFolder, withIntermediateDirectories: true)
                try Data(yaml.utf8).write(to: target, options: .atomic)
            } catch {
                return app.message("Анкета не сохранена", "Не удалось записать файл в папку анкет \(app.configuration.questionnairesFolder.path): "
                                   + "проверьте права на запись или укажите другую папку (anketa serve --questionnaires …).", status: .internalServerError)
            }
            context.logger.info("questionnaire uploaded", metadata: ["questionnaire": "\(questionnaire.id)", "version": "\(questionnaire.version)"])
            return Reply.redirect("/admin/questionnaires?uploaded=\(questionnaire.id.addingPercentEncodingForHeader())")
        }
    }

    private func refuse(_ user: ConsoleUser, _ context: AppRequestContext, name: String, yaml: String, _ diagnostics: [Diagnostic]) -> Response {
        app.page("questionnaires", listView(user, logger: context.logger, failed: (name, yaml, diagnostics)), title: "Анкета не загружена",
                 admin: user, wide: true, status: .unprocessableContent)
    }

    // MARK: - Preview

    private func questionnaire(_ context: AppRequestContext) throws -> Questionnaire {
        let id = try context.parameters.require("qid")
        guard let entry = app.catalog(logger: context.logger).first(where: { $0.questionnaire.id == id }) else { throw HTTPError(.notFound) }
        return entry.questionnaire
    }

    /// The respondents' form template, page by page as respondents get it, under a banner saying it is
    /// a preview. «Далее» checks the page's answers and goes on; nothing is stored (no draft either).
    private func previewPage(_ user: ConsoleUser, _ questionnaire: Questionnaire, page: Int = 0, answers: [String: [String]] = [:],
                             errors: [String: String] = [:], checked: Bool = false) -> Response {
        let action = "/admin/questionnaires/\(questionnaire.id)/preview"
        let form = SurveyForm(questionnaire: questionnaire).view(page: page, action: action, csrf: user.session.csrf, token: "preview",
                                                                 code: nil, answers: answers, errors: errors)
        let banner = app.templates.render(["id": questionnaire.id, "checked": checked && errors.isEmpty] as [String: Any], withTemplate: "preview_banner") ?? ""
        return app.page(body: banner + (app.templates.render(form, withTemplate: "form") ?? ""), title: "Предпросмотр: \(questionnaire.title)",
                        admin: user, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func preview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            return previewPage(user, try questionnaire(context))
        }
    }

    /// A button of the preview: «Назад» shows the previous page, «Далее» checks this page and shows
    /// the next (the last page and a one-page form check every answer on it and say so).
    @Sendable func checkPreview(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, posted) = try await app.consolePost(request, context)
            let questionnaire = try questionnaire(context)
            let form = SurveyForm(questionnaire: questionnaire)
            let page = min(max(0, (Int(posted["page"] ?? "") ?? 1) - 1), form.pages.count - 1)
            var answers: [String: [String]] = [:]
            for question in form.questions(onPage: page) where !posted.all(question.id).isEmpty {
                answers[question.id] = posted.all(question.id)
            }
            if posted["go"] == "back" { return previewPage(user, questionnaire, page: max(0, page - 1)) }
            switch form.read(answers, questions: form.questions(onPage: page)) {
            case .failure(let errors): return previewPage(user, questionnaire, page: page, answers: answers, errors: errors.byQuestion, checked: true)
            case .success:
                if page + 1 < form.pages.count { return previewPage(user, questionnaire, page: page + 1) }
                return previewPage(user, questionnaire, page: page, answers: answers, checked: true)
            }
        }
    }
}
