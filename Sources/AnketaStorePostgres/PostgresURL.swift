import AnketaStore
import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?sslmode=…` address, read as `--db` or
/// `ANKETA_DATABASE_URL` give it.
///
/// The password may also come from `PGPASSWORD`; `?host=/run/postgresql` connects through the Unix
/// socket in that folder. `sslmode` is `disable`, `prefer` (the default, as libpq's) or `require`.
///
/// ```swift
/// let url = try PostgresURL("postgres://anketa@db.local:5432/monitoring")
/// ```
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    /// The folder of the server's Unix socket, when connecting through it.
    public var socketFolder: String?
    public var database: String
    public var sslMode: String

    /// Whether a `--db` value names a PostgreSQL server rather than an SQLite file.
    public static func isServerURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let shown = Self.redact(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw StoreError.badServerURL(shown, "ожидался адрес вида postgres://пользователь@сервер:порт/база")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        user = components.user.flatMap { $0.removingPercentEncoding } ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw StoreError.badServerURL(shown, "порт \(port) вне диапазона 1–65535") }
        if let socket = query["host"], socket.hasPrefix("/") { socketFolder = socket }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.removingPercentEncoding.flatMap { $0.isEmpty ? nil : $0 } ?? user
        guard !database.contains("/") else { throw StoreError.badServerURL(shown, "в имени базы «\(database)» не должно быть «/»") }
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw StoreError.badServerURL(shown, "sslmode=\(sslMode) не поддерживается (можно disable, prefer или require)")
        }
    }

    /// The address as it may be shown: without the password.
    public var redacted: String {
        var text = "postgres://\(user)@"
        text += socketFolder == nil ? "\(host):\(port)" : ""
        text += "/\(database)"
        if let socketFolder { text += "?host=\(socketFolder)" }
        return text
    }

    /// The same address with another database (tests make one per test).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }

    var clientConfiguration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketFolder {
            configuration = .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let tls: PostgresClient.Configuration.TLS = switch sslMode {
            case "disable": .disable
            case "require": .require(.makeClientConfiguration())
            default: .prefer(.makeClientConfiguration())
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        if let socketFolder {
            return .init(unixSocketPath: "\(socketFolder)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        }
        var tls = PostgresConnection.Configuration.TLS.disable
        if sslMode == "require" { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) }
        if sslMode == "prefer" { tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration())) }
        var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}
