import AnketaCore
import Foundation
import GRDB

/// Why a submission was refused.
public enum SubmissionRefusal: Error, Sendable, Equatable {
    case runNotOpen(SurveyRun.State)
    case codeRequired
    case codeInvalid
    case codeUsed
    /// A response was already stored with this form token (Back and send again, a double click, a retry).
    case alreadyReceived
}

extension AnketaStore {
    /// `yyyy-MM-dd HH:mm:ss` in `timeZone` (the server's own by default; the web console passes
    /// the organisation's).
    ///
    /// Computed from the zone's offset at that moment with integer arithmetic (the proleptic
    /// Gregorian calendar, as `DateFormatter` with `en_US_POSIX` gives it): every web request
    /// needs it, and making a `DateFormatter` costs more than the rest of a submission's parsing.
    public static func localNow(_ date: Date = Date(), timeZone: TimeZone = .current) -> String {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(timeZone.secondsFromGMT(for: date))
        var days = seconds / 86_400, secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        let date = CivilDate(daysSince1970: days)
        let (year, month, day) = (date.year, date.month, date.day)
        var text: [UInt8] = []
        text.reserveCapacity(19)
        func append(_ value: Int64, digits: Int) {
            var divisor: Int64 = 1
            for _ in 1..<digits { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        append(year, digits: year >= 10_000 ? 5 : 4)
        text.append(UInt8(ascii: "-"))
        append(month, digits: 2)
        text.append(UInt8(ascii: "-"))
        append(day, digits: 2)
        text.append(UInt8(ascii: " "))
        append(secondOfDay / 3_600, digits: 2)
        text.append(UInt8(ascii: ":"))
        append(secondOfDay / 60 % 60, digits: 2)
        text.append(UInt8(ascii: ":"))
        append(secondOfDay % 60, digits: 2)
        return String(decoding: text, as: UTF8.self)
    }

    // MARK: - Settings

    /// A server setting, made by `make` and stored on first use (the key that signs form tokens, so
    /// that forms opened before a restart are still accepted after it).
    public func setting(_ name: String, orInsert make: @escaping @Sendable () -> String) throws -> String {
        try wrap {
            try writer.write { db in
                if let value = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE name = ?", arguments: [name]) { return value }
                let value = make()
                try db.execute(sql: "INSERT INTO setting (name, value) VALUES (?, ?)", arguments: [name, value])
                return value
            }
        }
    }

    // MARK: - Admins and sessions

    public func adminCount() throws -> Int {
        try wrap { try writer.read { db in try Admin.fetchCount(db) } }
    }

    /// Creates an admin, or replaces the password of an existing login (ending its sessions).
    /// `role` and `unit` are set when given; a new admin without them is a methodist.
    /// `mustChangePassword` marks a one-time password the console asks to change at sign-in.
    public func setAdmin(login: String, passwordHash: String, role: ConsoleRole? = nil, unit: String? = nil,
                         mustChangePassword: Bool = false) throws {
        try wrap {
            try writer.write { db in
                if var admin = try Admin.filter(Column("login") == login).fetchOne(db) {
                    admin.passwordHash = passwordHash
                    admin.mustChangePassword = mustChangePassword
                    if let role { admin.role = role }
                    if let unit { admin.unit = unit }
                    try admin.update(db)
                    try db.execute(sql: "DELETE FROM admin_session WHERE admin_id = ?", arguments: [admin.id])
                } else {
                    var admin = Admin(id: nil, login: login, passwordHash: passwordHash, createdAt: AnketaStore.now(), role: role ?? .methodist,
                                      unit: unit ?? "", mustChangePassword: mustChangePassword)
                    try admin.insert(db)
                }
            }
        }
    }

    /// Creates a console user; nil when the login is taken.
    public func createAdmin(login: String, passwordHash: String, role: ConsoleRole, unit: String, mustChangePassword: Bool) throws -> Admin? {
        try wrap {
            try writer.write { db in
                guard try Admin.filter(Column("login") == login).fetchCount(db) == 0 else { return nil }
                var admin = Admin(id: nil, login: login, passwordHash: passwordHash, createdAt: AnketaStore.now(), role: role, unit: unit,
                                  mustChangePassword: mustChangePassword)
                try admin.insert(db)
                return admin
            }
        }
    }

    /// Sets a user's password. Every session of the user ends except `keeping` (the session that
    /// changed its own password stays signed in).
    public func setPassword(adminID: Int64, passwordHash: String, mustChange: Bool, keeping session: String? = nil) throws {
        try wrap {
            try writer.write { db in
                try db.execute(sql: "UPDATE admin SET password_hash = ?, must_change_password = ? WHERE id = ?",
                               arguments: [passwordHash, mustChange, adminID])
                try db.execute(sql: "DELETE FROM admin_session WHERE admin_id = ? AND token IS NOT ?", arguments: [adminID, session])
            }
        }
    }

    public func admin(login: String) throws -> Admin? {
        try wrap { try writer.read { db in try Admin.filter(Column("login") == login).fetchOne(db) } }
    }

    public func admin(id: Int64) throws -> Admin? {
        try wrap { try writer.read { db in try Admin.fetchOne(db, key: id) } }
    }

    /// Every console user, by login.
    public func admins() throws -> [Admin] {
        try wrap { try writer.read { db in try Admin.order(Column("login")).fetchAll(db) } }
    }

    public func createSession(_ session: AdminSession) throws {
        try wrap { try writer.write { db in try session.insert(db) } }
    }

    /// The session with this token if it has not expired, with its user.
    public func sessionUser(token: String, now: String) throws -> (session: AdminSession, user: Admin)? {
        try wrap {
            try writer.read { db in
                guard let session = try AdminSession.filter(Column("token") == token && Column("expires_at") > now).fetchOne(db),
                      let user = try Admin.fetchOne(db, key: session.adminID) else { return nil }
                return (session, user)
            }
        }
    }

    /// The session with this token if it has not expired.
    public func session(token: String, now: String) throws -> AdminSession? {
        try wrap {
            try writer.read { db in
                try AdminSession.filter(Column("token") == token && Column("expires_at") > now).fetchOne(db)
            }
        }
    }

    public func deleteSession(token: String) throws {
        try wrap { try writer.write { db in _ = try AdminSession.deleteOne(db, key: token) } }
    }

    // MARK: - Runs

    public func createRun(wave: Wave, slug: String, opensAt: String, closesAt: String, requiresCode: Bool) throws -> SurveyRun {
        guard let waveID = wave.id else { throw StoreError.database("волна не сохранена") }
        return try wrap {
            try writer.write { db in
                var run = SurveyRun(id: nil, waveID: waveID, slug: slug, opensAt: opensAt, closesAt: closesAt, closed: false, closedAt: nil,
                                    requiresCode: requiresCode, createdAt: AnketaStore.now())
                try run.insert(db)
                return run
            }
        }
    }

    /// Every run with its wave and number of responses, newest first.
    public func runs() throws -> [(run: SurveyRun, wave: Wave, responses: Int)] {
        try wrap {
            try writer.read { db in
                try SurveyRun.order(Column("id").desc).fetchAll(db).compactMap { run in
                    guard let wave = try Wave.fetchOne(db, key: run.waveID) else { return nil }
                    let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response WHERE wave_id = ? AND pending_import IS NULL",
                                                 arguments: [run.waveID]) ?? 0
                    return (run, wave, count)
                }
            }
        }
    }

    public func run(id: Int64) throws -> (run: SurveyRun, wave: Wave)? {
        try wrap {
            try writer.read { db in
                guard let run = try SurveyRun.fetchOne(db, key: id), let wave = try Wave.fetchOne(db, key: run.waveID) else { return nil }
                return (run, wave)
            }
        }
    }

    /// Every respondent's request looks its run up by slug: statements prepared once per connection.
    public func run(slug: String) throws -> (run: SurveyRun, wave: Wave)? {
        try wrap {
            try writer.read { db in
                guard let run = try SurveyRun.fetchOne(db.cachedStatement(sql: "SELECT * FROM survey_run WHERE slug = ?"), arguments: [slug]),
                      let wave = try Wave.fetchOne(db.cachedStatement(sql: "SELECT * FROM wave WHERE id = ?"), arguments: [run.waveID]) else {
                    return nil
                }
                return (run, wave)
            }
        }
    }

    /// Closes a run early; `at` is recorded (the organisation's wall-clock time).
    public func closeRun(id: Int64, at: String? = nil) throws {
        try wrap {
            try writer.write { db in
                try db.execute(sql: "UPDATE survey_run SET closed = 1, closed_at = ? WHERE id = ?", arguments: [at, id])
            }
        }
    }

    /// Opens a closed run again until `closesAt`.
    public func reopenRun(id: Int64, closesAt: String) throws {
        try wrap {
            try writer.write { db in
                try db.execute(sql: "UPDATE survey_run SET closed = 0, closed_at = NULL, closes_at = ? WHERE id = ?", arguments: [closesAt, id])
            }
        }
    }

    /// Changes a run's dates (a run closed early stays closed).
    public func setRunDates(id: Int64, opensAt: String, closesAt: String) throws {
        try wrap {
            try writer.write { db in
                try db.execute(sql: "UPDATE survey_run SET opens_at = ?, closes_at = ? WHERE id = ?", arguments: [opensAt, closesAt, id])
            }
        }
    }

    /// Adds one-time access codes to a run.
    public func addCodes(_ codes: [String], run: Int64) throws {
        try wrap {
            try writer.write { db in
                for code in codes {
                    try db.execute(sql: "INSERT INTO access_code (code, run_id) VALUES (?, ?)", arguments: [code, run])
                }
            }
        }
    }

    /// Codes of a run with whether each was used.
    public func codes(run: Int64) throws -> [(code: String, used: Bool)] {
        try wrap {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT code, used_at FROM access_code WHERE run_id = ? ORDER BY rowid", arguments: [run]).map { row in
                    (row["code"], (row["used_at"] as String?) != nil)
                }
            }
        }
    }

    /// Stores a web submission exactly once: the form token (when given) must be unspent, the run
    /// open, the code (if the run needs one) unused — token and code are spent and the form's draft
    /// deleted in the transaction that stores the response, so a response is stored exactly once per
    /// form. Returns only after that transaction is committed and forced to disk (`synchronous =
    /// FULL`), so an acknowledged submission survives a crash or a power loss.
    ///
    /// Concurrent submissions share one transaction and one sync (group commit, ``SubmissionQueue``):
    /// each is written in a savepoint of its own, so a refused one (spent token, closed run, used
    /// code) is rolled back alone and gets its own refusal while the others are stored; when the
    /// commit fails, every submission of the batch gets the error and none is stored.
    ///
    /// The response is stamped with the date only (`yyyy-MM-dd`), the code's use likewise: the
    /// справка needs the survey's dates, and a time to the second could tie a response to a person
    /// who was handed a code at a known moment (docs/web-form.md).
    public func submit(_ response: Response, run: SurveyRun, code: String?, formToken: String? = nil, now: String) async throws -> Int64 {
        try await submissions.submit(WebSubmission(response: response, run: run, code: code, formToken: formToken, now: now))
    }

    /// Writes a batch of submissions in one transaction, each in a savepoint of its own: one outcome
    /// per submission, in order — its response id or its refusal. Throws (and stores nothing of the
    /// batch) when the transaction cannot be committed or a submission fails with anything but a
    /// refusal. ``SubmissionQueue`` calls it; tests call it with a batch made on purpose.
    package func commitSubmissions(_ batch: [WebSubmission]) throws -> [Result<Int64, SubmissionRefusal>] {
        try Self.commitSubmissions(batch, writer: writer)
    }

    static func commitSubmissions(_ batch: [WebSubmission], writer: any DatabaseWriter) throws -> [Result<Int64, SubmissionRefusal>] {
        do {
            return try writer.write { db in
                try batch.map { submission in
                    do {
                        var id: Int64 = 0
                        try db.inSavepoint {
                            id = try Self.storeSubmission(submission, db: db)
                            return .commit
                        }
                        return .success(id)
                    } catch let refusal as SubmissionRefusal {
                        return .failure(refusal)
                    }
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.database(error.message ?? error.description)
        }
    }

    /// One submission's writes, inside the caller's transaction: spends the form token (a token
    /// already spent refuses the submission), checks the run and the code, deletes the form's draft,
    /// stores the response and its answers. Throws a ``SubmissionRefusal`` for a submission that
    /// must not be stored; the caller rolls its writes back.
    static func storeSubmission(_ submission: WebSubmission, db: Database) throws -> Int64 {
        let day = String(submission.now.prefix(10))
        guard let runID = submission.run.id else { throw SubmissionRefusal.runNotOpen(.closed) }
        if let formToken = submission.formToken {
            // Spending the token is the check: the primary key keeps a second response with it out.
            try db.cachedStatement(sql: "INSERT INTO consumed_form_token (token, run_id) VALUES (?, ?) ON CONFLICT (token) DO NOTHING")
                .execute(arguments: [formToken, runID])
            if db.changesCount == 0 { throw SubmissionRefusal.alreadyReceived }
        }
        guard let fresh = try SurveyRun.fetchOne(db.cachedStatement(sql: "SELECT * FROM survey_run WHERE id = ?"), arguments: [runID]) else {
            throw SubmissionRefusal.runNotOpen(.closed)
        }
        let state = fresh.state(at: submission.now)
        guard state == .open else { throw SubmissionRefusal.runNotOpen(state) }
        if fresh.requiresCode {
            guard let code = submission.code, !code.isEmpty else { throw SubmissionRefusal.codeRequired }
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT used_at FROM access_code WHERE code = ? AND run_id = ?"),
                                             arguments: [code, runID]) else {
                throw SubmissionRefusal.codeInvalid
            }
            if (row["used_at"] as String?) != nil { throw SubmissionRefusal.codeUsed }
            try db.cachedStatement(sql: "UPDATE access_code SET used_at = ? WHERE code = ?").execute(arguments: [day, code])
        }
        if let formToken = submission.formToken {
            try db.cachedStatement(sql: "DELETE FROM form_draft WHERE token = ?").execute(arguments: [formToken])
        }
        try db.cachedStatement(sql: "INSERT INTO response (wave_id, submitted_at, source, fingerprint, answers) VALUES (?, ?, 'web', ?, ?)")
            .execute(arguments: [fresh.waveID, day, UUID().uuidString, Data(AnswerCodec.encode(submission.response.answers))])
        return db.lastInsertedRowID
    }

    /// Whether an access code exists for the run and is still unused.
    public func codeIsUsable(_ code: String, run: Int64) throws -> Bool {
        try wrap {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT 1 FROM access_code WHERE code = ? AND run_id = ? AND used_at IS NULL", arguments: [code, run]) != nil
            }
        }
    }

    /// Number of responses per answer of a question (for watching a run fill up): the stored value
    /// of each answer as ``AnswerRow`` spells it, most frequent first.
    public func counts(in wave: Wave, question: String) throws -> [(value: String, count: Int)] {
        var tally = AnswerTally(question: question)
        try forEachResponse(in: wave) { tally.add($0.response) }
        return tally.counts
    }
}
