import AnketaCore

/// The store the command line and the web server work with, whatever holds the data: the embedded
/// SQLite file (``AnketaStore``) or a PostgreSQL server (`PostgresStore` in AnketaStorePostgres).
///
/// Both implementations keep the same schema under the same named migrations and give the same
/// guarantees: an import lands whole or not at all and counts the same duplicates; a web submission
/// spends its form token and access code in the transaction that stores it, exactly once even when
/// two arrive at the same moment (docs/postgresql.md).
///
/// The interface is `async`: PostgreSQL is reached over the network (postgres-nio is asynchronous).
/// The SQLite implementation meets it with its synchronous methods — GRDB's short transactions on a
/// local file, the same blocking the store always did — so code holding an ``AnketaStore`` can still
/// call it without `await`.
///
/// ```swift
/// let store: any SurveyStore = try AnketaStore(path: "anketa.sqlite")   // or: try await PostgresStore(url: "postgres://…")
/// let wave = try await store.wave(for: questionnaire, named: "2026-весна", unit: nil, create: true)
/// ```
public protocol SurveyStore: Sendable {
    /// Where the data is, for messages: the file path, or the server URL without its password.
    var location: String { get }

    // MARK: Questionnaires

    /// Stores a definition's source. The same id and version with a different definition is refused.
    func register(_ questionnaire: Questionnaire, source: String) async throws
    /// The stored questionnaire with this id: the given version, or the latest.
    func questionnaire(id: String, version: Int?) async throws -> Questionnaire
    func questionnaires() async throws -> [QuestionnaireRecord]

    // MARK: Waves

    /// Finds a wave of a questionnaire by name (and unit), creating it when `create` is set.
    func wave(for questionnaire: Questionnaire, named name: String, unit: String?, create: Bool) async throws -> Wave
    /// An existing wave of a stored questionnaire.
    func wave(questionnaireID: String, named name: String, unit: String?) async throws -> Wave
    /// Every wave with its number of responses.
    func waves() async throws -> [WaveSummary]
    /// Number of responses in a wave.
    func responseCount(in wave: Wave) async throws -> Int

    // MARK: Responses

    /// Imports responses all-or-nothing in batches of `batchSize` (see ``AnketaStore/importResponses(into:source:batchSize:rejected:_:)``).
    func importResponses(into wave: Wave, source: String, batchSize: Int, rejected: @escaping () -> Int,
                         _ body: (ImportSink) throws -> Void) async throws -> ImportCounts
    /// Imports one file into several waves, one sink each, all made visible together or none.
    func importResponses(into waves: [Wave], source: String, batchSize: Int, rejected: @escaping () -> Int,
                         _ body: ([ImportSink]) throws -> Void) async throws -> [ImportCounts]
    /// Calls `body` for every response of a wave, in the order stored, without loading them all.
    func forEachResponse(in wave: Wave, _ body: (StoredResponse) throws -> Void) async throws
    /// Number of responses per answer of a question.
    func counts(in wave: Wave, question: String) async throws -> [(value: String, count: Int)]

    // MARK: Units

    func importUnits(_ units: [SchoolUnit]) async throws -> UnitImportCounts
    func units() async throws -> [SchoolUnit]
    func unitRegistry() async throws -> UnitRegistry
    func unitWaves(questionnaireID: String, named name: String) async throws -> [UnitWave]

    // MARK: Municipal runs

    /// Creates a municipal run: a wave, run and codes per school, all or nothing (see ``AnketaStore/createMunicipalRun(_:)``).
    func createMunicipalRun(_ plan: MunicipalRunPlan) async throws -> MunicipalRunCreation
    /// Every municipal run with its schools' runs and responses, newest first.
    func municipalRuns() async throws -> [MunicipalRun]
    func municipalRun(id: Int64) async throws -> MunicipalRun?

    // MARK: Web: settings, console users, sessions

    func setting(_ name: String, orInsert make: @escaping @Sendable () -> String) async throws -> String
    func adminCount() async throws -> Int
    func setAdmin(login: String, passwordHash: String, role: ConsoleRole?, unit: String?, mustChangePassword: Bool) async throws
    func createAdmin(login: String, passwordHash: String, role: ConsoleRole, unit: String, mustChangePassword: Bool) async throws -> Admin?
    func setPassword(adminID: Int64, passwordHash: String, mustChange: Bool, keeping session: String?) async throws
    func admin(login: String) async throws -> Admin?
    func admin(id: Int64) async throws -> Admin?
    func admins() async throws -> [Admin]
    func createSession(_ session: AdminSession) async throws
    func sessionUser(token: String, now: String) async throws -> (session: AdminSession, user: Admin)?
    func session(token: String, now: String) async throws -> AdminSession?
    func deleteSession(token: String) async throws

    // MARK: Web: runs, codes, submissions, drafts

    func createRun(wave: Wave, slug: String, opensAt: String, closesAt: String, requiresCode: Bool) async throws -> SurveyRun
    func runs() async throws -> [(run: SurveyRun, wave: Wave, responses: Int)]
    func run(id: Int64) async throws -> (run: SurveyRun, wave: Wave)?
    func run(slug: String) async throws -> (run: SurveyRun, wave: Wave)?
    func closeRun(id: Int64, at: String?) async throws
    func reopenRun(id: Int64, closesAt: String) async throws
    func setRunDates(id: Int64, opensAt: String, closesAt: String) async throws
    func addCodes(_ codes: [String], run: Int64) async throws
    func codes(run: Int64) async throws -> [(code: String, used: Bool)]
    func codeIsUsable(_ code: String, run: Int64) async throws -> Bool
    /// Stores a web submission exactly once per form token and access code (see ``AnketaStore/submit(_:run:code:formToken:now:)``).
    func submit(_ response: Response, run: SurveyRun, code: String?, formToken: String?, now: String) async throws -> Int64
    func saveDraft(_ draft: FormDraft, now: String) async throws
    func draft(token: String, now: String) async throws -> FormDraft?
    func isFormTokenConsumed(_ token: String) async throws -> Bool
    /// Whether a form token is spent, and else its draft unless expired by `now`, in one read: what
    /// every respondent's POST asks before it is handled.
    func formState(token: String, now: String) async throws -> (consumed: Bool, draft: FormDraft?)
    func draftCount() async throws -> Int
}

extension SurveyStore {
    /// The two questions one after the other (a store that can ask them in one read says so).
    public func formState(token: String, now: String) async throws -> (consumed: Bool, draft: FormDraft?) {
        if try await isFormTokenConsumed(token) { return (true, nil) }
        return (false, try await draft(token: token, now: now))
    }
}
