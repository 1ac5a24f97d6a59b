import AnketaCore
@testable import AnketaStore
import Foundation
import GRDB
import Testing

@Suite("Console users, roles and run schedule in the store")
struct ConsoleStoreTests {
    @Test("v5 makes admins of an older store municipal methodists with their passwords kept")
    func migrationKeepsAdmins() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-v5-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // A store as the previous release left it: migrated up to v3, one admin.
        do {
            let queue = try DatabaseQueue(path: path)
            let migrator = Migrations.migrator
            let v5 = "v5: console users, roles and run schedule"
            #expect(migrator.migrations.contains(v5))
            let before = migrator.migrations.filter { $0 < "v4" }
            try migrator.migrate(queue, upTo: try #require(before.last))
            try queue.write { db in
                try db.execute(sql: "INSERT INTO admin (login, password_hash, created_at) VALUES ('zavuch', 'hash', '2026-01-01')")
            }
        }
        let store = try AnketaStore(path: path)
        let admin = try #require(try store.admin(login: "zavuch"))
        #expect(admin.role == .methodist)
        #expect(admin.unit == "")
        #expect(admin.mustChangePassword == false)
        #expect(admin.passwordHash == "hash")
        #expect(admin.mayAccess(unit: "Любая школа"))
    }

    @Test("users: created once per login, roles and units kept, a password change ends the other sessions")
    func users() throws {
        let store = try AnketaStore()
        let created = try #require(try store.createAdmin(login: "zavuch", passwordHash: "h1", role: .schoolAdministrator, unit: "Школа № 2",
                                                         mustChangePassword: true))
        #expect(try store.createAdmin(login: "zavuch", passwordHash: "h2", role: .methodist, unit: "", mustChangePassword: false) == nil)
        #expect(created.mayAccess(unit: "Школа № 2"))
        #expect(!created.mayAccess(unit: "Школа № 1"))
        #expect(!created.mayAccess(unit: ""))
        let id = try #require(created.id)
        for token in ["a", "b"] {
            try store.createSession(AdminSession(token: token, adminID: id, csrf: "c", expiresAt: "2999-01-01 00:00:00"))
        }
        try store.setPassword(adminID: id, passwordHash: "h3", mustChange: false, keeping: "a")
        #expect(try store.session(token: "a", now: "2026-01-01 00:00:00") != nil)
        #expect(try store.session(token: "b", now: "2026-01-01 00:00:00") == nil)
        let user = try #require(try store.sessionUser(token: "a", now: "2026-01-01 00:00:00")).user
        #expect(user.passwordHash == "h3")
        #expect(user.mustChangePassword == false)
        #expect(user.role == .schoolAdministrator)
        // setAdmin (the CLI) keeps the role unless told, and can set it.
        try store.setAdmin(login: "zavuch", passwordHash: "h4")
        #expect(try store.admin(login: "zavuch")?.role == .schoolAdministrator)
        try store.setAdmin(login: "zavuch", passwordHash: "h5", role: .methodist, unit: "")
        #expect(try store.admin(login: "zavuch")?.role == .methodist)
        #expect(try store.admins().map(\.login) == ["zavuch"])
    }

    @Test("runs close with a time, reopen with a new end, and take new dates")
    func schedule() throws {
        let store = try AnketaStore()
        let questionnaire = try DefinitionLoader().load(yaml: miniYAML, file: "mini.yaml")
        try store.register(questionnaire, source: miniYAML)
        let wave = try store.wave(for: questionnaire, named: "2026", unit: "Школа № 1", create: true)
        let run = try store.createRun(wave: wave, slug: "s", opensAt: "2026-04-01 08:00:00", closesAt: "2026-04-15 20:00:00", requiresCode: false)
        let id = try #require(run.id)
        #expect(run.state(at: "2026-04-02 10:00:00") == .open)
        try store.closeRun(id: id, at: "2026-04-05 12:00:00")
        var stored = try #require(try store.run(id: id)).run
        #expect(stored.closed && stored.closedAt == "2026-04-05 12:00:00")
        #expect(stored.state(at: "2026-04-06 10:00:00") == .closed)
        try store.reopenRun(id: id, closesAt: "2026-04-22 20:00:00")
        stored = try #require(try store.run(id: id)).run
        #expect(!stored.closed && stored.closedAt == nil && stored.closesAt == "2026-04-22 20:00:00")
        #expect(stored.state(at: "2026-04-20 10:00:00") == .open)
        try store.setRunDates(id: id, opensAt: "2026-05-01 08:00:00", closesAt: "2026-05-10 08:00:00")
        stored = try #require(try store.run(id: id)).run
        #expect(stored.opensAt == "2026-05-01 08:00:00" && stored.closesAt == "2026-05-10 08:00:00")
        #expect(stored.state(at: "2026-04-20 10:00:00") == .notYetOpen)
    }

    @Test("local time in a given zone", arguments: [("Europe/Moscow", "2026-01-01 03:00:00"), ("Asia/Yekaterinburg", "2026-01-01 05:00:00"),
                                                   ("UTC", "2026-01-01 00:00:00")])
    func localNow(_ zone: String, _ expected: String) throws {
        let midnightUTC = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01 00:00:00 UTC
        #expect(AnketaStore.localNow(midnightUTC, timeZone: try #require(TimeZone(identifier: zone))) == expected)
    }
}
