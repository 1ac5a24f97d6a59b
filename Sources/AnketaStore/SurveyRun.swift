import GRDB

/// A wave collected through Anketa's own web form: its public link, dates and state.
public struct SurveyRun: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "survey_run"
    public var id: Int64?
    public var waveID: Int64
    /// The unguessable part of the public link `/s/<slug>`.
    public var slug: String
    /// `yyyy-MM-dd HH:mm:ss`, wall-clock time in the organisation's time zone (the console's
    /// `--time-zone`, Europe/Moscow by default).
    public var opensAt: String
    public var closesAt: String
    public var closed: Bool
    /// When the run was closed early from the console.
    public var closedAt: String?
    /// Only people with a one-time access code may answer.
    public var requiresCode: Bool
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, slug, closed
        case waveID = "wave_id"
        case opensAt = "opens_at"
        case closesAt = "closes_at"
        case requiresCode = "requires_code"
        case createdAt = "created_at"
        case closedAt = "closed_at"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Whether the run accepts answers at `now` (`yyyy-MM-dd HH:mm:ss`).
    public func state(at now: String) -> State {
        if closed { return .closed }
        if now < opensAt { return .notYetOpen }
        if now > closesAt { return .closed }
        return .open
    }

    public enum State: String, Sendable, Equatable {
        case notYetOpen = "ещё не начался"
        case open = "идёт"
        case closed = "завершён"
    }

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(id: Int64?, waveID: Int64, slug: String, opensAt: String, closesAt: String, closed: Bool, closedAt: String?,
                 requiresCode: Bool, createdAt: String) {
        self.id = id
        self.waveID = waveID
        self.slug = slug
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.closed = closed
        self.closedAt = closedAt
        self.requiresCode = requiresCode
        self.createdAt = createdAt
    }
}

/// An administrator of the web console.
public struct Admin: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "admin"
    public var id: Int64?
    public var login: String
    /// bcrypt hash.
    public var passwordHash: String
    public var createdAt: String
    public var role: ConsoleRole
    /// The school administrator's unit; empty for a methodist.
    public var unit: String
    /// The password was given out once (first start, a new user, a reset) and must be changed.
    public var mustChangePassword: Bool

    enum CodingKeys: String, CodingKey {
        case id, login, role, unit
        case passwordHash = "password_hash"
        case createdAt = "created_at"
        case mustChangePassword = "must_change_password"
    }

    /// Whether this user may work with a wave of `unit` (a methodist: every unit).
    public func mayAccess(unit waveUnit: String) -> Bool {
        role == .methodist || waveUnit == unit
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(id: Int64?, login: String, passwordHash: String, createdAt: String, role: ConsoleRole, unit: String, mustChangePassword: Bool) {
        self.id = id
        self.login = login
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        self.role = role
        self.unit = unit
        self.mustChangePassword = mustChangePassword
    }
}

/// A signed-in admin's session.
public struct AdminSession: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "admin_session"
    public var token: String
    public var adminID: Int64
    /// The token every admin form must carry (CSRF protection).
    public var csrf: String
    public var expiresAt: String

    public init(token: String, adminID: Int64, csrf: String, expiresAt: String) {
        self.token = token
        self.adminID = adminID
        self.csrf = csrf
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case token, csrf
        case adminID = "admin_id"
        case expiresAt = "expires_at"
    }
}
