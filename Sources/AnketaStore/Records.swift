import AnketaCore
import GRDB

/// A questionnaire definition as stored: its YAML source, by id and version.
public struct QuestionnaireRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "questionnaire"
    public var id: String
    public var version: Int
    public var title: String
    public var audience: String
    /// The YAML source, so that reports can be made later without the file.
    public var definition: String
    public var loadedAt: String

    enum CodingKeys: String, CodingKey {
        case id, version, title, audience, definition
        case loadedAt = "loaded_at"
    }

    public enum Columns {
        static let id = Column(CodingKeys.id)
        static let version = Column(CodingKeys.version)
    }

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(id: String, version: Int, title: String, audience: String, definition: String, loadedAt: String) {
        self.id = id
        self.version = version
        self.title = title
        self.audience = audience
        self.definition = definition
        self.loadedAt = loadedAt
    }
}

/// A wave: one run of a questionnaire (e.g. «2026-весна») at one school or unit.
public struct Wave: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "wave"
    public var id: Int64?
    public var questionnaireID: String
    public var questionnaireVersion: Int
    public var name: String
    /// The school or unit; empty when not given.
    public var unit: String
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, name, unit
        case questionnaireID = "questionnaire_id"
        case questionnaireVersion = "questionnaire_version"
        case createdAt = "created_at"
    }

    public enum Columns {
        static let questionnaireID = Column(CodingKeys.questionnaireID)
        static let name = Column(CodingKeys.name)
        static let unit = Column(CodingKeys.unit)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// «2026-весна, Школа № 1».
    public var displayName: String { unit.isEmpty ? name : "\(name), \(unit)" }

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(id: Int64?, questionnaireID: String, questionnaireVersion: Int, name: String, unit: String, createdAt: String) {
        self.id = id
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.name = name
        self.unit = unit
        self.createdAt = createdAt
    }
}

/// A wave with its number of responses, for listings.
public struct WaveSummary: Sendable, Equatable {
    public var wave: Wave
    public var title: String
    public var responses: Int

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(wave: Wave, title: String, responses: Int) {
        self.wave = wave
        self.title = title
        self.responses = responses
    }
}

/// A stored response with its database id.
public struct StoredResponse: Sendable, Equatable {
    public var id: Int64
    public var response: Response

    /// Every stored property (also for the PostgreSQL backend, which reads the same records).
    package init(id: Int64, response: Response) {
        self.id = id
        self.response = response
    }
}

/// What an import did.
public struct ImportCounts: Sendable, Equatable {
    public var stored = 0
    /// Rows already in the store from an earlier import of the same file.
    public var duplicates = 0

    public init(stored: Int = 0, duplicates: Int = 0) {
        self.stored = stored
        self.duplicates = duplicates
    }
}
