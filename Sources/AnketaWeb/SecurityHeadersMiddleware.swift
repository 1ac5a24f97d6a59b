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
        }
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.anketaContentTypeOptions] = "nosniff"
        response.headers[.anketaFrameOptions] = "DENY"
        response.headers[.anketaReferrerPolicy] = "no-referrer"
        if secure { response.headers[.anketaStrictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

extension HTTPField.Name {
    static let anketaContentTypeOptions = Self("X-Content-Type-Options")!
    static let anketaFrameOptions = Self("X-Frame-Options")!
    static let anketaReferrerPolicy = Self("Referrer-Policy")!
    static let anketaStrictTransportSecurity = Self("Strict-Transport-Security")!
    static let anketaForwardedFor = Self("X-Forwarded-For")!
}
