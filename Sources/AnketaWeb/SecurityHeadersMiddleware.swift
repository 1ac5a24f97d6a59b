import HTTPTypes
import Hummingbird

/// Adds security headers to every response: no framing, no sniffing, no referrer, a strict CSP
/// (pages have no scripts; styles are inline; images are inline SVG or data: URIs).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let secure: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // Errors thrown by the router (unknown route, bad parameter, body too large, 404 of a
            // handler) become their response here, so that they carry the headers too.
            response = try error.response(from: request, context: context)
        } catch {
            // Anything else (a store error in a page that does not handle it) is a 500 page with a
            // log line, never a bare 500.
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
            response = Reply.html(SecurityHeadersMiddleware.serverErrorPage, status: .internalServerError)
        }
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.anketaContentTypeOptions] = "nosniff"
        response.headers[.anketaFrameOptions] = "DENY"
        response.headers[.anketaReferrerPolicy] = "no-referrer"
        if secure { response.headers[.anketaStrictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

extension SecurityHeadersMiddleware {
    static var serverErrorPage: String {
        """
        <!doctype html>
        <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Ошибка на сервере</title></head>
        <body><h1>Ошибка на сервере</h1>
        <p>Страницу не удалось показать. Вернитесь назад и попробуйте ещё раз через минуту; если ошибка повторяется, сообщите организатору опроса.</p>
        </body></html>
        """
    }
}

extension HTTPField.Name {
    static let anketaContentTypeOptions = Self("X-Content-Type-Options")!
    static let anketaFrameOptions = Self("X-Frame-Options")!
    static let anketaReferrerPolicy = Self("Referrer-Policy")!
    static let anketaStrictTransportSecurity = Self("Strict-Transport-Security")!
    static let anketaForwardedFor = Self("X-Forwarded-For")!
}
