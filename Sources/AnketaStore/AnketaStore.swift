import AnketaCore
import Foundation
import GRDB

/// The embedded store: an SQLite file (WAL mode) with questionnaires, waves, responses and answers.
///
/// ```swift
/// let store = try AnketaStore(path: "anketa.sqlite")
/// let wave = try store.wave(for: questionnaire, named: "2026-весна", unit: "Школа № 1", create: true)
/// ```
public final class AnketaStore: Sendable {
    let writer: any DatabaseWriter
    /// Whether commits are forced to disk (`synchronous = FULL`); a pending import batch relaxes it.
    let forcesCommits: Bool
    /// The database file's path (`:memory:` for a store in memory).
    public let location: String
    /// Parsed definitions by id and version: a stored version never changes (``register(_:source:)``
    /// refuses a different definition under the same version), so parsing it once is enough.
    private let definitions = DefinitionCache()
    /// Web submissions waiting for the next group commit (``submit(_:run:code:formToken:now:)``).
    let submissions: SubmissionQueue

    /// How long a write waits for another process's write (the CLI's ingest and `anketa serve` share
    /// one file) before it gives up with «database is locked».
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Opens (creating if needed) the database file and brings its schema up to date.
    ///
    /// Every commit is forced to disk (`synchronous = FULL` in WAL mode): an acknowledged web
    /// submission or a reported ingest survives a power loss, not only a crash of the process.
    /// A write that finds the file locked by another process waits up to `busyTimeout` seconds.
    ///
    /// `forceEveryCommit: false` keeps GRDB's `synchronous = NORMAL` (a commit may be lost on power
    /// failure, never corrupted); only `bench/load.sh` uses it, to measure what FULL costs.
    public convenience init(path: String, busyTimeout: TimeInterval = AnketaStore.defaultBusyTimeout, forceEveryCommit: Bool = true) throws {
        try self.init(path: path, busyTimeout: busyTimeout, forceEveryCommit: forceEveryCommit, upTo: nil)
    }

