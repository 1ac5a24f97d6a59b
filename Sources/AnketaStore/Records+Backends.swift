import AnketaCore

// Memberwise initialisers for the other store backend (AnketaStorePostgres), which reads the same
// records from its own rows.

extension QuestionnaireRecord {
    package init(id: String, version: Int, title: String, audience: String, definition: String, loadedAt: String) {
        self.id = id
        self.version = version
        self.title = title
        self.audience = audience
        self.definition = definition
        self.loadedAt = loadedAt
    }
}

extension Wave {
    package init(id: Int64?, questionnaireID: String, questionnaireVersion: Int, name: String, unit: String, createdAt: String) {
        self.id = id
        self.questionnaireID = questionnaireID
        self.questionnaireVersion = questionnaireVersion
        self.name = name
        self.unit = unit
        self.createdAt = createdAt
    }
}

extension WaveSummary {
    package init(wave: Wave, title: String, responses: Int) {
        self.wave = wave
        self.title = title
        self.responses = responses
    }
}

extension StoredResponse {
    package init(id: Int64, response: Response) {
        self.id = id
        self.response = response
    }
}

extension UnitWave {
    package init(unit: SchoolUnit, wave: Wave) {
        self.unit = unit
        self.wave = wave
    }
}

extension SurveyRun {
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

extension Admin {
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
