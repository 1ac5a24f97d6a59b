import AnketaCore
import AnketaStore
import ArgumentParser

extension Anketa {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показать анкеты и волны в базе.",
            discussion: """
                Пример:
                  anketa list --db anketa.sqlite
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        func run() throws {
            try reportingErrors {
                let store = try AnketaStore(path: storeOptions.db)
                let questionnaires = try store.questionnaires()
                if questionnaires.isEmpty {
                    print("В базе \(storeOptions.db) пока нет анкет. Загрузите ответы: anketa ingest <анкета.yaml> <ответы.csv> --wave <волна>")
                    return
                }
                print("Анкеты:")
                for record in questionnaires {
                    print("  \(record.id) (версия \(record.version)) — \(record.title)")
                }
                print("\nВолны:")
                for summary in try store.waves() {
                    print("  \(summary.wave.questionnaireID)  \(summary.wave.displayName)  — \(RussianPlural.respondent(summary.responses))")
                }
            }
        }
    }
}
