import AnketaStore
import AnketaStorePostgres
import ArgumentParser
import Foundation

/// The `anketa` command: survey processing for schools (ВСОКО).
@main
struct Anketa: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anketa",
        abstract: "Анкетирование в школе: определения анкет, загрузка ответов, статистика и аналитическая справка.",
        discussion: """
            Типичный порядок работы:
              anketa validate Questionnaires/*.yaml
              anketa ingest Questionnaires/parents-satisfaction.yaml ответы.csv \\
                  --wave 2026-весна --unit "Школа № 1"
              anketa report parents-satisfaction --wave 2026-весна --compare 2025-весна
            Ответы хранятся в базе SQLite (по умолчанию anketa.sqlite в текущей папке, см. --db) или на сервере PostgreSQL (--db postgres://… или переменная ANKETA_DATABASE_URL).
            """,
        version: "0.1.0",
        subcommands: [Validate.self, Ingest.self, Export.self, List.self, Report.self, Objectivity.self, IOM.self, Serve.self, Admin.self, Units.self]
    )

    /// argument-parser's own `main()`, except that bad arguments (unknown options, failed
    /// `validate()`) exit with 1, not 64: the README promises 0 on success and 1 on bad input.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            guard code != .success, code != .failure else { exit(withError: error) }
            // Usage errors (unknown option, missing argument, a failed `validate()`): one line in
            // Russian, where to look, and 1.
            Console.error("ошибка: \(message(for: error))")
            Console.error("  подсказка: anketa --help, anketa <команда> --help")
            Foundation.exit(ExitCode.failure.rawValue)
        }
    }
}

/// Options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("База: файл SQLite (по умолчанию anketa.sqlite) или сервер PostgreSQL postgres://пользователь@сервер:порт/база; без --db берётся из ANKETA_DATABASE_URL, если она задана.",
                               valueName: "путь|адрес"))
    var dbArgument: String?

    /// The store's location: `--db`, else `ANKETA_DATABASE_URL`, else `anketa.sqlite`.
    var db: String {
        if let dbArgument { return dbArgument }
        if let url = ProcessInfo.processInfo.environment["ANKETA_DATABASE_URL"], !url.isEmpty { return url }
        return "anketa.sqlite"
    }

    /// Opens the store: a PostgreSQL server for a `postgres://` address, the SQLite file otherwise.
    func open(forceEveryCommit: Bool = true) async throws -> any SurveyStore {
        if PostgresURL.isServerURL(db) { return try await PostgresStore(url: db) }
        return try AnketaStore(path: db, forceEveryCommit: forceEveryCommit)
    }
}
