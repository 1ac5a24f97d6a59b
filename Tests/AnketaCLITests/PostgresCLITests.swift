import Foundation
import Testing

/// `--db postgres://…` and `ANKETA_DATABASE_URL` from the command line.
@Suite("anketa on PostgreSQL")
struct PostgresCLITests {
    @Test("A server that cannot be reached: one Russian error, exit 1, no password, no backtrace")
    func unreachable() throws {
        let workspace = try Workspace()
        let result = try workspace.run(["list", "--db", "postgres://me:secret@127.0.0.1:1/monitoring?sslmode=disable"], useDB: false)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("не удалось подключиться к PostgreSQL «postgres://me@127.0.0.1:1/monitoring»"), "\(result)")
        #expect(!result.stderr.contains("secret") && !result.stderr.contains("Fatal error"), "\(result)")
        let bad = try workspace.run(["list", "--db", "postgres://me@localhost/db?sslmode=sometimes"], useDB: false)
        #expect(bad.status == 1 && bad.stderr.contains("не понят"), "\(bad)")
    }

    @Test("A database or a user the server does not have: what to do in Russian, the server's own words beside it",
          .enabled(if: ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"] != nil,
                   "ANKETA_TEST_POSTGRES_URL is not set: the command line was not run against PostgreSQL"))
    func refusedByTheServer() throws {
        let server = try #require(ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"].flatMap { URLComponents(string: $0) })
        let workspace = try Workspace()
        var noDatabase = server
        noDatabase.path = "/no_such_database"
        let missing = try workspace.run(["list", "--db", try #require(noDatabase.string)], useDB: false)
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.contains("такой базы на сервере нет — создайте её (createdb <база>)"), "\(missing)")
        #expect(missing.stderr.contains("3D000") && !missing.stderr.contains("Fatal error"), "\(missing)")
        var noUser = server
        noUser.user = "no_such_role"
        let stranger = try workspace.run(["list", "--db", try #require(noUser.string)], useDB: false)
        #expect(stranger.status == 1 && stranger.stderr.contains("сервер не пускает этого пользователя"), "\(stranger)")
    }

    @Test("Ingest, ingest again and report through ANKETA_DATABASE_URL give what they give on SQLite",
          .enabled(if: ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"] != nil,
                   "ANKETA_TEST_POSTGRES_URL is not set: the command line was not run against PostgreSQL"))
    func roundTrip() throws {
        let server = try #require(ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"])
        let workspace = try Workspace()
        // The test's own wave in the shared test database.
        let wave = "cli-\(UUID().uuidString.prefix(8))"
        let environment = ["ANKETA_DATABASE_URL": server]
        let sqlite = try workspace.run(["ingest", "mini.yaml", "google-forms.csv", "--wave", wave])
        let postgres = try workspace.run(["ingest", "mini.yaml", "google-forms.csv", "--wave", wave], useDB: false, environment: environment)
        #expect(postgres.status == 0, "\(postgres)")
        #expect(postgres.stdout == sqlite.stdout, "the same counts and summary")
        let again = try workspace.run(["ingest", "mini.yaml", "google-forms.csv", "--wave", wave], useDB: false, environment: environment)
        let sqliteAgain = try workspace.run(["ingest", "mini.yaml", "google-forms.csv", "--wave", wave])
        #expect(again.status == 0 && again.stdout == sqliteAgain.stdout, "the same duplicates: \(again)\n\(sqliteAgain)")
        let list = try workspace.run(["list"], useDB: false, environment: environment)
        #expect(list.status == 0 && list.stdout.contains(wave), "\(list)")
        let report = try workspace.run(["report", "mini", "--wave", wave, "-o", "pg-report"], useDB: false, environment: environment)
        let reference = try workspace.run(["report", "mini", "--wave", wave, "-o", "sqlite-report"])
        #expect(report.status == 0 && reference.status == 0, "\(report)\n\(reference)")
        let figures = try String(contentsOf: workspace.url("pg-report/figures.json"), encoding: .utf8)
        let expected = try String(contentsOf: workspace.url("sqlite-report/figures.json"), encoding: .utf8)
        #expect(figures == expected, "the same figures from either store")
    }
}
