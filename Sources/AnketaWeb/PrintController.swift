import AnketaCore
import AnketaStore
import Foundation
import Hummingbird
import QRCode

/// Printed material for a run: the one-page A4 poster with the link as a QR code, and A4 sheets of
/// access-code slips, each with its own QR code (the link with the code filled in) and the full link.
///
/// Both refuse to print a link respondents cannot open (no `--public-url`, or a loopback one)
/// and say how to set it. Every route requires a console session.
struct PrintController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/runs/:id/poster", use: poster)
        router.get("/admin/runs/:id/codes", use: codes)
        router.post("/admin/runs/:id/codes", use: addCodes)
    }

    /// The user's run (role and unit checked), or the page to show instead (sign-in, no access, not
    /// found, a link that cannot be printed).
    private func printable(_ request: Request, _ context: AppRequestContext) async throws -> (ConsoleUser, SurveyRun, Wave, Questionnaire) {
        let user = try await app.consoleUser(request)
        let (run, wave, questionnaire) = try await app.consoleRun(context, for: user)
        if let problem = app.publicLinkProblem {
            context.logger.notice("printing refused: no public link", metadata: ["run": "\(run.id ?? 0)"])
            let view = RefusalView(id: run.id ?? 0, problem: problem, hint: WebApp.publicLinkHint)
            throw ResponseRefusal(app.page("print_refused", view, title: "Печать невозможна", admin: user, linkBanner: false, status: .conflict))
        }
        return (user, run, wave, questionnaire)
    }

    struct RefusalView {
        let id: Int64
        let problem: String
        let hint: String
    }

    /// The school as printed on the poster: the organisation profile's full name, else the run's unit.
    private func school(_ wave: Wave) -> String {
        app.configuration.organization?.fullName ?? wave.unit
    }

    /// The school on a slip, where space is short: the profile's short name, else the full one.
    private func shortSchool(_ wave: Wave) -> String {
        guard let organization = app.configuration.organization else { return wave.unit }
        return organization.shortName.flatMap { $0.isEmpty ? nil : $0 } ?? organization.fullName
    }

    struct PosterView {
        let id: Int64
        let school: String
        let title: String
        let audience: String
        let anonymous: Bool
        let qr: String
        let link: String
        let period: String
    }

    @Sendable func poster(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
        let (user, run, wave, questionnaire) = try await printable(request, context)
        let link = "\(app.baseURL)/s/\(run.slug)"
        let qr = try QRCode(link, correction: .medium).svg(moduleSize: 8, quietZone: 4, title: "QR-код ссылки на опрос")
        let view = PosterView(id: run.id ?? 0, school: school(wave), title: questionnaire.title,
                              audience: "Опрос \(questionnaire.audience.genitivePlural)", anonymous: questionnaire.anonymous, qr: qr, link: link,
                              period: app.clock.period(run.opensAt, run.closesAt))
        return app.page("poster", view, title: questionnaire.title, admin: user)
        }
    }

    struct Slip {
        let title: String
        let school: String
        let qr: String
        let link: String
        let code: String
    }

    struct SlipsView {
        let id: Int64
        let count: String
        let anonymous: Bool
        let slips: [Slip]
    }

    @Sendable func codes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
        let (user, run, wave, questionnaire) = try await printable(request, context)
        let link = "\(app.baseURL)/s/\(run.slug)"
        let slips = try await app.store.codes(run: run.id ?? 0).filter { !$0.used }.map { item in
            // The QR code opens the form with the code filled in; the printed link and code work by hand.
            Slip(title: questionnaire.title, school: shortSchool(wave),
                 qr: try QRCode("\(link)?code=\(item.code)", correction: .medium).svg(moduleSize: 4, quietZone: 2, title: "QR-код с кодом \(item.code)"),
                 link: link, code: item.code)
        }
        let view = SlipsView(id: run.id ?? 0, count: RussianPlural("свободный код", "свободных кода", "свободных кодов")(slips.count),
                             anonymous: questionnaire.anonymous, slips: slips)
        return app.page("codes", view, title: "Коды доступа — \(questionnaire.title)", admin: user, wide: true)
        }
    }

    /// Adds one-time access codes to a closed-group run (from the run page).
    @Sendable func addCodes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (run, _, _) = try await app.consoleRun(context, for: user)
            let count = min(500, max(1, Int(form["count"] ?? "") ?? 30))
            try await app.store.addCodes((0..<count).map { _ in Tokens.accessCode() }, run: run.id ?? 0)
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }
}
