import AnketaAnalysis
import AnketaCollect
import AnketaCore
import AnketaReports
import AnketaResults
import AnketaStore
import ArgumentParser
import Foundation

extension Anketa {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Сформировать аналитическую справку (HTML, DOCX, Markdown) и таблицы показателей (JSON, CSV).",
            discussion: """
                Из базы — по анкете и волне, с динамикой относительно прошлой волны:
                  anketa report parents-satisfaction --wave 2026-весна --compare 2025-весна
                Тренд за несколько лет (три волны и больше: таблица, график и критерий тренда по каждому показателю):
                  anketa report students-motivation --wave 2026 --compare 2024 --compare 2025
                  anketa report students-motivation --wave 2026 --trend
                (--trend — все волны этой анкеты и --unit, начатые не позже --wave.)
                С разбивкой по группе и сопоставлением с другими участниками:
                  anketa report objective-assessment-teachers --wave 2026 --by experience \\
                      --also objective-assessment-parents:2026 \\
                      --also objective-assessment-students:2026
                Прямо из файлов, без базы (прошлая волна — --compare-file):
                  anketa report Questionnaires/parents-satisfaction.yaml ответы-2026.csv \\
                      --compare-file ответы-2025.csv

                С профилем школы (название, подпись, основание, контингент для охвата):
                  anketa report parents-satisfaction --wave 2026-весна \\
                      --org Samples/organization.yaml

                Муниципальная справка по всем школам реестра (и справки школ с муниципальным значением):
                  anketa report objective-assessment-students --wave 2026 --municipal \\
                      --schools --also objective-assessment-parents:2026 \\
                      --also objective-assessment-teachers:2026

                Результат — папка Results/<анкета>-<волна>/: spravka.html, spravka.docx, spravka.md, figures.json, findings.json, CSV-таблицы и decisions.yaml — черновик управленческих решений. Отредактируйте decisions.yaml и повторите команду: справка возьмёт решения из него. Через год передайте его как --previous-decisions, и справка покажет, как изменились показатели, на которые были направлены решения. Группы меньше --min-group человек (по умолчанию 5) скрываются.
                """
        )

        @Argument(help: ArgumentHelp("id анкеты в базе или её YAML.", valueName: "анкета"))
        var questionnaire: String

        @Argument(help: ArgumentHelp("Файлы с ответами (CSV или XLSX): справка без базы.", valueName: "ответы.csv"))
        var files: [String] = []

        @Option(help: ArgumentHelp("Волна (из базы; для файлов — её название в справке).", valueName: "волна"))
        var wave: String?

        @Option(help: ArgumentHelp("Школа или подразделение.", valueName: "организация"))
        var unit: String?

        @Option(help: ArgumentHelp("Прошлая волна из базы для сравнения (можно несколько раз: с тремя волнами и больше справка показывает тренд).", valueName: "волна"))
        var compare: [String] = []

        @Flag(help: "Тренд по всем волнам этой анкеты (и --unit) в базе, начатым не позже --wave.")
        var trend = false

        @Option(name: .customLong("compare-file"), help: ArgumentHelp("Файл с ответами прошлой волны для сравнения (можно несколько раз).", valueName: "файл.csv"))
        var compareFile: [String] = []

        @Option(help: ArgumentHelp("Группировка для разбивки (id из groupings анкеты; можно несколько раз). Первая даёт столбцы карты дефицитов. По умолчанию — все группировки анкеты.", valueName: "группировка"))
        var by: [String] = []

        @Option(help: ArgumentHelp("Другая аудитория для сопоставления: <анкета>:<волна> из базы (можно несколько раз).", valueName: "анкета:волна"))
        var also: [String] = []

        @Option(help: ArgumentHelp("Сколько человек могли ответить (для охвата).", valueName: "число"))
        var population: Int?

        @Option(help: ArgumentHelp("Профиль организации (YAML): название, подпись, основание, контингент, шрифт.", valueName: "профиль.yaml"))
        var org: String?

        @Option(help: ArgumentHelp("Управленческие решения (YAML), отредактированные вручную. По умолчанию — decisions.yaml в папке справки, если он есть.", valueName: "решения.yaml"))
        var decisions: String?

        @Option(name: .customLong("previous-decisions"), help: ArgumentHelp("Решения прошлого периода (YAML): справка покажет, что стало с показателями, на которые они были направлены.", valueName: "решения.yaml"))
        var previousDecisions: String?

        @Option(help: ArgumentHelp("Учебный год в заголовке, например 2025/2026 (по умолчанию — по датам ответов).", valueName: "год"))
        var year: String?

        @Option(name: .customLong("min-group"), help: ArgumentHelp("Наименьший размер группы, которую можно показать.", valueName: "число"))
        var minGroup: Int = 5

        @Option(name: .shortAndLong, help: ArgumentHelp("Папка для справки (по умолчанию Results/<анкета>-<волна>).", valueName: "папка"))
        var output: String?

        @Option(help: ArgumentHelp("Что записать: all — справку и все таблицы (по умолчанию), json — только figures.json.", valueName: "формат"))
        var format: String = "all"

        @Flag(help: "Муниципальная справка по всем школам реестра (волна загружена с ingest --split-by).")
        var municipal = false

        @Flag(help: "С --municipal: записать и справку каждой школы (с муниципальным значением) в <папка>/schools/<код>/.")
        var schools = false

        @Option(help: ArgumentHelp("Показатели вне анкетирования (YAML): успеваемость, качество знаний, средний балл ОГЭ/ЕГЭ, сохранность контингента… — в карту дефицитов рядом с показателями анкеты.", valueName: "показатели.yaml"))
        var indicators: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if format != "all", format != "json" { throw ValidationError("--format ожидает all или json") }
            if municipal, !files.isEmpty { throw ValidationError("муниципальная справка строится из базы: укажите --wave без файлов") }
            if municipal, unit != nil { throw ValidationError("--municipal охватывает все школы реестра: --unit с ним не указывается") }
            if schools, !municipal { throw ValidationError("--schools работает вместе с --municipal") }
            if minGroup < 1 { throw ValidationError("--min-group должен быть не меньше 1") }
            if files.isEmpty, wave == nil { throw ValidationError("укажите --wave (волну из базы) или файлы с ответами") }
            if !files.isEmpty, !compare.isEmpty || trend { throw ValidationError("для справки из файлов прошлые волны задаются файлами: --compare-file") }
            if trend, !compare.isEmpty { throw ValidationError("укажите либо --trend (все волны из базы), либо волны через --compare") }
            if let year, Self.academicYear(year) == nil { throw ValidationError("--year ожидает учебный год вида 2025/2026") }
            for item in also where !item.contains(":") { throw ValidationError("--also ожидает <анкета>:<волна>, например objective-assessment-parents:2026") }
        }

        func run() async throws {
            try await reportingErrors {
                if municipal, let wave {
                    let profile = try org.map { try OrganizationLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) }
                    try await MunicipalReportJob(store: try await storeOptions.open(), questionnaireID: questionnaire, wave: wave, compare: compare.last,
                                           also: also, options: AnalysisOptions(minGroupSize: minGroup), profile: profile,
                                           academicYear: year.flatMap(Self.academicYear), date: Self.today(), output: output, schools: schools).run()
                    return
                }
                let store: (any SurveyStore)? = files.isEmpty || !also.isEmpty ? try await storeOptions.open() : nil
                let (definition, _) = try await loadQuestionnaire(questionnaire, store: store)
                for grouping in by where !definition.groupings.contains(where: { $0.id == grouping }) {
                    let known = definition.groupings.map(\.id).joined(separator: ", ")
                    throw ValidationError("в анкете «\(definition.id)» нет группировки «\(grouping)»" + (known.isEmpty ? "" : "; есть: \(known)"))
                }
                let options = AnalysisOptions(minGroupSize: minGroup, groupings: by.isEmpty ? nil : by)
                let current: AnalysisResult
                var history: [AnalysisResult] = []
                let waveName: String
                if files.isEmpty, let store, let wave {
                    waveName = wave
                    let stored = try await store.questionnaire(id: definition.id, version: nil)
                    current = try await analyzeStored(stored, wave: store.wave(for: stored, named: wave, unit: unit, create: false), store: store, options: options)
                    var names = compare
                    if trend {
                        names = try await store.waves().map(\.wave)
                            .filter { $0.questionnaireID == definition.id && $0.unit == (unit ?? "") && $0.name != wave }
                            .map(\.name)
                    }
                    for name in names {
                        history.append(try await analyzeStored(stored, wave: store.wave(for: stored, named: name, unit: unit, create: false), store: store, options: options))
                    }
                } else {
                    waveName = wave ?? URL(fileURLWithPath: files[0]).deletingPathExtension().lastPathComponent
                    current = try analyzeFiles(files, definition: definition, wave: wave, options: options)
                    for file in compareFile {
                        history.append(try analyzeFiles([file], definition: definition, wave: nil, options: options))
                    }
                }
                history = Self.chronological(history)
                if trend {
                    // Only the waves that started before the reported one belong to its trend.
                    history = history.filter { Self.start(of: $0) < Self.start(of: current) }
                    if history.count < 2 {
                        Console.error("Для тренда нужны три волны и больше, а в базе до волны «\(current.wave)» \(history.isEmpty ? "нет других волн" : "одна: «\(history[0].wave)»"); справка будет \(history.isEmpty ? "без сравнения" : "со сравнением с ней").")
                    }
                }
                let previous = history.last
                var others: [AnalysisResult] = []
                for item in also {
                    guard let store else { continue }
                    let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
                    let other = try await store.questionnaire(id: parts[0], version: nil)
                    others.append(try await analyzeStored(other, wave: store.wave(for: other, named: parts[1], unit: unit, create: false), store: store, options: options))
                }
                let folder = URL(fileURLWithPath: output ?? "Results/\(definition.id)-\(Self.safe(waveName))")
                let profile = try org.map { try OrganizationLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) }
                var edited: DecisionList?
                if let decisions {
                    edited = try DecisionLoader().load(contentsOf: URL(fileURLWithPath: decisions), displayPath: decisions)
                } else {
                    let draft = folder.appendingPathComponent(ReportWriter.decisionsFile)
                    if FileManager.default.fileExists(atPath: draft.path) {
                        edited = try DecisionLoader().load(contentsOf: draft, displayPath: draft.relativePath)
                        Console.error("Управленческие решения взяты из \(draft.relativePath); чтобы составить их заново по выводам, удалите этот файл.")
                    }
                }
                let previousList = try previousDecisions.map { try DecisionLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) }
                let input = ReportInput(questionnaire: definition, result: current, previous: previous, otherAudiences: others,
                                        organization: unit, population: population, mapGrouping: by.first, date: Self.today(),
                                        profile: profile, decisions: edited, previousDecisions: previousList,
                                        academicYear: year.flatMap(Self.academicYear))
                var reportInput = input
                reportInput.history = history
                reportInput.nonSurvey = try indicators.map { try NonSurveyIndicatorsLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) }
                let written = format == "json" ? try ReportWriter(reportInput).writeFigures(to: folder) : try ReportWriter(reportInput).write(to: folder)
                print("Справка «\(definition.title)», волна «\(current.wave)»: \(RussianPlural.respondent(current.respondents)).")
                for indicator in current.indicators {
                    let mark = indicator.deficit ? "  ← дефицит" : ""
                    let figure = indicator.figure.map { value -> String in
                        switch indicator.method {
                        case .positiveShare: RussianNumber.percent(value)
                        case .levelShare: RussianNumber.percent(value) + " респондентов"
                        case .meanIndex: RussianNumber.fixed(value) + " из 100"
                        case .meanScore: RussianNumber.fixed(value, digits: 2)
                        case .sum: RussianNumber.fixed(value) + " — средняя сумма баллов"
                        }
                    } ?? "—"
                    print("  \(indicator.title): \(figure) (\(indicator.level ?? "—"))\(mark)")
                }
                print("Записано в \(folder.relativePath)/: " + written.map(\.lastPathComponent).joined(separator: ", "))
            }
        }

        /// Reads files straight into the analysis; rejected rows are reported and left out.
        /// Without `--wave`, the period is named after the answers' dates (the school year), never after a file name.
        func analyzeFiles(_ paths: [String], definition: Questionnaire, wave: String?, options: AnalysisOptions) throws -> AnalysisResult {
            let label = wave ?? "анкетирование"
            var analyzer = Analyzer(questionnaire: definition, wave: unit.map { "\(label), \($0)" } ?? label, options: options)
            for path in paths {
                let reader = try ResponseReader(url: URL(fileURLWithPath: path), questionnaire: definition, displayPath: path)
                reader.computesFingerprints = false
                var rejected = 0
                // Over bytes, straight into the tallies by question position (the same rows and figures as `read`).
                try reader.readPositional(warning: { Console.error($0.description) }) { outcome in
                    switch outcome {
                    case .answers(let row): analyzer.add(answers: row.answers, submittedAt: row.submittedAt)
                    case .other(.accepted(let row)): analyzer.add(row.response)
                    case .other(.rejected(let row)):
                        rejected += 1
                        Console.error("\(path):\(row.line): строка не учтена: \(row.reasons.joined(separator: "; "))")
                    case .other(.blank): break
                    }
                }
                if rejected > 0 {
                    Console.error("\(path): предупреждение: не учтено \(RussianPlural.row(rejected)); загрузите файл через anketa ingest, чтобы получить файл отклонённых строк")
                }
            }
            var result = analyzer.finish()
            if wave == nil, let year = result.period?.first.flatMap(AcademicYear.init(containing:)) {
                result.wave = unit.map { "\(year.title), \($0)" } ?? year.title
            }
            return result
        }

        /// Waves oldest first: by the first answer's time, else by name.
        static func chronological(_ results: [AnalysisResult]) -> [AnalysisResult] {
            results.sorted { start(of: $0) < start(of: $1) }
        }

        /// When a wave started: its first answer's time, else its name (so «2024» < «2025» without dates).
        static func start(of result: AnalysisResult) -> String {
            result.period?.first ?? result.wave
        }

        /// «2025/2026» or «2025/26» → the school year starting in 2025.
        static func academicYear(_ text: String) -> AcademicYear? {
            let parts = text.split(separator: "/")
            guard parts.count == 2, let start = Int(parts[0]), start > 1900, let end = Int(parts[1]),
                  end == start + 1 || end == (start + 1) % 100 else { return nil }
            return AcademicYear(startYear: start)
        }

        static func today() -> String {
            let formatter = DateFormatter()
            formatter.dateFormat = "dd.MM.yyyy"
            formatter.locale = Locale(identifier: "ru_RU")
            return formatter.string(from: Date())
        }

        /// A wave name safe as a folder name.
        static func safe(_ name: String) -> String {
            String(name.map { "/\\:*?\"<>|".contains($0) ? "-" : $0 })
        }
    }
}
