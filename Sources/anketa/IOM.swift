import AnketaCollect
import AnketaCore
import AnketaIOM
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct IOM: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "iom",
            abstract: "Составить индивидуальные профили педагогов (проект ИОМ) по именной самооценке профессиональных дефицитов.",
            discussion: """
                Только для именной анкеты (anonymous: false, блок respondent) и только для педагогов, давших согласие: на каждого — одна страница DOCX с его результатами, дефицитами и проектом индивидуального образовательного маршрута (тема / форма / срок / результат).

                Из файла:
                  anketa iom Questionnaires/teachers-professional-deficits-named.yaml \\
                      Samples/teachers-professional-deficits-named-2026.csv --wave 2026
                Из базы:
                  anketa iom teachers-professional-deficits-named --wave 2026

                Результат — папка Results/iom-<анкета>-<волна>/ с файлами «ИОМ — <ФИО>.docx»; папка заменяется целиком, только когда все профили записаны. Педагоги без имени или без согласия перечисляются с номером строки, профиль для них не составляется.
                """
        )

        @Argument(help: ArgumentHelp("id именной анкеты в базе или её YAML.", valueName: "анкета"))
        var questionnaire: String

        @Argument(help: ArgumentHelp("Файлы с ответами (CSV или XLSX), без базы.", valueName: "ответы.csv"))
        var files: [String] = []

        @Option(help: ArgumentHelp("Волна (из базы; для файлов — её название в профиле).", valueName: "волна"))
        var wave: String?

        @Option(help: ArgumentHelp("Школа или подразделение.", valueName: "организация"))
        var unit: String?

        @Option(help: ArgumentHelp("Профиль организации (YAML): название школы в заголовке.", valueName: "профиль.yaml"))
        var org: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Папка для профилей (по умолчанию Results/iom-<анкета>-<волна>).", valueName: "папка"))
        var output: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if files.isEmpty, wave == nil { throw ValidationError("укажите --wave (волну из базы) или файлы с ответами") }
        }

        func run() async throws {
            try await reportingErrors {
                let store: (any SurveyStore)? = files.isEmpty ? try await storeOptions.open() : nil
                let (definition, _) = try await loadQuestionnaire(questionnaire, store: store)
                let builder = try ProfileBuilder(definition)
                var outcomes: [ProfileBuilder.Outcome] = []
                let waveName: String
                if let store, let wave {
                    let stored = try await store.questionnaire(id: definition.id, version: nil)
                    let found = try await store.wave(for: stored, named: wave, unit: unit, create: false)
                    waveName = found.displayName
                    var number = 0
                    try await store.forEachResponse(in: found) { record in
                        number += 1
                        outcomes.append(builder.profile(record.response, source: "ответ № \(number)"))
                    }
                } else {
                    waveName = wave ?? "самооценка"
                    for path in files {
                        let reader = try ResponseReader(url: URL(fileURLWithPath: path), questionnaire: definition, displayPath: path)
                        try reader.read(warning: { Console.error($0.description) }) { outcome in
                            switch outcome {
                            case .accepted(let row): outcomes.append(builder.profile(row.response, source: "\(path):\(row.line)"))
                            case .rejected(let row):
                                Console.error("\(path):\(row.line): строка не учтена: \(row.reasons.joined(separator: "; "))")
                            case .blank: break
                            }
                        }
                    }
                }
                let profile = try org.map { try OrganizationLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) }
                let composer = IOMComposer(questionnaire: definition, organizationName: profile?.fullName ?? unit,
                                           wave: waveName, date: Report.today())
                var documents: [(name: String, document: IOMComposer.Output)] = []
                for outcome in outcomes {
                    switch outcome {
                    case .profile(let teacher): documents.append((teacher.name, composer.compose(teacher)))
                    case .skipped(let reason): Console.error(reason)
                    }
                }
                guard !documents.isEmpty else {
                    throw ValidationError("ни одного профиля: нет ответов с именем и согласием педагога")
                }
                let folder = URL(fileURLWithPath: output ?? "Results/iom-\(definition.id)-\(Report.safe(waveName))")
                let written = try IOMFolder(folder).write(documents)
                let skipped = outcomes.count - documents.count
                print("Профили ИОМ «\(definition.title)», волна «\(waveName)»: \(RussianPlural.profile(written.count))"
                      + (skipped > 0 ? "; без профиля — \(RussianPlural.answer(skipped)) (причины выше)." : "."))
                print("Записано в \(folder.relativePath)/: " + written.map(\.lastPathComponent).joined(separator: ", "))
            }
        }
    }
}

extension RussianPlural {
    static let profile = RussianPlural("профиль", "профиля", "профилей")
}
