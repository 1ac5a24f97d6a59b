import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaDocument
import AnketaReports
import AnketaStore
import Foundation
import Hummingbird
import Logging

/// The admin console: runs, links, access codes, live counts, downloads (posters and slips: ``PrintController``).
/// Every route requires a session; every POST its CSRF token.
struct AdminController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: { _, _ in Reply.redirect("/admin") })
        router.get("/admin", use: index)
        router.get("/admin/runs/new", use: newRun)
        router.post("/admin/runs", use: createRun)
        router.get("/admin/runs/:id", use: showRun)
        router.post("/admin/runs/:id/close", use: closeRun)
        router.post("/admin/runs/:id/codes", use: addCodes)
        router.get("/admin/runs/:id/responses.csv", use: exportCSV)
        router.get("/admin/runs/:id/report.html", use: reportHTML)
        router.get("/admin/runs/:id/report.docx", use: reportDOCX)
    }

    // MARK: - Guards

    /// The session, or — for a visitor who is not signed in — the way to the login page.
    private func session(_ request: Request) throws -> AdminSession {
        guard let session = try app.adminSession(request) else { throw ResponseRefusal(Reply.redirect("/login")) }
        return session
    }

    /// The session and form of a POST whose CSRF token matches.
    private func post(_ request: Request, _ context: AppRequestContext) async throws -> (AdminSession, FormData) {
        let session = try session(request)
        let form = try await app.form(request, context)
        guard Tokens.equal(session.csrf, form["csrf"] ?? "") else {
            throw ResponseRefusal(app.message("Форма устарела", "Обновите страницу и повторите действие.", status: .forbidden))
        }
        return (session, form)
    }

    private func run(_ context: AppRequestContext) throws -> (SurveyRun, Wave, Questionnaire) {
        let id = try context.parameters.require("id", as: Int64.self)
        guard let (run, wave) = try app.store.run(id: id) else { throw HTTPError(.notFound) }
        return (run, wave, try app.store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion))
    }

    /// Runs `body`, turning a refusal into its page.
    private func guarded(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let refusal as ResponseRefusal {
            return refusal.response
        }
    }

    // MARK: - Pages

    struct RunRow {
        let id: Int64
        let title: String
        let wave: String
        let period: String
        let state: String
        let responses: Int
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            let session = try session(request)
            let now = AnketaStore.localNow()
            let titles = Dictionary(try app.store.questionnaires().map { ($0.id, $0.title) }, uniquingKeysWith: { _, last in last })
            let rows = try app.store.runs().map { item in
                RunRow(id: item.run.id ?? 0, title: titles[item.wave.questionnaireID] ?? item.wave.questionnaireID, wave: item.wave.displayName,
                       period: "\(Dates.human(item.run.opensAt)) — \(Dates.human(item.run.closesAt))", state: item.run.state(at: now).rawValue,
                       responses: item.responses)
            }
            return app.page("admin", ["runs": rows, "hasRuns": !rows.isEmpty] as [String: Any], title: "Опросы", admin: session, wide: true)
        }
    }

    struct QuestionnaireOption {
        let id: String
        let title: String
        let audience: String
        let selected: Bool
    }

    struct NewRunView {
        let csrf: String
        let questionnaires: [QuestionnaireOption]
        let wave: String
        let unit: String
        let opens: String
        let closes: String
        let codes: Bool
        let error: String?
    }

    private func newRunView(_ session: AdminSession, form: FormData? = nil, error: String? = nil, logger: Logger) -> NewRunView {
        let now = Date()
        return NewRunView(csrf: session.csrf,
                          questionnaires: app.catalog(logger: logger).map {
                              QuestionnaireOption(id: $0.questionnaire.id, title: $0.questionnaire.title,
                                                  audience: $0.questionnaire.audience.nominativePlural.lowercased(), selected: form?["questionnaire"] == $0.questionnaire.id)
                          },
                          wave: form?["wave"] ?? "", unit: form?["unit"] ?? "",
                          opens: form?["opens"] ?? Dates.toInput(AnketaStore.localNow(now)),
                          closes: form?["closes"] ?? Dates.toInput(AnketaStore.localNow(now.addingTimeInterval(14 * 86400))),
                          codes: form?["codes"] == "1", error: error)
    }

    @Sendable func newRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            let session = try session(request)
            return app.page("run_new", newRunView(session, logger: context.logger), title: "Новый опрос", admin: session)
        }
    }

    @Sendable func createRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            let (session, form) = try await post(request, context)
            func refuse(_ message: String) -> Response {
                app.page("run_new", newRunView(session, form: form, error: message, logger: context.logger), title: "Новый опрос",
                         admin: session, status: .unprocessableContent)
            }
            guard let entry = app.catalog(logger: context.logger).first(where: { $0.questionnaire.id == form["questionnaire"] }) else {
                return refuse("Выберите анкету из списка.")
            }
            let wave = (form["wave"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !wave.isEmpty else { return refuse("Укажите название волны, например 2026-весна.") }
            guard let opens = form["opens"].flatMap(Dates.fromInput), let closes = form["closes"].flatMap(Dates.fromInput) else {
                return refuse("Укажите даты начала и окончания.")
            }
            guard opens < closes else { return refuse("Окончание должно быть позже начала.") }
            let unit = (form["unit"] ?? "").trimmingCharacters(in: .whitespaces)
            // The store keeps names as C strings: a NUL byte would cut them.
            guard !wave.unicodeScalars.contains("\u{0}"), !unit.unicodeScalars.contains("\u{0}") else {
                return refuse("Название волны и организации не должны содержать нулевой байт.")
            }
            try app.store.register(entry.questionnaire, source: entry.source)
            let target = try app.store.wave(for: entry.questionnaire, named: wave, unit: unit.isEmpty ? nil : unit, create: true)
            if try app.store.runs().contains(where: { $0.wave.id == target.id }) {
                return refuse("У волны «\(target.displayName)» уже есть опрос. Выберите другое название волны.")
            }
            let run = try app.store.createRun(wave: target, slug: Tokens.hex(bytes: 12), opensAt: opens, closesAt: closes,
                                              requiresCode: form["codes"] == "1")
            if run.requiresCode, let id = run.id { try app.store.addCodes((0..<30).map { _ in Tokens.accessCode() }, run: id) }
            context.logger.info("run created", metadata: ["run": "\(run.id ?? 0)", "questionnaire": "\(entry.questionnaire.id)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    struct GroupRow {
        let name: String
        let count: Int
    }

    struct GroupTable {
        let groupTitle: String
        let rows: [GroupRow]
    }

    @Sendable func showRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            let session = try session(request)
            let (run, wave, questionnaire) = try self.run(context)
            let id = run.id ?? 0
            let codes = run.requiresCode ? try app.store.codes(run: id) : []
            var groups: [GroupTable] = []
            // Counts per group as the справка will form them (classes normalised, levels derived).
            for grouping in questionnaire.groupings.prefix(3) {
                let kind = questionnaire.question(grouping.question)?.kind
                var totals: [String: Int] = [:]
                for item in try app.store.counts(in: wave, question: grouping.question) {
                    let answer: Answer = kind == .single ? .option(item.value) : kind == .number ? .number(Double(item.value) ?? 0) : .text(item.value)
                    totals[Analyzer.groupKey(answer, grouping: grouping, questionnaire: questionnaire), default: 0] += item.count
                }
                let rows = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { GroupRow(name: $0.key, count: $0.value) }
                if !rows.isEmpty { groups.append(GroupTable(groupTitle: grouping.title, rows: rows)) }
            }
            let state = run.state(at: AnketaStore.localNow())
            let view: [String: Any] = [
                "id": id, "title": questionnaire.title, "wave": wave.name, "unit": wave.unit, "csrf": session.csrf,
                "period": "\(Dates.human(run.opensAt)) — \(Dates.human(run.closesAt))", "state": state.rawValue,
                "isOpen": state != .closed, "link": "\(app.baseURL)/s/\(run.slug)", "linkWarning": app.linkWarning.map { [$0] } ?? [String](),
                "requiresCode": run.requiresCode, "codesTotal": codes.count, "codesFree": codes.filter { !$0.used }.count,
                "responses": try app.store.responseCount(in: wave), "groups": groups,
                "groupings": questionnaire.groupings.map { ["groupingID": $0.id, "groupingTitle": $0.title] },
                "hasGroupings": !questionnaire.groupings.isEmpty,
            ]
            return app.page("run", view, title: questionnaire.title, admin: session, refresh: 30)
        }
    }

    @Sendable func closeRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            _ = try await post(request, context)
            let (run, _, _) = try self.run(context)
            try app.store.closeRun(id: run.id ?? 0)
            context.logger.info("run closed", metadata: ["run": "\(run.id ?? 0)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    @Sendable func addCodes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            let (_, form) = try await post(request, context)
            let (run, _, _) = try self.run(context)
            let count = min(500, max(1, Int(form["count"] ?? "") ?? 30))
            try app.store.addCodes((0..<count).map { _ in Tokens.accessCode() }, run: run.id ?? 0)
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    // MARK: - Downloads

    @Sendable func exportCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            _ = try session(request)
            let (_, wave, questionnaire) = try self.run(context)
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-export-\(Tokens.hex(bytes: 8)).csv")
            defer { try? FileManager.default.removeItem(at: temporary) }
            let writer = try CSVWriter(url: temporary)
            let layout = ExportLayout(questionnaire: questionnaire)
            try writer.write(layout.header)
            try app.store.forEachResponse(in: wave) { try writer.write(layout.row($0.response)) }
            try writer.finish()
            let data = try Data(contentsOf: temporary)
            return Reply.file([UInt8](data), contentType: "text/csv; charset=utf-8", filename: "\(questionnaire.id)-\(wave.name).csv")
        }
    }

    /// The same справка as `anketa report`: dynamics against the previous run of the same
    /// questionnaire and unit, охват and framing from the organisation profile (`serve --org`), and
    /// the grouping chosen on the run's page (`?by=`).
    private func reportInput(_ request: Request, _ context: AppRequestContext) throws -> (ReportInput, Wave) {
        let (_, wave, questionnaire) = try run(context)
        let by = request.uri.queryParameters.get("by").flatMap { id in questionnaire.groupings.first { $0.id == id }?.id }
        let options = AnalysisOptions(minGroupSize: app.configuration.minGroupSize, groupings: by.map { [$0] })
        func analyze(_ wave: Wave) throws -> AnalysisResult {
            var analyzer = Analyzer(questionnaire: questionnaire, wave: wave.displayName, options: options)
            try app.store.forEachResponse(in: wave) { analyzer.add($0.response) }
            return analyzer.finish()
        }
        // The latest earlier wave of the same questionnaire and unit that has answers.
        let earlier = try app.store.waves().filter {
            $0.wave.questionnaireID == wave.questionnaireID && $0.wave.unit == wave.unit && ($0.wave.id ?? 0) < (wave.id ?? 0) && $0.responses > 0
        }.max { ($0.wave.id ?? 0) < ($1.wave.id ?? 0) }
        let previous = try earlier.map { try analyze($0.wave) }
        let formatter = DateFormatter()
        formatter.dateFormat = "dd.MM.yyyy"
        let input = ReportInput(questionnaire: questionnaire, result: try analyze(wave), previous: previous,
                                organization: wave.unit.isEmpty ? nil : wave.unit, mapGrouping: by,
                                date: formatter.string(from: Date()), profile: app.configuration.organization)
        return (input, wave)
    }

    @Sendable func reportHTML(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            _ = try session(request)
            let (input, _) = try reportInput(request, context)
            return Reply.html(HTMLRenderer().render(CertificateComposer(input).compose()))
        }
    }

    @Sendable func reportDOCX(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await guarded {
            _ = try session(request)
            let (input, wave) = try reportInput(request, context)
            let data = try DOCXRenderer().render(CertificateComposer(input).compose())
            return Reply.file([UInt8](data), contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                              filename: "справка-\(input.questionnaire.id)-\(wave.name).docx")
        }
    }
}
