import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaObjectivity
import AnketaObjectivityReport
import AnketaResults
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct Objectivity: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Справка об объективности оценивания: отметки школы против результатов ВПР, ОГЭ, ЕГЭ и других процедур.",
            discussion: """
                Работает прямо с файлами, без базы: описание результатов (YAML) и файл с результатами
                обучающихся (CSV в UTF-8 или Windows-1251, разделитель «;» или «,», либо XLSX), одна строка —
                один обучающийся по одному предмету: код (не фамилия), класс, предмет, процедура,
                первичный балл или отметка, отметка школы за четверть или год, по желанию — код учителя
                (группы по учителям меньше порога скрываются).
                  anketa objectivity Samples/objectivity/vpr-2026.yaml \\
                      Samples/objectivity/vpr-2026.csv \\
                      --indicators Samples/objectivity/indicators.yaml \\
                      --attitudes Questionnaires/objective-assessment-students.yaml=ответы.csv
                (--attitudes: анкета об объективности оценивания и файл её ответов; ответы,
                собранные в базу — веб-формой или anketa ingest, — указываются как
                --attitudes objective-assessment-students:2026 с --db и --unit).

                Первичные баллы переводятся в отметки по шкалам из описания (по предмету, параллели и году).
                Строки с ошибками не учитываются и записываются в файл <результаты>.rejects.csv рядом с исходным
                с номером строки и причиной; повторный запуск на тех же файлах даёт ту же справку.

                Результат — папка Results/objectivity-<id>/ (или -o): spravka.html, spravka.docx, spravka.md,
                figures.json, groups.csv и decisions.yaml — черновик управленческих решений. Отредактируйте его
                и запустите команду снова: справка возьмёт решения из него. Формат — docs/objectivity.md.
                """
        )

        @Argument(help: ArgumentHelp("Описание файла результатов (YAML).", valueName: "описание.yaml"))
        var definition: String

        @Argument(help: ArgumentHelp("Файл с результатами обучающихся (CSV или XLSX).", valueName: "результаты.csv"))
        var results: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Папка для справки (по умолчанию Results/objectivity-<id>).", valueName: "папка"))
        var output: String?

        @Option(help: ArgumentHelp("Управленческие решения (YAML), отредактированные вручную. По умолчанию — decisions.yaml в папке справки, если он есть.", valueName: "решения.yaml"))
        var decisions: String?

        @Option(help: ArgumentHelp("Показатели вне анкетирования (YAML): успеваемость, качество знаний, средний балл ОГЭ/ЕГЭ, сохранность контингента… — в карту дефицитов справки.", valueName: "показатели.yaml"))
        var indicators: String?

        @Option(help: ArgumentHelp("Анкетирование об объективности оценивания в той же школе: <анкета.yaml>=<ответы.csv> из файла или <анкета>:<волна> из базы (можно несколько раз) — показатели анкет рядом с результатами.", valueName: "анкета.yaml=ответы.csv|анкета:волна"))
        var attitudes: [String] = []

        @Option(help: ArgumentHelp("Школа или подразделение, чьи ответы из базы берутся для --attitudes <анкета>:<волна>.", valueName: "организация"))
        var unit: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            for item in attitudes where !item.contains("=") && !item.contains(":") {
                throw ValidationError("--attitudes ожидает <анкета.yaml>=<ответы.csv> (файл) или <анкета>:<волна> (из базы), например Questionnaires/objective-assessment-students.yaml=ответы.csv или objective-assessment-students:2026")
            }
        }

        /// The attitude surveys in the order given: from files (`анкета.yaml=ответы.csv`) and from the
        /// store (`анкета:волна`, the store opened only when one is asked for).
        func analyzeAllAttitudes() async throws -> [AnalysisResult] {
            var store: (any SurveyStore)?
            var results: [AnalysisResult] = []
            for item in attitudes {
                if item.contains("=") {
                    results.append(try analyzeAttitudes(item))
                    continue
                }
                let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
                if store == nil { store = try await storeOptions.open() }
                guard let store else { continue }
                let questionnaire = try await store.questionnaire(id: parts[0], version: nil)
                let wave = try await store.wave(for: questionnaire, named: parts[1], unit: unit, create: false)
                results.append(try await analyzeStored(questionnaire, wave: wave, store: store, options: AnalysisOptions()))
            }
            return results
        }

        /// One objective-assessment survey straight from its file; rejected rows are reported and left out.
        func analyzeAttitudes(_ item: String) throws -> AnalysisResult {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            let questionnaire = try DefinitionLoader().load(contentsOf: URL(fileURLWithPath: parts[0]), displayPath: parts[0])
            var analyzer = Analyzer(questionnaire: questionnaire, wave: "анкетирование", options: AnalysisOptions())
            let reader = try ResponseReader(url: URL(fileURLWithPath: parts[1]), questionnaire: questionnaire, displayPath: parts[1])
            reader.computesFingerprints = false
            var rejected = 0
            try reader.read(warning: { Console.error($0.description) }) { outcome in
                switch outcome {
                case .accepted(let row): analyzer.add(row.response)
                case .rejected(let row):
                    rejected += 1
                    Console.error("\(parts[1]):\(row.line): строка не учтена: \(row.reasons.joined(separator: "; "))")
                case .blank: break
                }
            }
            if rejected > 0 { Console.error("\(parts[1]): предупреждение: не учтено \(RussianPlural.row(rejected))") }
            return analyzer.finish()
        }

        func run() async throws {
            try await reportingErrors {
                let definition = try ResultsDefinitionLoader().load(contentsOf: URL(fileURLWithPath: self.definition), displayPath: self.definition)
                // The other inputs first: a mistake in them stops the command before anything is written.
                let nonSurvey = try indicators.map { try NonSurveyIndicatorsLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) }
                let surveys = try await analyzeAllAttitudes()
                let url = URL(fileURLWithPath: results)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw ValidationError("файл с результатами «\(results)» не найден")
                }
                let imported = try ResultsImport(url: url, definition: definition, displayPath: results)
                print("\(results): \(imported.summary)")
                for row in imported.rejected {
                    Console.error("\(results):\(row.line): строка не учтена: \(row.reasons.joined(separator: "; "))")
                }
                if let rejects = imported.rejectsFile {
                    Console.error("\(results): не учтено \(RussianPlural.row(imported.rejected.count)); они записаны в \(rejects.relativePath) — исправьте и передайте этот файл вместо исходного")
                }
                guard !imported.rows.isEmpty else {
                    throw ValidationError("в файле «\(results)» нет ни одной строки, которую можно учесть")
                }
                let folder = URL(fileURLWithPath: output ?? "Results/objectivity-\(Report.safe(definition.id))")
                var edited: DecisionList?
                if let decisions {
                    edited = try DecisionLoader().load(contentsOf: URL(fileURLWithPath: decisions), displayPath: decisions)
                } else {
                    let draft = folder.appendingPathComponent(ObjectivityReportWriter.decisionsFile)
                    if FileManager.default.fileExists(atPath: draft.path) {
                        edited = try DecisionLoader().load(contentsOf: draft, displayPath: draft.relativePath)
                        Console.error("Управленческие решения взяты из \(draft.relativePath); чтобы составить их заново по выводам, удалите этот файл.")
                    }
                }
                let analysis = ObjectivityAnalysis(rows: imported.rows, thresholds: definition.thresholds,
                                                   weights: definition.journal.map(\.weight), region: definition.region,
                                                   regionMeans: definition.regionMeans)
                var input = ObjectivityReportInput(definition: definition, analysis: analysis, rows: imported.rows,
                                                   rejected: imported.rejected.count, source: url.lastPathComponent,
                                                   date: Report.today(), decisions: edited)
                input.nonSurvey = nonSurvey
                input.attitudes = surveys
                let written = try ObjectivityReportWriter(input).write(to: folder)
                print("Справка «\(definition.title)»: \(RussianPlural("результат", "результата", "результатов")(imported.rows.count)).")
                for subject in analysis.subjects {
                    print("  \(subject.scope.subject ?? "") (\(subject.scope.procedure?.rawValue ?? "")): понизили \(RussianNumber.percent(subject.lowered.share * 100)), подтвердили \(RussianNumber.percent(subject.confirmed.share * 100)), повысили \(RussianNumber.percent(subject.raised.share * 100))")
                }
                for group in analysis.flagged {
                    print("  ← признаки завышения: \(group.scope.className ?? "") класс, \(group.scope.subject ?? ""): понизили \(RussianNumber.percent(group.lowered.share * 100))")
                }
                if let nonSurvey {
                    let deficits = nonSurvey.deficits
                    print("  Показатели вне анкетирования (\(nonSurvey.year)): " + (deficits.isEmpty ? "все достигают порогов" : "ниже порога — " + deficits.map { "«\($0.title)»" }.joined(separator: ", ")))
                }
                if !surveys.isEmpty {
                    print("  Анкетирование рядом с результатами: " + surveys.map { "\($0.audience.nominativePlural.lowercased()) — \(RussianPlural.respondent($0.respondents))" }.joined(separator: ", "))
                }
                if !analysis.hiddenTeachers.isEmpty {
                    print("  Скрыто групп по учителям (меньше \(definition.thresholds.minTeacherGroup) обучающихся или вместе с такой группой): \(analysis.hiddenTeachers.count)")
                }
                print("Записано в \(folder.relativePath)/: " + written.map(\.lastPathComponent).joined(separator: ", "))
            }
        }
    }
}
