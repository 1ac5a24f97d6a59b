import AnketaAnalysis
import AnketaCore
import AnketaStore
import Foundation
import Hummingbird
import Logging

/// Runs in the console: the list, a new run (or a copy of a previous one), a run's page with its
/// live summary, and its schedule — close (after a confirmation), reopen, extend, edit dates.
/// A school administrator sees and changes only their own school's runs.
struct RunController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: { _, _ in Reply.redirect("/admin") })
        router.get("/admin", use: index)
        router.get("/admin/runs/new", use: newRun)
        router.post("/admin/runs", use: createRun)
        router.get("/admin/runs/:id", use: showRun)
        router.get("/admin/runs/:id/close", use: confirmClose)
        router.post("/admin/runs/:id/close", use: closeRun)
        router.post("/admin/runs/:id/reopen", use: reopenRun)
        router.post("/admin/runs/:id/extend", use: extendRun)
        router.post("/admin/runs/:id/dates", use: setDates)
    }

    // MARK: - List

    struct RunRow {
        let id: Int64
        let title: String
        let wave: String
        let period: String
        let state: String
        let responses: Int
    }

    @Sendable func index(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let now = app.clock.now()
            let titles = Dictionary(try await app.store.questionnaires().map { ($0.id, $0.title) }, uniquingKeysWith: { _, last in last })
            let rows = try await app.store.runs().filter { user.user.mayAccess(unit: $0.wave.unit) }.map { item in
                RunRow(id: item.run.id ?? 0, title: titles[item.wave.questionnaireID] ?? item.wave.questionnaireID, wave: item.wave.displayName,
                       period: app.clock.period(item.run.opensAt, item.run.closesAt), state: item.run.state(at: now).rawValue,
                       responses: item.responses)
            }
            let notice = request.uri.queryParameters.get("password") == "changed" ? ["Пароль изменён. Другие сеансы с прежним паролем завершены."] : []
            let view: [String: Any] = ["runs": rows, "hasRuns": !rows.isEmpty, "notice": notice,
                                       "unit": user.isMethodist ? "" : user.user.unit,
                                       "catalogProblem": app.emptyCatalogMessage(logger: context.logger).map { [$0] } ?? [String]()]
            return app.page("admin", view, title: "Опросы", admin: user, wide: true)
        }
    }

    // MARK: - New run, copy of a run

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
        /// A school administrator's runs are always their own school's.
        let unitFixed: Bool
        let opens: String
        let closes: String
        let codes: Bool
        let error: String?
        let copiedFrom: String?
        let zone: String
        let catalogProblem: String?
    }

    /// What a new run may be made of: the questionnaires folder, plus — for a copy — the stored
    /// version of the copied run's questionnaire when the folder no longer has it.
    private func choices(logger: Logger, including stored: String? = nil) async throws -> [(questionnaire: Questionnaire, source: String)] {
        var entries = app.catalog(logger: logger)
        if let stored, !entries.contains(where: { $0.questionnaire.id == stored }),
           let record = try await app.store.questionnaires().filter({ $0.id == stored }).max(by: { $0.version < $1.version }) {
            entries.append((try await app.store.questionnaire(id: record.id, version: record.version), record.definition))
        }
        return entries
    }

    private func newRunView(_ user: ConsoleUser, form: FormData? = nil, error: String? = nil, copy: (SurveyRun, Wave, Questionnaire)? = nil,
                            logger: Logger) async throws -> NewRunView {
        let now = Date()
        let selected = form?["questionnaire"] ?? copy?.2.id
        let unit = user.isMethodist ? (form?["unit"] ?? copy?.1.unit ?? "") : user.user.unit
        return NewRunView(csrf: user.session.csrf,
                          questionnaires: try await choices(logger: logger, including: selected).map {
                              QuestionnaireOption(id: $0.questionnaire.id, title: $0.questionnaire.title,
                                                  audience: $0.questionnaire.audience.nominativePlural.lowercased(), selected: selected == $0.questionnaire.id)
                          },
                          wave: form?["wave"] ?? copy.map { Self.nextWaveName($0.1.name) } ?? "", unit: unit, unitFixed: !user.isMethodist,
                          opens: form?["opens"] ?? Dates.toInput(app.clock.now(now)),
                          closes: form?["closes"] ?? Dates.toInput(app.clock.now(now.addingTimeInterval(14 * 86400))),
                          codes: form.map { $0["codes"] == "1" } ?? copy?.0.requiresCode ?? false, error: error,
                          copiedFrom: copy.map { "«\($0.2.title)», волна «\($0.1.displayName)»" }, zone: app.clock.label,
                          catalogProblem: app.emptyCatalogMessage(logger: logger))
    }

    /// «2026-весна» → «2027-весна», «2025/2026» → «2026/2027»: a copy is usually next year's run
    /// (every year in the name moves on by one); a name without a year gets « (копия)».
    static func nextWaveName(_ name: String) -> String {
        var result = "", rest = Substring(name), moved = false
        while let range = rest.range(of: #"(19|20)\d\d"#, options: .regularExpression), let year = Int(rest[range]) {
            result += rest[..<range.lowerBound] + String(year + 1)
            rest = rest[range.upperBound...]
            moved = true
        }
        return moved ? result + rest : "\(name) (копия)"
    }

    @Sendable func newRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            var copy: (SurveyRun, Wave, Questionnaire)?
            if let from = request.uri.queryParameters.get("from").flatMap({ Int64($0) }) {
                guard let (run, wave) = try await app.store.run(id: from) else { throw HTTPError(.notFound) }
                guard user.user.mayAccess(unit: wave.unit) else {
                    return app.page("message", WebApp.MessageView(heading: "Нет доступа", text: "Этот опрос проводит другая организация: копировать можно только опросы своей школы."),
                                    title: "Нет доступа", admin: user, status: .forbidden)
                }
                copy = (run, wave, try await app.store.questionnaire(id: wave.questionnaireID, version: wave.questionnaireVersion))
            }
            return app.page("run_new", try await newRunView(user, copy: copy, logger: context.logger), title: "Новый опрос", admin: user)
        }
    }

    @Sendable func createRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            func refuse(_ message: String) async throws -> Response {
                app.page("run_new", try await newRunView(user, form: form, error: message, logger: context.logger), title: "Новый опрос",
                         admin: user, status: .unprocessableContent)
            }
            guard let entry = try await choices(logger: context.logger, including: form["questionnaire"]).first(where: { $0.questionnaire.id == form["questionnaire"] }) else {
                return try await refuse("Выберите анкету из списка.")
            }
            let wave = (form["wave"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !wave.isEmpty else { return try await refuse("Укажите название волны, например 2026-весна.") }
            guard let opens = form["opens"].flatMap(Dates.fromInput), let closes = form["closes"].flatMap(Dates.fromInput) else {
                return try await refuse("Укажите даты начала и окончания.")
            }
            guard opens < closes else { return try await refuse("Окончание должно быть позже начала.") }
            // A school administrator's run is their school's, whatever the form says.
            let unit = user.isMethodist ? (form["unit"] ?? "").trimmingCharacters(in: .whitespaces) : user.user.unit
            // The store keeps names as C strings: a NUL byte would cut them.
            guard !wave.unicodeScalars.contains("\u{0}"), !unit.unicodeScalars.contains("\u{0}") else {
                return try await refuse("Название волны и организации не должны содержать нулевой байт.")
            }
            try await app.store.register(entry.questionnaire, source: entry.source)
            let target = try await app.store.wave(for: entry.questionnaire, named: wave, unit: unit.isEmpty ? nil : unit, create: true)
            if try await app.store.runs().contains(where: { $0.wave.id == target.id }) {
                return try await refuse("У волны «\(target.displayName)» уже есть опрос. Выберите другое название волны.")
            }
            let run = try await app.store.createRun(wave: target, slug: Tokens.hex(bytes: 12), opensAt: opens, closesAt: closes,
                                              requiresCode: form["codes"] == "1")
            if run.requiresCode, let id = run.id { try await app.store.addCodes((0..<30).map { _ in Tokens.accessCode() }, run: id) }
            context.logger.info("run created", metadata: ["run": "\(run.id ?? 0)", "questionnaire": "\(entry.questionnaire.id)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    // MARK: - A run's page

    struct GroupRow {
        let name: String
        let count: Int
    }

    struct GroupTable {
        let groupTitle: String
        let rows: [GroupRow]
    }

    @Sendable func showRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let (run, wave, questionnaire) = try await app.consoleRun(context, for: user)
            let id = run.id ?? 0
            let codes = run.requiresCode ? try await app.store.codes(run: id) : []
            let responses = try await app.store.responseCount(in: wave)
            var groups: [GroupTable] = []
            // Counts per group as the справка will form them (classes normalised, levels derived);
            // groups smaller than the minimum are not listed one by one.
            let minimum = app.configuration.minGroupSize
            for grouping in questionnaire.groupings.prefix(3) where responses >= minimum {
                let kind = questionnaire.question(grouping.question)?.kind
                var totals: [String: Int] = [:]
                for item in try await app.store.counts(in: wave, question: grouping.question) {
                    let answer: Answer = kind == .single ? .option(item.value) : kind == .number ? .number(Double(item.value) ?? 0) : .text(item.value)
                    totals[Analyzer.groupKey(answer, grouping: grouping, questionnaire: questionnaire), default: 0] += item.count
                }
                let small = totals.filter { $0.value < minimum }
                var rows = totals.filter { $0.value >= minimum }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { GroupRow(name: $0.key, count: $0.value) }
                if !small.isEmpty {
                    rows.append(GroupRow(name: "другие группы (меньше \(minimum) в каждой, скрыты): \(small.count)", count: small.values.reduce(0, +)))
                }
                if !rows.isEmpty { groups.append(GroupTable(groupTitle: grouping.title, rows: rows)) }
            }
            let now = app.clock.now()
            let state = run.state(at: now)
            let summary = try await LiveSummary.make(questionnaire: questionnaire, wave: wave, store: app.store, minGroupSize: minimum)
            let previous = try await app.previousWave(of: wave)
            let view: [String: Any] = [
                "id": id, "title": questionnaire.title, "wave": wave.name, "unit": wave.unit, "csrf": user.session.csrf,
                "period": app.clock.period(run.opensAt, run.closesAt), "state": state.rawValue,
                "closedEarly": run.closed ? [run.closedAt.map { "Завершён досрочно \(app.clock.human($0))." } ?? "Завершён досрочно."] : [String](),
                "isOpen": state != .closed, "isClosed": state == .closed, "link": "\(app.baseURL)/s/\(run.slug)",
                "requiresCode": run.requiresCode, "codesTotal": codes.count, "codesFree": codes.filter { !$0.used }.count,
                "responses": responses, "groups": groups,
                "groupings": questionnaire.groupings.map { ["groupingID": $0.id, "groupingTitle": $0.title] },
                "hasGroupings": !questionnaire.groupings.isEmpty,
                "opensInput": Dates.toInput(run.opensAt), "closesInput": Dates.toInput(run.closesAt), "zone": app.clock.label,
                "summary": summary.questions, "summaryHidden": summary.hiddenReason.map { [$0] } ?? [String](),
                "previous": previous.map { ["Динамика в справке — по сравнению с волной «\($0.displayName)»."] }
                    ?? ["Прошлых запусков этой анкеты для этой школы с ответами нет — справка будет без динамики."],
            ]
            return app.page("run", view, title: questionnaire.title, admin: user, wide: true, refresh: 30)
        }
    }

    // MARK: - Schedule

    @Sendable func confirmClose(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            let (run, wave, questionnaire) = try await app.consoleRun(context, for: user)
            let view: [String: Any] = ["id": run.id ?? 0, "title": questionnaire.title, "wave": wave.displayName, "csrf": user.session.csrf,
                                       "responses": try await app.store.responseCount(in: wave), "closes": app.clock.human(run.closesAt)]
            return app.page("run_close", view, title: "Завершить опрос?", admin: user)
        }
    }

    @Sendable func closeRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (run, _, _) = try await app.consoleRun(context, for: user)
            // Only the confirmation page's button closes; anything else asks first.
            guard form["confirm"] == "yes" else { return Reply.redirect("/admin/runs/\(run.id ?? 0)/close") }
            try await app.store.closeRun(id: run.id ?? 0, at: app.clock.now())
            context.logger.info("run closed", metadata: ["run": "\(run.id ?? 0)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    @Sendable func reopenRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (run, _, _) = try await app.consoleRun(context, for: user)
            let now = app.clock.now()
            var closes = form["closes"].flatMap(Dates.fromInput) ?? run.closesAt
            // A run whose end has passed reopens for a week unless a new end is given.
            if closes <= now { closes = app.clock.adding(days: 7, to: now) ?? now }
            try await app.store.reopenRun(id: run.id ?? 0, closesAt: closes)
            context.logger.info("run reopened", metadata: ["run": "\(run.id ?? 0)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    @Sendable func extendRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (run, _, _) = try await app.consoleRun(context, for: user)
            let days = min(90, max(1, Int(form["days"] ?? "") ?? 7))
            let now = app.clock.now()
            // From the planned end, or from now when it has passed.
            let base = max(run.closesAt, now)
            guard let closes = app.clock.adding(days: days, to: base) else { throw HTTPError(.badRequest) }
            if run.closed {
                try await app.store.reopenRun(id: run.id ?? 0, closesAt: closes)
            } else {
                try await app.store.setRunDates(id: run.id ?? 0, opensAt: run.opensAt, closesAt: closes)
            }
            context.logger.info("run extended", metadata: ["run": "\(run.id ?? 0)", "days": "\(days)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }

    @Sendable func setDates(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (run, _, _) = try await app.consoleRun(context, for: user)
            guard let opens = form["opens"].flatMap(Dates.fromInput), let closes = form["closes"].flatMap(Dates.fromInput) else {
                return app.message("Сроки не изменены", "Укажите дату и время начала и окончания.", status: .unprocessableContent)
            }
            guard opens < closes else {
                return app.message("Сроки не изменены", "Окончание должно быть позже начала. Вернитесь назад и исправьте даты.", status: .unprocessableContent)
            }
            try await app.store.setRunDates(id: run.id ?? 0, opensAt: opens, closesAt: closes)
            context.logger.info("run dates changed", metadata: ["run": "\(run.id ?? 0)"])
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }
}
