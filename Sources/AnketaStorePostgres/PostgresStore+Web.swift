import AnketaCore
import AnketaStore
import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: - Settings

    public func setting(_ name: String, orInsert make: @escaping @Sendable () -> String) async throws -> String {
        try await transaction { connection in
            // Two servers starting at once: the first insert wins, both read its value.
            try await connection.query("INSERT INTO setting (name, value) VALUES (\(name), \(make())) ON CONFLICT (name) DO NOTHING",
                                       logger: self.logger)
            return try await connection.query("SELECT value FROM setting WHERE name = \(name)", logger: self.logger)
                .decode(String.self).collect()[0]
        }
    }

    // MARK: - Admins and sessions

    static let adminColumns = "id, login, password_hash, created_at, role, unit, must_change_password"

    static func admins(_ rows: PostgresRowSequence) async throws -> [Admin] {
        try await rows.decode((Int64, String, String, String, String, String, Bool).self).collect().map {
            Admin(id: $0, login: $1, passwordHash: $2, createdAt: $3, role: ConsoleRole(rawValue: $4) ?? .schoolAdministrator, unit: $5,
                  mustChangePassword: $6)
        }
    }

    public func adminCount() async throws -> Int {
        try await wrap { try await client.query("SELECT COUNT(*) FROM admin", logger: logger).decode(Int.self).collect()[0] }
    }

    public func setAdmin(login: String, passwordHash: String, role: ConsoleRole?, unit: String?, mustChangePassword: Bool) async throws {
        try await transaction { connection in
            let updated = try await connection.query("""
                UPDATE admin SET password_hash = \(passwordHash), must_change_password = \(mustChangePassword),
                role = COALESCE(\(role?.rawValue), role), unit = COALESCE(\(unit), unit) WHERE login = \(login) RETURNING id
                """, logger: self.logger).decode(Int64.self).collect()
            if let id = updated.first {
                try await connection.query("DELETE FROM admin_session WHERE admin_id = \(id)", logger: self.logger)
                return
            }
            try await connection.query("""
                INSERT INTO admin (login, password_hash, created_at, role, unit, must_change_password)
                VALUES (\(login), \(passwordHash), \(AnketaStore.now()), \((role ?? .methodist).rawValue), \(unit ?? ""), \(mustChangePassword))
                """, logger: self.logger)
        }
    }

    public func createAdmin(login: String, passwordHash: String, role: ConsoleRole, unit: String, mustChangePassword: Bool) async throws -> Admin? {
        try await wrap {
            try await Self.admins(client.query("""
                INSERT INTO admin (login, password_hash, created_at, role, unit, must_change_password)
                VALUES (\(login), \(passwordHash), \(AnketaStore.now()), \(role.rawValue), \(unit), \(mustChangePassword))
                ON CONFLICT (login) DO NOTHING RETURNING \(unescaped: Self.adminColumns)
                """, logger: logger)).first
        }
    }

    public func setPassword(adminID: Int64, passwordHash: String, mustChange: Bool, keeping session: String?) async throws {
        try await transaction { connection in
            try await connection.query("UPDATE admin SET password_hash = \(passwordHash), must_change_password = \(mustChange) WHERE id = \(adminID)",
                                       logger: self.logger)
            try await connection.query("DELETE FROM admin_session WHERE admin_id = \(adminID) AND token IS DISTINCT FROM \(session)", logger: self.logger)
        }
    }

    public func admin(login: String) async throws -> Admin? {
        try await wrap { try await Self.admins(client.query("SELECT \(unescaped: Self.adminColumns) FROM admin WHERE login = \(login)", logger: logger)).first }
    }

    public func admin(id: Int64) async throws -> Admin? {
        try await wrap { try await Self.admins(client.query("SELECT \(unescaped: Self.adminColumns) FROM admin WHERE id = \(id)", logger: logger)).first }
    }

    public func admins() async throws -> [Admin] {
        try await wrap { try await Self.admins(client.query("SELECT \(unescaped: Self.adminColumns) FROM admin ORDER BY login", logger: logger)) }
    }

    public func createSession(_ session: AdminSession) async throws {
        try await wrap {
            try await client.query("""
                INSERT INTO admin_session (token, admin_id, csrf, expires_at) VALUES (\(session.token), \(session.adminID), \(session.csrf), \(session.expiresAt))
                """, logger: logger)
        }
    }

    public func sessionUser(token: String, now: String) async throws -> (session: AdminSession, user: Admin)? {
        guard let session = try await session(token: token, now: now), let user = try await admin(id: session.adminID) else { return nil }
        return (session, user)
    }

    public func session(token: String, now: String) async throws -> AdminSession? {
        try await wrap {
            try await client.query("""
                SELECT token, admin_id, csrf, expires_at FROM admin_session WHERE token = \(token) AND expires_at > \(now)
                """, logger: logger).decode((String, Int64, String, String).self).collect()
                .map { AdminSession(token: $0, adminID: $1, csrf: $2, expiresAt: $3) }.first
        }
    }

    public func deleteSession(token: String) async throws {
        try await wrap { try await client.query("DELETE FROM admin_session WHERE token = \(token)", logger: logger) }
    }

    // MARK: - Runs

    static let runColumns = "id, wave_id, slug, opens_at, closes_at, closed, closed_at, requires_code, created_at"

    static func runs(_ rows: PostgresRowSequence) async throws -> [SurveyRun] {
        try await rows.decode((Int64, Int64, String, String, String, Bool, String?, Bool, String).self).collect().map {
            SurveyRun(id: $0, waveID: $1, slug: $2, opensAt: $3, closesAt: $4, closed: $5, closedAt: $6, requiresCode: $7, createdAt: $8)
        }
    }

    public func createRun(wave: Wave, slug: String, opensAt: String, closesAt: String, requiresCode: Bool) async throws -> SurveyRun {
        guard let waveID = wave.id else { throw StoreError.database("волна не сохранена") }
        return try await wrap {
            try await Self.runs(client.query("""
                INSERT INTO survey_run (wave_id, slug, opens_at, closes_at, closed, requires_code, created_at)
                VALUES (\(waveID), \(slug), \(opensAt), \(closesAt), FALSE, \(requiresCode), \(AnketaStore.now())) RETURNING \(unescaped: Self.runColumns)
                """, logger: logger))[0]
        }
    }

    public func runs() async throws -> [(run: SurveyRun, wave: Wave, responses: Int)] {
        try await wrap {
            try await client.withConnection { connection in
                let runs = try await Self.runs(connection.query("SELECT \(unescaped: Self.runColumns) FROM survey_run ORDER BY id DESC", logger: self.logger))
                var result: [(run: SurveyRun, wave: Wave, responses: Int)] = []
                for run in runs {
                    guard let wave = try await Self.waves(connection.query("SELECT \(unescaped: Self.waveColumns) FROM wave WHERE id = \(run.waveID)",
                                                                           logger: self.logger)).first else { continue }
                    let count = try await connection.query("""
                        SELECT COUNT(*) FROM response WHERE wave_id = \(run.waveID) AND pending_import IS NULL
                        """, logger: self.logger).decode(Int.self).collect()[0]
                    result.append((run, wave, count))
                }
                return result
            }
        }
    }

    public func run(id: Int64) async throws -> (run: SurveyRun, wave: Wave)? {
        try await run(where: "id", equals: id)
    }

    public func run(slug: String) async throws -> (run: SurveyRun, wave: Wave)? {
        try await run(where: "slug", equals: slug)
    }

    private func run<Key: PostgresDynamicTypeEncodable>(where column: String, equals key: Key) async throws -> (run: SurveyRun, wave: Wave)? {
        try await wrap {
            try await client.withConnection { connection in
                guard let run = try await Self.runs(connection.query("SELECT \(unescaped: Self.runColumns) FROM survey_run WHERE \(unescaped: column) = \(key)",
                                                                     logger: self.logger)).first,
                      let wave = try await Self.waves(connection.query("SELECT \(unescaped: Self.waveColumns) FROM wave WHERE id = \(run.waveID)",
                                                                       logger: self.logger)).first else { return nil }
                return (run, wave)
            }
        }
    }

    public func closeRun(id: Int64, at: String?) async throws {
        try await wrap { try await client.query("UPDATE survey_run SET closed = TRUE, closed_at = \(at) WHERE id = \(id)", logger: logger) }
    }

    public func reopenRun(id: Int64, closesAt: String) async throws {
        try await wrap {
            try await client.query("UPDATE survey_run SET closed = FALSE, closed_at = NULL, closes_at = \(closesAt) WHERE id = \(id)", logger: logger)
        }
    }

    public func setRunDates(id: Int64, opensAt: String, closesAt: String) async throws {
        try await wrap {
            try await client.query("UPDATE survey_run SET opens_at = \(opensAt), closes_at = \(closesAt) WHERE id = \(id)", logger: logger)
        }
    }

    public func addCodes(_ codes: [String], run: Int64) async throws {
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO access_code (code, run_id) SELECT c, \(run) FROM unnest(\(codes)::text[]) WITH ORDINALITY AS t(c, n) ORDER BY n
                """, logger: self.logger)
        }
    }

    public func codes(run: Int64) async throws -> [(code: String, used: Bool)] {
        try await wrap {
            try await client.query("SELECT code, used_at IS NOT NULL FROM access_code WHERE run_id = \(run) ORDER BY seq", logger: logger)
                .decode((String, Bool).self).collect().map { ($0, $1) }
        }
    }

    public func codeIsUsable(_ code: String, run: Int64) async throws -> Bool {
        try await wrap {
            try await !client.query("SELECT 1 FROM access_code WHERE code = \(code) AND run_id = \(run) AND used_at IS NULL", logger: logger)
                .decode(Int32.self).collect().isEmpty
        }
    }

    /// Stores a web submission in one transaction, exactly once per form token and code, as
    /// ``AnketaStore/submit(_:run:code:formToken:now:)`` does.
    ///
    /// Each submission is a transaction of its own: PostgreSQL flushes the WAL of transactions that
    /// commit at the same moment together, so concurrent submissions share syncs without a queue
    /// here (SQLite's group commit is ``AnketaStore``'s `SubmissionQueue`).
    ///
    /// Spending the token is the check, first: two submissions with one token at the same moment
    /// (two server processes, a double click) both insert it; the second's insert waits for the
    /// first transaction and then finds the token taken — `ON CONFLICT DO NOTHING` returns no row —
    /// so it stores nothing and is refused as already received. Any later refusal (closed run, code)
    /// rolls the token back with the rest. A code is locked (`FOR UPDATE`) before it is spent, so
    /// the second reader of a code sees it used.
    public func submit(_ response: Response, run: SurveyRun, code: String?, formToken: String?, now: String) async throws -> Int64 {
        let day = String(now.prefix(10))
        guard let runID = run.id else { throw SubmissionRefusal.runNotOpen(.closed) }
        return try await transaction { connection in
            let logger = self.logger
            if let formToken {
                let taken = try await connection.query("""
                    INSERT INTO consumed_form_token (token, run_id) VALUES (\(formToken), \(runID)) ON CONFLICT (token) DO NOTHING RETURNING 1
                    """, logger: logger).decode(Int32.self).collect()
                if taken.isEmpty { throw SubmissionRefusal.alreadyReceived }
            }
            guard let fresh = try await Self.runs(connection.query("SELECT \(unescaped: Self.runColumns) FROM survey_run WHERE id = \(runID)",
                                                                   logger: logger)).first else { throw SubmissionRefusal.runNotOpen(.closed) }
            let state = fresh.state(at: now)
            guard state == .open else { throw SubmissionRefusal.runNotOpen(state) }
            if let formToken {
                try await connection.query("DELETE FROM form_draft WHERE token = \(formToken)", logger: logger)
            }
            if fresh.requiresCode {
                guard let code, !code.isEmpty else { throw SubmissionRefusal.codeRequired }
                let found = try await connection.query("""
                    SELECT used_at FROM access_code WHERE code = \(code) AND run_id = \(runID) FOR UPDATE
                    """, logger: logger).decode(String?.self).collect()
                guard let usedAt = found.first else { throw SubmissionRefusal.codeInvalid }
                if usedAt != nil { throw SubmissionRefusal.codeUsed }
                try await connection.query("UPDATE access_code SET used_at = \(day) WHERE code = \(code)", logger: logger)
            }
            let answers = ByteBuffer(bytes: AnswerCodec.encode(response.answers))
            return try await connection.query("""
                INSERT INTO response (wave_id, submitted_at, source, fingerprint, answers)
                VALUES (\(fresh.waveID), \(day), 'web', \(UUID().uuidString), \(answers)) RETURNING id
                """, logger: logger).decode(Int64.self).collect()[0]
        }
    }

    // MARK: - Drafts

    public func saveDraft(_ draft: FormDraft, now: String) async throws {
        let answers = try JSONEncoder().encode(draft.answers)
        try await transaction { connection in
            try await connection.query("DELETE FROM form_draft WHERE expires_at <= \(now)", logger: self.logger)
            try await connection.query("""
                INSERT INTO form_draft (token, run_id, visitor, code, answers, expires_at)
                VALUES (\(draft.token), \(draft.runID), \(draft.visitor), \(draft.code), \(answers), \(draft.expiresAt))
                ON CONFLICT (token) DO UPDATE SET answers = excluded.answers, expires_at = excluded.expires_at
                """, logger: self.logger)
        }
    }

    public func draft(token: String, now: String) async throws -> FormDraft? {
        try await wrap {
            try await client.query("""
                SELECT token, run_id, visitor, code, answers, expires_at FROM form_draft WHERE token = \(token) AND expires_at > \(now)
                """, logger: logger).decode((String, Int64, String, String?, Data, String).self).collect().first.map {
                let answers = (try? JSONDecoder().decode([String: [String]].self, from: $4)) ?? [:]
                return FormDraft(token: $0, runID: $1, visitor: $2, code: $3, answers: answers, expiresAt: $5)
            }
        }
    }

    public func isFormTokenConsumed(_ token: String) async throws -> Bool {
        try await wrap {
            try await !client.query("SELECT 1 FROM consumed_form_token WHERE token = \(token)", logger: logger).decode(Int32.self).collect().isEmpty
        }
    }

    public func draftCount() async throws -> Int {
        try await wrap { try await client.query("SELECT COUNT(*) FROM form_draft", logger: logger).decode(Int.self).collect()[0] }
    }
}
