import AnketaStore
import AnketaStorePostgres
import Testing

/// Reading `--db postgres://…` and what a user sees when the server cannot be reached (no server needed).
@Suite("PostgreSQL addresses")
struct PostgresAddressTests {
    @Test("An address is read with defaults; the password from PGPASSWORD; shown without it")
    func parsing() throws {
        let url = try PostgresURL("postgres://anketa:s%40cret@db.local:6432/monitoring?sslmode=require", environment: [:])
        #expect(url.user == "anketa" && url.password == "s@cret" && url.host == "db.local" && url.port == 6432)
        #expect(url.database == "monitoring" && url.sslMode == "require")
        #expect(url.redacted == "postgres://anketa@db.local:6432/monitoring")
        let bare = try PostgresURL("postgresql://me@localhost", environment: ["PGPASSWORD": "pw"])
        #expect(bare.port == 5432 && bare.database == "me" && bare.password == "pw" && bare.sslMode == "prefer")
        let socket = try PostgresURL("postgres://me@/db?host=/run/postgresql", environment: [:])
        #expect(socket.socketFolder == "/run/postgresql")
        #expect(PostgresURL.isServerURL("POSTGRES://x") && !PostgresURL.isServerURL("anketa.sqlite"))
    }

    @Test("A bad address is refused in Russian, saying how to write one", arguments: [
        "mysql://me@localhost/db", "postgres://me@localhost:99999/db", "postgres://me@localhost/db?sslmode=verify-full",
    ])
    func badAddress(_ text: String) {
        let error = #expect(throws: StoreError.self) { try PostgresURL(text, environment: [:]) }
        #expect(error?.description.contains("не понят") == true)
        #expect(error?.description.contains("postgres://пользователь@сервер:5432/база") == true)
    }

    @Test("A server that does not answer: a clear Russian error naming the address without the password")
    func unreachable() async throws {
        let error = await #expect(throws: StoreError.self) { try await PostgresStore(url: "postgres://me:secret@127.0.0.1:1/db?sslmode=disable") }
        let text = error?.description ?? ""
        #expect(text.contains("не удалось подключиться к PostgreSQL «postgres://me@127.0.0.1:1/db»"), "\(text)")
        #expect(text.contains("проверьте, что сервер запущен"))
        #expect(!text.contains("secret"))
    }
}
