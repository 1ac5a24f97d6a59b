import AnketaCollect
import AnketaCore
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct Units: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Реестр организаций муниципалитета: загрузить (import) и показать (list).",
            discussion: """
                Реестр нужен для муниципального мониторинга: по нему общая выгрузка делится на школы (anketa ingest --split-by) и строится муниципальная справка (anketa report --municipal).
                  anketa units import Samples/municipal/units.csv
                  anketa units list
                Изменить реестр — исправить файл и загрузить его снова: организации сопоставляются по коду.
                """,
            subcommands: [Import.self, List.self]
        )
    }
}

extension Anketa.Units {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Загрузить или обновить реестр организаций из CSV или YAML.",
            discussion: """
                Столбцы CSV: code, short_name, full_name, type, levels, students, parents, teachers, aliases (синонимы через «|»).
                Типы: \(UnitKind.accepted). Уровни: НОО, ООО, СОО. Подробно — docs/municipal.md.
                Пример:
                  anketa units import Samples/municipal/units.csv --db municipal.sqlite
                """
        )

        @Argument(help: ArgumentHelp("Реестр (CSV или YAML).", valueName: "реестр.csv"))
        var file: String

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingErrors {
                let units = try UnitRegistryLoader().load(contentsOf: URL(fileURLWithPath: file), displayPath: file,
                                                          warning: { Console.error($0.description) })
                let store = try await storeOptions.open()
                let counts = try await store.importUnits(units)
                print("\(file): \(RussianPlural.organization(units.count)); добавлено: \(counts.added), изменено: \(counts.changed), без изменений: \(counts.unchanged).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Показать реестр организаций.",
            discussion: "Пример:\n  anketa units list --db municipal.sqlite"
        )

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            try await reportingErrors {
                let store = try await storeOptions.open()
                let units = try await store.units()
                if units.isEmpty {
                    print("Реестр организаций пуст. Загрузите его: anketa units import <реестр.csv>")
                    return
                }
                for unit in units {
                    let levels = unit.levels.map(\.rawValue).joined(separator: ", ")
                    let contingent = Audience.allCases.compactMap { audience in unit.contingent[audience].map { "\(audience.nominativePlural.lowercased()): \($0)" } }
                    var line = "  \(unit.code)  \(unit.shortName) (\(unit.kind.rawValue)\(levels.isEmpty ? "" : "; \(levels)"))"
                    if !contingent.isEmpty { line += " — " + contingent.joined(separator: ", ") }
                    print(line)
                    if !unit.aliases.isEmpty { print("      синонимы: " + unit.aliases.map { "«\($0)»" }.joined(separator: ", ")) }
                }
                print("Всего: \(RussianPlural.organization(units.count)).")
            }
        }
    }
}

extension RussianPlural {
    static let organization = RussianPlural("организация", "организации", "организаций")
}
