import AnketaStore
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Builds the web application over a store (tests pass port 0 and an in-memory store).
///
/// ```swift
/// let app = try await buildApplication(store: store, configuration: WebConfiguration(port: 8080))
/// try await app.runService()   // stops gracefully on SIGTERM / SIGINT
/// ```
/// `onServerRunning` receives the listening channel (tests read the port of a server on port 0 from it).
public func buildApplication(store: any SurveyStore, configuration: WebConfiguration, logger: Logger? = nil,
                             onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) async throws -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "anketa")
    if logger.logLevel > .info { logger.logLevel = .info }
    let router = try await buildRouter(store: store, configuration: configuration)
    // An idle or stalled connection (a request head never finished) is closed after the idle
    // timeout; beyond `maxConnections` new connections wait in the listen queue.
    let server = HTTPServerBuilder.http1(configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout)))
    return Application(router: router, server: server,
                       configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "anketa",
                                            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
                       onServerRunning: onServerRunning, logger: logger)
}

/// The router with every route and middleware.
public func buildRouter(store: any SurveyStore, configuration: WebConfiguration) async throws -> Router<AppRequestContext> {
    let app = try await WebApp(store: store, configuration: configuration)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(secure: configuration.secureCookies))
    SurveyController(app: app).addRoutes(to: router)
    AuthController(app: app).addRoutes(to: router)
    RunController(app: app).addRoutes(to: router)
    QuestionnaireController(app: app).addRoutes(to: router)
    DownloadController(app: app).addRoutes(to: router)
    AccountController(app: app).addRoutes(to: router)
    PrintController(app: app).addRoutes(to: router)
    return router
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
