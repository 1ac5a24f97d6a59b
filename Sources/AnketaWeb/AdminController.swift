import AnketaCore
import AnketaStore
import Foundation
import Hummingbird
import QRCode

/// What a run prints: the poster with its QR code and the access-code slips (and adding codes).
/// The rest of the console lives in ``RunController``, ``QuestionnaireController``,
/// ``DownloadController`` and ``AccountController``.
struct AdminController: Sendable {
    let app: WebApp

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/admin/runs/:id/poster", use: poster)
        router.get("/admin/runs/:id/codes", use: codes)
        router.post("/admin/runs/:id/codes", use: addCodes)
    }

    @Sendable func poster(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try app.consoleUser(request)
            let (run, _, questionnaire) = try app.consoleRun(context, for: user)
            let link = "\(app.baseURL)/s/\(run.slug)"
            let qr = try QRCode(link, correction: .medium).svg(moduleSize: 8, quietZone: 4, title: "QR-код ссылки на опрос")
            let view: [String: Any] = ["id": run.id ?? 0, "title": questionnaire.title, "intro": questionnaire.intro ?? "",
                                       "qr": qr, "link": link, "linkWarning": app.linkWarning.map { [$0] } ?? [String](),
                                       "period": app.clock.period(run.opensAt, run.closesAt)]
            return app.page("poster", view, title: questionnaire.title, admin: user)
        }
    }

    struct Slip {
        let title: String
        let link: String
        let code: String
    }

    @Sendable func codes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let user = try app.consoleUser(request)
            let (run, _, questionnaire) = try app.consoleRun(context, for: user)
            let link = "\(app.baseURL)/s/\(run.slug)"
            let slips = try app.store.codes(run: run.id ?? 0).filter { !$0.used }.map { Slip(title: questionnaire.title, link: link, code: $0.code) }
            return app.page("codes", ["id": run.id ?? 0, "slips": slips] as [String: Any], title: "Коды доступа", admin: user, wide: true)
        }
    }

    @Sendable func addCodes(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await app.guarded {
            let (user, form) = try await app.consolePost(request, context)
            let (run, _, _) = try app.consoleRun(context, for: user)
            let count = min(500, max(1, Int(form["count"] ?? "") ?? 30))
            try app.store.addCodes((0..<count).map { _ in Tokens.accessCode() }, run: run.id ?? 0)
            return Reply.redirect("/admin/runs/\(run.id ?? 0)")
        }
    }
}
