import AnketaCore
import AnketaStore
import Foundation
import PostgresNIO

/// The store on a PostgreSQL server: the same schema (under the same named migrations), the same
/// imports in batches and the same exactly-once submissions as the embedded ``AnketaStore``, for
/// a municipality's shared server.
///
/// ```swift
/// let store = try await PostgresStore(url: "postgres://anketa@localhost:5432/monitoring")
/// let counts = try await store.importResponses(into: wave, source: "ответы.csv", batchSize: 500, rejected: { 0 }) { sink in … }
/// ```
///
/// The connection pool (postgres-nio's `PostgresClient`) runs in a task the store owns, until the
/// store is released or ``close()`` is called.
public final class PostgresStore: SurveyStore {
    public let location: String
    let client: PostgresClient
    let logger: Logger
    private let runner: Task<Void, Never>
    let definitions = DefinitionCache()

    /// Connects (checking the address, the server and the credentials first, so that a mistake is
    /// reported at once) and brings the schema up to date.
    public convenience init(url text: String) async throws {
        try await self.init(url: try PostgresURL(text))
    }

    public init(url: PostgresURL) async throws {
        location = url.redacted
        var logger = Logger(label: "anketa.postgres")
        logger.logLevel = .critical
        self.logger = logger
        do {
            let probe = try await PostgresConnection.connect(configuration: try url.connectionConfiguration(), id: 0, logger: logger)
            try? await probe.close()
        } catch {
            throw StoreError.serverUnreachable(url.redacted, Self.reason(error))
        }
        let client = PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        do {
            try await PostgresMigrations.migrate(client, logger: logger)
        } catch {
            runner.cancel()
            throw Self.storeError(error, location: url.redacted)
        }
    }

    deinit {
        runner.cancel()
    }

    /// Closes the connections.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    // MARK: - Questionnaires

    public func register(_ questionnaire: Questionnaire, source: String) async throws {
        try await transaction { connection in
            let existing = try await connection.query("""
                SELECT definition FROM questionnaire WHERE id = \(questionnaire.id) AND version = \(questionnaire.version) FOR UPDATE
                """, logger: self.logger).decode(String.self).collect()
            if let definition = existing.first {
                if definition != source {
                    // Only the wording may differ from what is stored if the parsed model is identical.
                    let stored = try? DefinitionLoader().load(yaml: definition, file: "store")
                    if stored != questionnaire { throw StoreError.versionConflict(questionnaire.id, questionnaire.version) }
                }
                return
            }
            try await connection.query("""
                INSERT INTO questionnaire (id, version, title, audience, definition, loaded_at)
                VALUES (\(questionnaire.id), \(questionnaire.version), \(questionnaire.title), \(questionnaire.audience.rawValue), \(source), \(AnketaStore.now()))
                ON CONFLICT (id, version) DO NOTHING
                """, logger: self.logger)
        }
    }

    public func questionnaire(id: String, version: Int?) async throws -> Questionnaire {
        let rows = try await wrap {
            let query: PostgresQuery = if let version {
                "SELECT id, version, definition FROM questionnaire WHERE id = \(id) AND version = \(version)"
            } else {
                "SELECT id, version, definition FROM questionnaire WHERE id = \(id) ORDER BY version DESC LIMIT 1"
            }
            return try await client.query(query, logger: logger).decode((String, Int, String).self).collect()
        }
        guard let row = rows.first else { throw StoreError.unknownQuestionnaire(id) }
        let (storedID, storedVersion, definition) = row
        if let cached = definitions[storedID, storedVersion] { return cached }
        do {
            let questionnaire = try DefinitionLoader().load(yaml: definition, file: "\(id) (из базы)")
            definitions[storedID, storedVersion] = questionnaire
            return questionnaire
        } catch {
            throw StoreError.storedDefinitionInvalid(id, "\(error)")
        }
    }

