import AnketaStore
import Hummingbird
import Logging

/// Builds the web application over a store (tests pass port 0 and an in-memory store).
///
/// ```swift
/// let app = try buildApplication(store: store, configuration: WebConfiguration(port: 8080))
/// try await app.runService()   // stops gracefully on SIGTERM / SIGINT
/// ```
public func buildApplication(store: AnketaStore, configuration: WebConfiguration, logger: Logger? = nil) throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "anketa")
    if logger.logLevel > .info { logger.logLevel = .info }
    let router = try buildRouter(store: store, configuration: configuration)
    return Application(router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "anketa"),
                       logger: logger)
}

/// The router with every route and middleware.
public func buildRouter(store: AnketaStore, configuration: WebConfiguration) throws -> Router<AppRequestContext> {
    let app = try WebApp(store: store, configuration: configuration)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(secure: configuration.secureCookies))
    SurveyController(app: app).addRoutes(to: router)
    AuthController(app: app).addRoutes(to: router)
    AdminController(app: app).addRoutes(to: router)
    return router
}
