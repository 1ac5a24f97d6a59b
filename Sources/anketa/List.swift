import AnketaCore
import AnketaStore
import ArgumentParser

extension Anketa {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показать анкеты и волны в базе.",
            discussion: """
                Пример:
                  anketa list --db anketa.sqlite
                """
        )

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingErrors {
                let store = try await storeOptions.open()
                let questionnaires = try await store.questionnaires()
                if questionnaires.isEmpty {
                    print("В базе \(store.location) пока нет анкет. Загрузите ответы: anketa ingest <анкета.yaml> <ответы.csv> --wave <волна>")
                    return
                }
                print("Анкеты:")
                for record in questionnaires {
                    print("  \(record.id) (версия \(record.version)) — \(record.title)")
                }
                print("\nВолны:")
                for summary in try await store.waves() {
                    print("  \(summary.wave.questionnaireID)  \(summary.wave.displayName)  — \(RussianPlural.respondent(summary.responses))")
                }
            }
        }
    }
}
