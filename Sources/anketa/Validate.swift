import AnketaCore
import ArgumentParser
import Foundation

extension Anketa {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Проверить определения анкет (YAML).",
            discussion: """
                Сообщает обо всех ошибках сразу: файл:строка:столбец, ключ и что исправить. Код выхода не ноль, если есть хотя бы одна ошибка.

                Пример:
                  anketa validate Questionnaires/*.yaml
                """
        )

        @Argument(help: ArgumentHelp("Файлы определений анкет.", valueName: "файл.yaml"))
        var files: [String]

        func run() throws {
            var errors = 0
            for file in files {
                let url = URL(fileURLWithPath: file)
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                    Console.error("\(file): ошибка: не удалось прочитать файл (нет файла или он не в UTF-8)")
                    errors += 1
                    continue
                }
                let (questionnaire, diagnostics) = DefinitionLoader().check(yaml: text, file: file)
                for diagnostic in diagnostics { Console.error(diagnostic.description) }
                let fileErrors = diagnostics.filter { $0.severity == .error }.count
                errors += fileErrors
                if fileErrors == 0, let questionnaire {
                    print("\(file): в порядке — «\(questionnaire.title)», \(RussianPlural.question(questionnaire.questions.count)), показателей: \(questionnaire.indicators.count)")
                }
            }
            if errors > 0 {
                Console.error("Найдено: \(RussianPlural.problem(errors)).")
                throw ExitCode.failure
            }
        }
    }
}