    /// Opens the file with its schema migrated up to the migration named `last` (every one when nil).
    init(path: String, busyTimeout: TimeInterval, forceEveryCommit: Bool, upTo last: String?) throws {
        location = path
        forcesCommits = forceEveryCommit
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .callback(Self.busyHandler(timeout: busyTimeout))
            let pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets NORMAL when it turns WAL on; the pool's single writer connection keeps FULL.
            if forceEveryCommit { try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") } }
            writer = pool
            submissions = SubmissionQueue { batch in try AnketaStore.commitSubmissions(batch, writer: pool) }
            if let last { try Migrations.migrator.migrate(writer, upTo: last) } else { try Migrations.migrator.migrate(writer) }
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path, error.message ?? error.description)
        }
    }

    /// Waits for a lock held by another connection by polling every millisecond, up to `timeout`.
    ///
    /// SQLite's own busy timeout sleeps up to 100 ms between tries, so a writer waiting while an
    /// ingest commits batch after batch could miss every gap between them and starve until the
    /// timeout. Polling every millisecond, with the ingest pausing between batches
    /// (`AnketaStore.pauseBetweenBatches`), lets a web submission in at the next gap.
    static func busyHandler(timeout: TimeInterval) -> Database.BusyCallback {
        let tries = Int(timeout * 1000)
        return { numberOfTries in
            guard numberOfTries < tries else { return false }
            usleep(1000)
            return true
        }
    }

    /// An in-memory store, for tests.
    public init() throws {
        location = ":memory:"
        forcesCommits = false
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(configuration: configuration)
        writer = queue
        submissions = SubmissionQueue { batch in try AnketaStore.commitSubmissions(batch, writer: queue) }
        try Migrations.migrator.migrate(writer)
    }

    package static func now() -> String {
        ISO8601DateFormatter().string(from: Date())
    }

    // MARK: - Questionnaires

    /// Stores a definition's source. The same id and version with a different source is refused.
    public func register(_ questionnaire: Questionnaire, source: String) throws {
        try wrap {
            try writer.write { db in
                if let existing = try QuestionnaireRecord.fetchOne(db, key: ["id": questionnaire.id, "version": questionnaire.version]) {
                    if existing.definition != source {
                        // Only the wording may differ from what is stored if the parsed model is identical.
                        let stored = try? DefinitionLoader().load(yaml: existing.definition, file: "store")
                        if stored != questionnaire { throw StoreError.versionConflict(questionnaire.id, questionnaire.version) }
                    }
                    return
                }
                try QuestionnaireRecord(id: questionnaire.id, version: questionnaire.version, title: questionnaire.title,
                                        audience: questionnaire.audience.rawValue, definition: source,
                                        loadedAt: AnketaStore.now()).insert(db)
            }
        }
    }

    /// The stored questionnaire with this id: the given version, or the latest.
    public func questionnaire(id: String, version: Int? = nil) throws -> Questionnaire {
        let record = try wrap {
            try writer.read { db in
                var request = QuestionnaireRecord.filter(QuestionnaireRecord.Columns.id == id)
                if let version { request = request.filter(QuestionnaireRecord.Columns.version == version) }
                return try request.order(QuestionnaireRecord.Columns.version.desc).fetchOne(db)
            }
        }
        guard let record else { throw StoreError.unknownQuestionnaire(id) }
        if let cached = definitions[record.id, record.version] { return cached }
        do {
            let questionnaire = try DefinitionLoader().load(yaml: record.definition, file: "\(id) (из базы)")
            definitions[record.id, record.version] = questionnaire
            return questionnaire
        } catch {
            throw StoreError.storedDefinitionInvalid(id, "\(error)")
        }
    }

    public func questionnaires() throws -> [QuestionnaireRecord] {
        try wrap { try writer.read { db in try QuestionnaireRecord.order(QuestionnaireRecord.Columns.id, QuestionnaireRecord.Columns.version).fetchAll(db) } }
    }

    // MARK: - Waves

    /// Finds a wave of a questionnaire by name (and unit), creating it when `create` is set.
    public func wave(for questionnaire: Questionnaire, named name: String, unit: String? = nil, create: Bool) throws -> Wave {
        try wrap {
            try writer.write { db in
                var request = Wave.filter(Wave.Columns.questionnaireID == questionnaire.id && Wave.Columns.name == name)
                if let unit { request = request.filter(Wave.Columns.unit == unit) }
                let found = try request.fetchAll(db)
                if found.count == 1 { return found[0] }
                if found.count > 1 { throw StoreError.ambiguousWave(questionnaire.id, name, found.map(\.unit)) }
                guard create else { throw StoreError.unknownWave(questionnaire.id, name, unit) }
                var wave = Wave(id: nil, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
                                name: name, unit: unit ?? "", createdAt: AnketaStore.now())
                try wave.insert(db)
                return wave
            }
        }
    }

    /// An existing wave of a stored questionnaire.
    public func wave(questionnaireID: String, named name: String, unit: String? = nil) throws -> Wave {
        try wave(for: questionnaire(id: questionnaireID), named: name, unit: unit, create: false)
    }

    /// Every wave with its number of responses.
    public func waves() throws -> [WaveSummary] {
        try wrap {
            try writer.read { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT wave.*, q.title AS title, (SELECT COUNT(*) FROM response r WHERE r.wave_id = wave.id AND r.pending_import IS NULL) AS responses
                    FROM wave JOIN questionnaire q ON q.id = wave.questionnaire_id AND q.version = wave.questionnaire_version
                    ORDER BY wave.questionnaire_id, wave.created_at, wave.name, wave.unit
                    """)
                return try rows.map { row in
                    WaveSummary(wave: try Wave(row: row), title: row["title"], responses: row["responses"])
                }
            }
        }
    }

    /// Number of responses in a wave.
    public func responseCount(in wave: Wave) throws -> Int {
        try wrap { try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE wave_id = ? AND pending_import IS NULL", arguments: [wave.id]) ?? 0 } }
    }

    // MARK: - Helpers

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.database(error.message ?? error.description)
        }
    }
}

/// A lock-protected dictionary of parsed definitions. `@unchecked Sendable` because every access
/// goes through the lock.
package final class DefinitionCache: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: Questionnaire] = [:]

    package init() {}

    package subscript(id: String, version: Int) -> Questionnaire? {
        get { lock.withLock { storage["\(id)#\(version)"] } }
        set { lock.withLock { storage["\(id)#\(version)"] = newValue } }
    }
}

extension AnketaStore {
    /// Runs one SQL statement (for the tests' side door, AnketaStoreTestSupport); the first column of
    /// the first row as an integer, 0 when there is none.
    package func executeForTests(_ sql: String) throws -> Int {
        try wrap { try writer.write { db in try Int.fetchOne(db, sql: sql) ?? 0 } }
    }
}