    public func questionnaires() async throws -> [QuestionnaireRecord] {
        try await wrap {
            try await client.query("SELECT id, version, title, audience, definition, loaded_at FROM questionnaire ORDER BY id, version",
                                   logger: logger)
                .decode((String, Int, String, String, String, String).self).collect()
                .map { QuestionnaireRecord(id: $0, version: $1, title: $2, audience: $3, definition: $4, loadedAt: $5) }
        }
    }

    // MARK: - Waves

    static let waveColumns = "id, questionnaire_id, questionnaire_version, name, unit, created_at"

    static func waves(_ rows: PostgresRowSequence) async throws -> [Wave] {
        try await rows.decode((Int64, String, Int, String, String, String).self).collect().map {
            Wave(id: $0, questionnaireID: $1, questionnaireVersion: $2, name: $3, unit: $4, createdAt: $5)
        }
    }

    public func wave(for questionnaire: Questionnaire, named name: String, unit: String?, create: Bool) async throws -> Wave {
        try await transaction { connection in
            let found = try await Self.findWaves(connection, questionnaireID: questionnaire.id, name: name, unit: unit, logger: self.logger)
            if found.count == 1 { return found[0] }
            if found.count > 1 { throw StoreError.ambiguousWave(questionnaire.id, name, found.map(\.unit)) }
            guard create else { throw StoreError.unknownWave(questionnaire.id, name, unit) }
            // Another process may create the same wave at the same moment: the unique key decides.
            let inserted = try await Self.waves(connection.query("""
                INSERT INTO wave (questionnaire_id, questionnaire_version, name, unit, created_at)
                VALUES (\(questionnaire.id), \(questionnaire.version), \(name), \(unit ?? ""), \(AnketaStore.now()))
                ON CONFLICT (questionnaire_id, name, unit) DO NOTHING RETURNING \(unescaped: Self.waveColumns)
                """, logger: self.logger))
            if let wave = inserted.first { return wave }
            let again = try await Self.findWaves(connection, questionnaireID: questionnaire.id, name: name, unit: unit ?? "", logger: self.logger)
            guard let wave = again.first else { throw StoreError.unknownWave(questionnaire.id, name, unit) }
            return wave
        }
    }

    static func findWaves(_ connection: PostgresConnection, questionnaireID: String, name: String, unit: String?, logger: Logger) async throws -> [Wave] {
        let query: PostgresQuery = if let unit {
            "SELECT \(unescaped: waveColumns) FROM wave WHERE questionnaire_id = \(questionnaireID) AND name = \(name) AND unit = \(unit) ORDER BY id"
        } else {
            "SELECT \(unescaped: waveColumns) FROM wave WHERE questionnaire_id = \(questionnaireID) AND name = \(name) ORDER BY id"
        }
        return try await waves(connection.query(query, logger: logger))
    }

    public func wave(questionnaireID: String, named name: String, unit: String?) async throws -> Wave {
        try await wave(for: questionnaire(id: questionnaireID, version: nil), named: name, unit: unit, create: false)
    }

    public func waves() async throws -> [WaveSummary] {
        try await wrap {
            try await client.query("""
                SELECT wave.id, wave.questionnaire_id, wave.questionnaire_version, wave.name, wave.unit, wave.created_at, q.title,
                       (SELECT COUNT(*) FROM response r WHERE r.wave_id = wave.id AND r.pending_import IS NULL)
                FROM wave JOIN questionnaire q ON q.id = wave.questionnaire_id AND q.version = wave.questionnaire_version
                ORDER BY wave.questionnaire_id, wave.created_at, wave.name, wave.unit
                """, logger: logger)
                .decode((Int64, String, Int, String, String, String, String, Int).self).collect()
                .map { WaveSummary(wave: Wave(id: $0, questionnaireID: $1, questionnaireVersion: $2, name: $3, unit: $4, createdAt: $5),
                                   title: $6, responses: $7) }
        }
    }

