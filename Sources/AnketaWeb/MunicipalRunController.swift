import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaMunicipal
import AnketaStore
import Foundation
import Hummingbird
import Logging

/// Municipal runs in the console: the methodist runs one questionnaire in many schools of the
/// units registry at once. Every school gets its own run — link, codes, schedule, its own page a
/// school administrator sees — and the console shows them as one municipal run with each school's
/// охват and the municipal справка (the same composer as `anketa report --municipal`).
/// Every route here is the methodist's: a school administrator is refused (403).
struct MunicipalRunController: Sendable {
    let app: WebApp

    /// Codes made per school when the registry gives no contingent for the audience.
    static let defaultCodes = 30
    /// At most this many codes per school (a contingent typed with an extra digit does not make 100 000).
    static let maximumCodes = 3000

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/municipal/new", use: newRun)
        router.post("/admin/municipal", use: createRun)
        router.get("/admin/municipal/:id", use: showRun)
        router.get("/admin/municipal/:id/report.html", use: reportHTML)
        router.get("/admin/municipal/:id/report.docx", use: reportDOCX)
        router.post("/admin/municipal/:id/extend", use: extendAll)
        router.get("/admin/municipal/:id/close", use: confirmCloseAll)
        router.post("/admin/municipal/:id/close", use: closeAll)
    }

    // MARK: - New municipal run

    struct SchoolChoice {
        let code: String
        let name: String
        let kind: String
        let checked: Bool
    }

    struct NewRunView {
        let csrf: String
        let questionnaires: [RunController.QuestionnaireOption]
        let schools: [SchoolChoice]
        let hasSchools: Bool
        let wave: String
        let opens: String
        let closes: String
        let codes: Bool
        let error: String?
        let zone: String
        let defaultCodes: Int
    }

    private func newRunView(_ user: ConsoleUser, form: FormData? = nil, error: String? = nil, logger: Logger) async throws -> NewRunView {
        let now = Date()
        let selected = form?["questionnaire"]
        let chosen = form.map { Set($0.all("school")) }
        let year = String(app.clock.now(now).prefix(4))
        let units = try await app.store.units()
        return NewRunView(
            csrf: user.session.csrf,
            questionnaires: app.catalog(logger: logger).map {
                RunController.QuestionnaireOption(id: $0.questionnaire.id, title: $0.questionnaire.title,
                                                  audience: $0.questionnaire.audience.nominativePlural.lowercased(), selected: selected == $0.questionnaire.id)
            },
            // Every school is chosen until the methodist unticks some.
            schools: units.map { SchoolChoice(code: $0.code, name: $0.shortName, kind: $0.kind.rawValue, checked: chosen?.contains($0.code) ?? true) },
            hasSchools: !units.isEmpty,
            wave: form?["wave"] ?? year, opens: form?["opens"] ?? Dates.toInput(app.clock.now(now)),
            closes: form?["closes"] ?? Dates.toInput(app.clock.now(now.addingTimeInterval(14 * 86400))),
            codes: form.map { $0["codes"] == "1" } ?? false, error: error, zone: app.clock.label, defaultCodes: Self.defaultCodes)
    }

    @Sendable func newRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try await app.consoleUser(request)
            try app.requireMethodist(user)
            return app.page("municipal_new", try await newRunView(user, logger: context.logger), title: "Муниципальный опрос", admin: user)
        }
    }

    @Sendable func createRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            try app.requireMethodist(user)
            func refuse(_ message: String) async throws -> Response {
                app.page("municipal_new", try await newRunView(user, form: form, error: message, logger: context.logger), title: "Муниципальный опрос",
                         admin: user, status: .unprocessableContent)
            }
            guard let entry = app.catalog(logger: context.logger).first(where: { $0.questionnaire.id == form["questionnaire"] }) else {
                return try await refuse("Выберите анкету из списка.")
            }
            let wave = (form["wave"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !wave.isEmpty else { return try await refuse("Укажите название волны, например 2026.") }
            guard !wave.unicodeScalars.contains("\u{0}") else { return try await refuse("Название волны не должно содержать нулевой байт.") }
            guard let opens = form["opens"].flatMap(Dates.fromInput), let closes = form["closes"].flatMap(Dates.fromInput) else {
                return try await refuse("Укажите даты начала и окончания.")
            }
            guard opens < closes else { return try await refuse("Окончание должно быть позже начала.") }
            let registry = try await app.store.units()
            let chosen = Set(form.all("school"))
            let schools = registry.filter { chosen.contains($0.code) }
            guard !registry.isEmpty else { return try await refuse("Реестр организаций пуст: загрузите его командой anketa units import <реестр.csv>.") }
            guard !schools.isEmpty else { return try await refuse("Отметьте хотя бы одну школу.") }
            let requiresCode = form["codes"] == "1"
            let audience = entry.questionnaire.audience
            let plan = MunicipalRunPlan(
                questionnaire: entry.questionnaire, waveName: wave, opensAt: opens, closesAt: closes, requiresCode: requiresCode,
                schools: schools.map { unit in
                    let count = min(Self.maximumCodes, unit.contingent[audience].flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultCodes)
                    return MunicipalRunPlan.School(unit: unit.code, slug: Tokens.hex(bytes: 12),
                                                   codes: requiresCode ? (0..<count).map { _ in Tokens.accessCode() } : [])
                })
            try await app.store.register(entry.questionnaire, source: entry.source)
            switch try await app.store.createMunicipalRun(plan) {
            case .created(let id):
                context.logger.info("municipal run created", metadata: ["municipal": "\(id)", "questionnaire": "\(entry.questionnaire.id)",
                                                                        "schools": "\(schools.count)"])
                return Reply.redirect("/admin/municipal/\(id)")
            case .duplicate:
                return try await refuse("Муниципальный опрос по анкете «\(entry.questionnaire.title)» с волной «\(wave)» уже есть. Выберите другое название волны.")
            case .wavesTaken(let codes):
                let names = registry.filter { codes.contains($0.code) }.map(\.shortName)
                return try await refuse("У волны «\(wave)» уже есть свой опрос в \(names.count == 1 ? "школе" : "школах") \(names.joined(separator: ", ")). Выберите другое название волны или снимите отметку с \(names.count == 1 ? "этой школы" : "этих школ").")
            }
        }
    }

    // MARK: - The list of runs

    struct ListRow {
        let id: Int64
        let title: String
        let wave: String
        let schools: Int
        let responses: Int
        let coverage: String
        /// «12 из 30»: schools whose run accepts answers now.
        let open: String
    }

    /// The methodist's list of runs: one line per municipal run.
    static func listRows(_ runs: [MunicipalRun], app: WebApp, titles: [String: String], now: String) async throws -> [ListRow] {
        guard !runs.isEmpty else { return [] }
        let units = Dictionary(try await app.store.units().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let audiences = Dictionary(try await app.store.questionnaires().map { ($0.id, Audience(rawValue: $0.audience)) }, uniquingKeysWith: { _, last in last })
        return runs.map { run in
            let contingents = run.schools.map { school in audiences[run.questionnaireID].flatMap { $0 }.flatMap { units[school.unit]?.contingent[$0] } }
            let total = contingents.contains(nil) ? 0 : contingents.compactMap { $0 }.reduce(0, +)
            let open = run.schools.filter { $0.run.state(at: now) == .open }.count
            return ListRow(id: run.id, title: titles[run.questionnaireID] ?? run.questionnaireID, wave: run.waveName, schools: run.schools.count,
                           responses: run.responses, coverage: Self.coverage(run.responses, of: total).text,
                           open: open == 0 ? "нет" : "в \(open) из \(run.schools.count)")
        }
    }

    /// Охват as shown: the share of the contingent, «—» without one, and no share over 100 % — with
    /// more responses than the registry's contingent the text asks to check the registry. `share`
    /// (for the bar and the «мало» mark) is nil then.
    static func coverage(_ responses: Int, of contingent: Int?) -> (text: String, share: Double?) {
        guard let contingent, contingent > 0 else { return ("—", nil) }
        let share = Double(responses) / Double(contingent) * 100
        if share > 100 { return ("не рассчитан: ответов больше контингента — проверьте реестр", nil) }
        return (RussianNumber.percent(share), share)
    }

    // MARK: - A municipal run's page

    struct SchoolRow {
        let runID: Int64
        let name: String
        let link: String
        let responses: Int
        let contingent: String
        let coverage: String
        /// 0–100, for the bar.
        let bar: Int
        let low: Bool
        let state: String
        let small: Bool
    }

    /// The municipal run of the route's `:id` (404 when there is none) for a methodist (403 otherwise).
    private func municipalRun(_ request: Request, _ context: AppRequestContext, user signedIn: ConsoleUser? = nil) async throws -> (ConsoleUser, MunicipalRun, Questionnaire) {
        let user: ConsoleUser
        if let signedIn { user = signedIn } else { user = try await app.consoleUser(request) }
        try app.requireMethodist(user)
        let id = try context.parameters.require("id", as: Int64.self)
        guard let run = try await app.store.municipalRun(id: id), let first = run.schools.first else { throw HTTPError(.notFound) }
        return (user, run, try await app.store.questionnaire(id: run.questionnaireID, version: first.wave.questionnaireVersion))
    }

    @Sendable func showRun(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, run, questionnaire) = try await municipalRun(request, context)
            let units = Dictionary(try await app.store.units().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
            let now = app.clock.now()
            let minimum = app.configuration.minGroupSize
            let rows = run.schools.map { school -> SchoolRow in
                let unit = units[school.unit]
                let contingent = unit?.contingent[questionnaire.audience]
                let (coverage, share) = Self.coverage(school.responses, of: contingent)
                return SchoolRow(runID: school.run.id ?? 0, name: unit?.shortName ?? school.unit, link: "\(app.baseURL)/s/\(school.run.slug)",
                                 responses: school.responses, contingent: contingent.map(String.init) ?? "—",
                                 coverage: coverage, bar: Int(min(100, share ?? 0).rounded()),
                                 low: share.map { $0 < 50 } ?? false, state: school.run.state(at: now).rawValue, small: school.responses < minimum)
            }
            let contingents = run.schools.map { units[$0.unit]?.contingent[questionnaire.audience] }
            let total = contingents.contains(nil) ? nil : contingents.compactMap { $0 }.reduce(0, +)
            let small = rows.filter(\.small).count
            let periods = Set(run.schools.map { app.clock.period($0.run.opensAt, $0.run.closesAt) })
            let view: [String: Any] = [
                "id": run.id, "csrf": user.session.csrf, "title": questionnaire.title, "wave": run.waveName, "audience": questionnaire.audience.nominativePlural.lowercased(),
                "period": periods.count == 1 ? periods.first ?? "" : "у школ разные — см. таблицу",
                "schoolCount": RussianPlural("школа", "школы", "школ")(run.schools.count), "responses": run.responses,
                "coverage": total.flatMap { $0 > 0 ? ["охват \(Self.coverage(run.responses, of: $0).text) (контингент \($0))"] : nil } ?? [String](),
                "schools": rows, "requiresCode": run.schools.first?.run.requiresCode ?? false, "minimum": minimum,
                "previous": [try await previousWave(of: run, questionnaire: questionnaire).map { "Динамика в справке — по сравнению с волной «\($0)» тех же школ по реестру." }
                    ?? "Волны прошлого года (то же название годом раньше, например «2025» для «2026») у школ реестра нет — справка будет без динамики."]
                    + companionsNote(try await app.companionQuestionnaires(of: questionnaire, wave: run.waveName)),
                "smallNote": small > 0 ? ["Пока меньше \(minimum) ответов: \(RussianPlural("школа", "школы", "школ")(small)). Такие школы в муниципальной справке скрыты, их ответы не входят в муниципальные значения."] : [String](),
            ]
            return app.page("municipal_run", view, title: questionnaire.title, admin: user, wide: true, refresh: 60)
        }
    }

    // MARK: - Every school's schedule at once

    /// Extends every school's run by a week from its planned end (or from now when that has
    /// passed), reopening the ones that were closed — as «Продлить на неделю» on a school's page.
    @Sendable func extendAll(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, _) = try await app.consolePost(request, context)
            let (_, run, _) = try await municipalRun(request, context, user: user)
            let now = app.clock.now()
            for school in run.schools {
                guard let id = school.run.id, let closes = app.clock.adding(days: 7, to: max(school.run.closesAt, now)) else { continue }
                if school.run.closed {
                    try await app.store.reopenRun(id: id, closesAt: closes)
                } else {
                    try await app.store.setRunDates(id: id, opensAt: school.run.opensAt, closesAt: closes)
                }
            }
            context.logger.info("municipal run extended", metadata: ["municipal": "\(run.id)"])
            return Reply.redirect("/admin/municipal/\(run.id)")
        }
    }

    @Sendable func confirmCloseAll(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, run, questionnaire) = try await municipalRun(request, context)
            let open = run.schools.filter { $0.run.state(at: app.clock.now()) != .closed }.count
            let view: [String: Any] = ["id": run.id, "title": questionnaire.title, "wave": run.waveName, "csrf": user.session.csrf,
                                       "responses": run.responses,
                                       "stillOpen": open == 0 ? "Опросы всех школ уже завершены." : "Опрос ещё идёт в \(open) \(RussianPlural("школе", "школах", "школах").form(open))."]
            return app.page("municipal_close", view, title: "Завершить опросы всех школ?", admin: user)
        }
    }

    @Sendable func closeAll(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (_, run, _) = try await municipalRun(request, context, user: user)
            // Only the confirmation page's button closes; anything else asks first.
            guard form["confirm"] == "yes" else { return Reply.redirect("/admin/municipal/\(run.id)/close") }
            let now = app.clock.now()
            for school in run.schools where school.run.state(at: now) != .closed {
                if let id = school.run.id { try await app.store.closeRun(id: id, at: now) }
            }
            context.logger.info("municipal run closed", metadata: ["municipal": "\(run.id)"])
            return Reply.redirect("/admin/municipal/\(run.id)")
        }
    }

    /// «В справке — сопоставление с опросом родителей и педагогов той же волны.» when there are
    /// companion audiences (``WebApp/companionQuestionnaires(of:wave:)``).
    func companionsNote(_ companions: [Questionnaire]) -> [String] {
        guard !companions.isEmpty else { return [] }
        let names = companions.map { $0.audience.genitivePlural }
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " и " + names[names.count - 1]
        return ["В справке — сопоставление с \(companions.count == 1 ? "муниципальным опросом" : "муниципальными опросами") \(list) той же волны (показатели с общим смыслом рядом)."]
    }

    // MARK: - The municipal справка

    /// The municipal справка of the run's wave over every registered school that has it — the same
    /// input `anketa report <id> --wave <wave> --municipal` builds.
    private func reportInput(_ run: MunicipalRun, _ questionnaire: Questionnaire) async throws -> MunicipalReportInput {
        try await app.municipalReportInput(questionnaire, wave: run.waveName)
    }

    func previousWave(of run: MunicipalRun, questionnaire: Questionnaire) async throws -> String? {
        try await app.previousMunicipalWave(questionnaire, wave: run.waveName)
    }

    @Sendable func reportHTML(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (_, run, questionnaire) = try await municipalRun(request, context)
            return Reply.html(HTMLRenderer().render(MunicipalComposer(try await reportInput(run, questionnaire)).compose()))
        }
    }

    @Sendable func reportDOCX(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (_, run, questionnaire) = try await municipalRun(request, context)
            let data = try DOCXRenderer().render(MunicipalComposer(try await reportInput(run, questionnaire)).compose())
            return Reply.file([UInt8](data), contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                              filename: "муниципальная-справка-\(questionnaire.id)-\(run.waveName).docx")
        }
    }
}
