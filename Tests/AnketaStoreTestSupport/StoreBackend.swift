import AnketaCore
import AnketaStore
import AnketaStorePostgres
import Foundation
import PostgresNIO

/// The store backends the store's tests run on: SQLite always, PostgreSQL when
/// `ANKETA_TEST_POSTGRES_URL` names a server (scripts/test.sh starts a throwaway cluster and sets it).
///
/// ```swift
/// @Test(arguments: StoreBackend.available)
/// func roundTrip(_ backend: StoreBackend) async throws {
///     try await backend.withStore { store in … }
/// }
/// ```
public enum StoreBackend: String, Sendable, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    /// The server the PostgreSQL leg uses; each test gets a database of its own on it.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// SQLite, and PostgreSQL when a server is given.
    public static var available: [StoreBackend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    public var description: String { self == .sqlite ? "SQLite" : "PostgreSQL" }

    /// Runs `body` with a fresh, empty store: an SQLite file in a new temporary folder, or a new
    /// PostgreSQL database (dropped afterwards).
    public func withStore<T>(_ body: (TestStore) async throws -> T) async throws -> T {
        let store = try await TestStore.make(self)
        do {
            let result = try await body(store)
            await store.remove()
            return result
        } catch {
            await store.remove()
            throw error
        }
    }
}

/// A store made for one test, with a side door for what the interface does not offer (leftovers of
/// a killed import, counting pending rows).
public final class TestStore: @unchecked Sendable {
    public let backend: StoreBackend
    public let store: any SurveyStore
    private let cleanup: () async -> Void
    private let raw: (String) async throws -> Int

    init(backend: StoreBackend, store: any SurveyStore, raw: @escaping (String) async throws -> Int, cleanup: @escaping () async -> Void) {
        self.backend = backend
        self.store = store
        self.raw = raw
        self.cleanup = cleanup
    }

    /// Runs one SQL statement on the store's database; returns the first column of the first row
    /// as an integer when there is one (0 otherwise). The statement must be valid in both dialects.
    @discardableResult
    public func execute(_ sql: String) async throws -> Int {
        try await raw(sql)
    }

    func remove() async { await cleanup() }

    static func make(_ backend: StoreBackend) async throws -> TestStore {
        switch backend {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("anketa.sqlite").path
            let store = try AnketaStore(path: path)
            return TestStore(backend: backend, store: store, raw: { sql in try store.executeForTests(sql) },
                             cleanup: { try? FileManager.default.removeItem(at: folder) })
        case .postgres:
            guard let text = StoreBackend.postgresURL else { throw StoreError.database("ANKETA_TEST_POSTGRES_URL не задана") }
            let server = try PostgresURL(text)
            let name = "anketa_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
            try await Self.onServer(server) { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            }
            let store = try await PostgresStore(url: server.with(database: name))
            return TestStore(backend: backend, store: store, raw: { sql in try await store.executeForTests(sql) }, cleanup: {
                await store.close()
                try? await Self.onServer(server) { connection, logger in
                    try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
                }
            })
        }
    }

    /// One connection to the server's own database (the one in the URL), for creating and dropping test databases.
    static func onServer(_ url: PostgresURL, _ body: (PostgresConnection, Logger) async throws -> Void) async throws {
        var logger = Logger(label: "anketa.tests")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 1, logger: logger)
        do {
            try await body(connection, logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

extension StoreBackend {
    /// Builds a store as schema v7 left it — `responses` written as one `answer` row per answer —
    /// then opens it as this version does (which migrates it) and runs `body` with the migrated
    /// store and the wave. The store is removed afterwards.
    public func withMigratedStore<T>(questionnaire: Questionnaire, source: String, responses: [Response],
                                     _ body: (any SurveyStore, Wave) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-v7-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("anketa.sqlite").path
            do {
                let old = try AnketaStore(path: path, migratingUpTo: MigrationName.v7)
                try old.register(questionnaire, source: source)
                let wave = try old.wave(for: questionnaire, named: "2025", unit: nil, create: true)
                try old.insertLegacyResponsesForTests(responses, wave: wave, source: "old.csv")
            }
            let store = try AnketaStore(path: path)
            return try await body(store, try store.wave(questionnaireID: questionnaire.id, named: "2025", unit: nil))
        case .postgres:
            guard let text = StoreBackend.postgresURL else { throw StoreError.database("ANKETA_TEST_POSTGRES_URL не задана") }
            let server = try PostgresURL(text)
            let name = "anketa_test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
            try await TestStore.onServer(server) { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            }
            func drop() async {
                try? await TestStore.onServer(server) { connection, logger in
                    try await connection.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger)
                }
            }
            do {
                let old = try await PostgresStore(url: server.with(database: name), upTo: MigrationName.v7)
                try await old.register(questionnaire, source: source)
                let wave = try await old.wave(for: questionnaire, named: "2025", unit: nil, create: true)
                try await old.insertLegacyResponsesForTests(responses, wave: wave, source: "old.csv")
                await old.close()
                let store = try await PostgresStore(url: server.with(database: name))
                let result = try await body(store, try await store.wave(questionnaireID: questionnaire.id, named: "2025", unit: nil))
                await store.close()
                await drop()
                return result
            } catch {
                await drop()
                throw error
            }
        }
    }
}
