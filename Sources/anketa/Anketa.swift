import ArgumentParser

/// The `anketa` command: survey processing for schools (ВСОКО).
@main
struct Anketa: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anketa",
        abstract: "Анкетирование в школе: определения анкет, загрузка ответов, статистика и аналитическая справка.",
        discussion: """
            Типичный порядок работы:
              anketa validate Questionnaires/*.yaml
              anketa ingest Questionnaires/parents-satisfaction.yaml ответы.csv --wave 2026-весна --unit "Школа № 1"
              anketa report parents-satisfaction --wave 2026-весна --compare 2025-весна
            Ответы хранятся в базе SQLite (по умолчанию anketa.sqlite в текущей папке, см. --db).
            """,
        version: "0.1.0",
        subcommands: [Validate.self, Ingest.self, Export.self, List.self, Report.self, Objectivity.self, Serve.self, Admin.self]
    )
}

/// Options every command that touches the store shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Файл базы SQLite.", valueName: "путь"))
    var db: String = "anketa.sqlite"
}