    public func responseCount(in wave: Wave) async throws -> Int {
        try await wrap {
            try await client.query("SELECT COUNT(*) FROM response WHERE wave_id = \(wave.id) AND pending_import IS NULL", logger: logger)
                .decode(Int.self).collect().first ?? 0
        }
    }

    // MARK: - Helpers

    /// Runs `body` in a transaction (READ COMMITTED; the methods lock what they must), rolling back
    /// when it throws. The error `body` threw is passed on as it is.
    @discardableResult
    func transaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await wrap {
            try await client.withConnection { connection in
                try await Self.transaction(on: connection, logger: self.logger, body)
            }
        }
    }

    @discardableResult
    nonisolated(nonsending) static func transaction<T: Sendable>(on connection: PostgresConnection, logger: Logger, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        do {
            let value = try await body(connection)
            try await connection.query("COMMIT", logger: logger)
            return value
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Turns postgres-nio's errors into ``StoreError`` (others pass unchanged).
    @discardableResult
    func wrap<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw Self.storeError(error, location: location)
        }
    }

    static func storeError(_ error: any Error, location: String) -> any Error {
        guard let error = error as? PSQLError else { return error }
        if error.serverInfo == nil { return StoreError.serverUnreachable(location, reason(error)) }
        return StoreError.database(reason(error))
    }

    /// What went wrong, in words: the server's message when it sent one.
    static func reason(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState]
                if let state, let explained = explanation(sqlState: state) {
                    return "\(explained) (сервер: «\(message)», \(state))"
                }
                return message + (state.map { " (\($0))" } ?? "")
            }
            if let underlying = error.underlying { return describe(underlying) }
            return switch error.code {
            case .connectionError: "соединение не установлено"
            case .serverClosedConnection: "сервер закрыл соединение"
            case .sslUnsupported: "сервер не поддерживает SSL (попробуйте sslmode=prefer или disable)"
            case .authMechanismRequiresPassword: "сервер требует пароль (укажите его в адресе или в PGPASSWORD)"
            default: "\(error.code)"
            }
        }
        return describe(error)
    }

    /// The server's refusals a user meets when connecting, in Russian, with what to do; the server's
    /// own (English) message is kept beside it. nil for any other SQLSTATE.
    static func explanation(sqlState: String) -> String? {
        switch sqlState {
        case "3D000": "такой базы на сервере нет — создайте её (createdb <база>) или исправьте имя базы в адресе"
        case "28P01": "неверный пароль"
        case "28000": "сервер не пускает этого пользователя: такой роли нет или правила pg_hba.conf не разрешают подключение"
        case "42501": "у пользователя нет прав на это действие в базе — выдайте их (GRANT) или подключитесь владельцем базы"
        case "53300": "на сервере нет свободных подключений (max_connections) — повторите позже или увеличьте лимит"
        case "57P03": "сервер ещё запускается или останавливается — повторите через минуту"
        default: nil
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = "\(error)"
        if text.contains("refused") || text.contains("ECONNREFUSED") { return "в соединении отказано — по этому адресу и порту сервер не принимает подключений" }
        if text.lowercased().contains("timeout") || text.lowercased().contains("timed out") { return "сервер не ответил за 10 секунд" }
        if text.lowercased().contains("dns") || text.contains("unknown host") { return "имя сервера не найдено (\(text))" }
        return text
    }
}

extension AsyncSequence {
    /// Every element, in order.
    func collect() async throws -> [Element] {
        var all: [Element] = []
        for try await element in self { all.append(element) }
        return all
    }
}

extension PostgresStore {
    /// Runs one SQL statement (for the tests' side door, AnketaStoreTestSupport); the first column of
    /// the first row as an integer, 0 when there is none.
    package func executeForTests(_ sql: String) async throws -> Int {
        try await wrap {
            var first = 0
            var seen = false
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger) where !seen {
                seen = true
                first = (try? row.decode(Int.self)) ?? 0
            }
            return first
        }
    }
}
