import AnketaCore
import Foundation
import Testing

/// The package root, found from this file's path (Tests/AnketaCoreTests/<file>).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func fixture(_ name: String, _ ext: String = "yaml") throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"),
                 "fixture \(name).\(ext) is missing from the test bundle")
}

/// Every diagnostic of a definition that fails to load.
private func diagnostics(ofYAML yaml: String, file: String = "test.yaml") -> [Diagnostic] {
    let (_, diagnostics) = DefinitionLoader().check(yaml: yaml, file: file)
    return diagnostics
}

private func shippedQuestionnaires() -> [String] {
    let folder = packageRoot.appendingPathComponent("Questionnaires")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
}

@Suite("Loading good definitions")
struct GoodDefinitionTests {
    @Test("The Questionnaires folder is found and holds the shipped definitions")
    func folderIsFound() {
        #expect(shippedQuestionnaires().count >= 10, "expected the shipped questionnaires in \(packageRoot.path)/Questionnaires")
    }

    @Test("Every shipped questionnaire loads with at least 15 questions and an indicator", arguments: shippedQuestionnaires())
    func shippedDefinitionLoads(_ name: String) throws {
        let url = packageRoot.appendingPathComponent("Questionnaires").appendingPathComponent(name)
        let questionnaire: Questionnaire
        do {
            questionnaire = try DefinitionLoader().load(contentsOf: url, displayPath: "Questionnaires/\(name)")
        } catch let error as DiagnosticsError {
            Issue.record("\(name) does not load:\n\(error.description)")
            return
        }
        #expect(questionnaire.id + ".yaml" == name, "id should match the file name")
        #expect(questionnaire.version >= 1)
        #expect(!questionnaire.title.isEmpty)
        #expect(questionnaire.questions.count >= 15)
        #expect(questionnaire.indicators.count >= 1)
        // A loaded questionnaire is valid: every reference resolves.
        for question in questionnaire.questions {
            #expect(questionnaire.sections.contains { $0.id == question.section }, "\(question.id) has an unknown section")
            if question.kind.isChoice {
                #expect(questionnaire.scale(of: question) != nil, "\(question.id) has no scale")
            }
        }
        for indicator in questionnaire.indicators {
            #expect(!indicator.items.isEmpty)
            #expect(!indicator.levels.isEmpty)
            for item in indicator.items {
                #expect(questionnaire.question(item.question)?.kind == .single, "\(indicator.id): \(item.question)")
            }
        }
        // No warnings either.
        let text = try String(contentsOf: url, encoding: .utf8)
        let (_, all) = DefinitionLoader().check(yaml: text, file: name)
        #expect(all.isEmpty, "\(all.map(\.description))")
    }

    @Test("The mini fixture loads into the expected model")
    func miniLoads() throws {
        let questionnaire = try DefinitionLoader().load(contentsOf: try fixture("mini"))
        #expect(questionnaire.id == "mini")
        #expect(questionnaire.audience == .parents)
        #expect(questionnaire.questions.map(\.id) == ["q1", "q2", "q3", "sources", "hours", "class", "comment"])
        #expect(questionnaire.questions.map(\.kind) == [.single, .single, .single, .multiple, .number, .shortText, .longText])
        let q1 = try #require(questionnaire.question("q1"))
        #expect(q1.grid == "Насколько вы удовлетворены")
        #expect(q1.header == "Насколько вы удовлетворены [Питанием в школе]")
        #expect(q1.required)
        #expect(questionnaire.question("class")?.required == false, "text questions default to not required")
        let hours = try #require(questionnaire.question("hours"))
        #expect(hours.min == 0 && hours.max == 12)
        let scale = try #require(questionnaire.scales["sat4"])
        #expect(scale.options.map(\.code) == ["4", "3", "2", "1"])
        #expect(scale.noAnswer == ["Затрудняюсь ответить"])
        #expect(scale.scoreRange == 0...3)
        #expect(questionnaire.scales["sources"]?.options[1].label == "Родительский чат, мессенджеры")
        let comfort = try #require(questionnaire.indicators.first)
        #expect(comfort.method == .positiveShare)
        #expect(comfort.items == [.init(question: "q1"), .init(question: "q2"), .init(question: "q3", weight: 2)])
        #expect(comfort.levels.map(\.from) == [80, 60, 0])
        #expect(comfort.levels.last?.deficit == true)
        #expect(comfort.level(for: 79.99)?.name == "средний")
        #expect(comfort.level(for: 80)?.name == "высокий")
    }
}

@Suite("Reporting bad definitions")
struct BadDefinitionTests {
    /// The diagnostics of Fixtures/bad.yaml, each expected at its line and column with its key path.
    @Test("Every problem of a file is reported at once, with line:column and key path")
    func allProblemsAtOnce() throws {
        let url = try fixture("bad")
        let error = try #require(throws: DiagnosticsError.self) {
            try DefinitionLoader().load(contentsOf: url, displayPath: "bad.yaml")
        }
        let found = error.diagnostics.filter { $0.severity == .error }
        func expectOne(line: Int, column: Int, path: String, containing text: String,
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            let matches = found.filter { $0.path == path && $0.message.contains(text) }
            #expect(matches.count == 1, "no single diagnostic «\(text)» at \(path); got:\n\(error.description)",
                    sourceLocation: sourceLocation)
            guard let match = matches.first else { return }
            #expect(match.location == AnketaCore.SourceLocation(file: "bad.yaml", line: line, column: column),
                    "«\(text)»", sourceLocation: sourceLocation)
            #expect(match.description.hasPrefix("bad.yaml:\(line):\(column): ошибка: \(path): "), sourceLocation: sourceLocation)
        }
        expectOne(line: 18, column: 12, path: "questions[0] (q1).scale", containing: "неизвестная шкала «agree7»")
        expectOne(line: 19, column: 9, path: "questions[1] (q1).id", containing: "вопрос «q1» уже объявлен")
        expectOne(line: 24, column: 5, path: "questions[2] (q3).section", containing: "не отнесён ни к одному разделу")
        expectOne(line: 28, column: 5, path: "questions[2].reqired", containing: "неизвестный ключ «reqired»")
        expectOne(line: 33, column: 16, path: "indicators[0] (empty).questions", containing: "нет вопросов")
        expectOne(line: 43, column: 31, path: "indicators[1] (order).levels[1].from", containing: "не по убыванию")
        #expect(found.count == 6, "unexpected extra diagnostics:\n\(error.description)")

        let unknownKey = try #require(found.first { $0.path == "questions[2].reqired" })
        #expect(unknownKey.hint?.contains("«required»") == true, "did-you-mean hint: \(unknownKey.hint ?? "nil")")
        let unknownScale = try #require(found.first { $0.path == "questions[0] (q1).scale" })
        #expect(unknownScale.hint?.contains("sat4") == true, "the hint lists the declared scales")
    }

    @Test("A YAML syntax error is reported with its position")
    func syntaxError() throws {
        let url = try fixture("syntax-error")
        let error = try #require(throws: DiagnosticsError.self) {
            try DefinitionLoader().load(contentsOf: url, displayPath: "syntax-error.yaml")
        }
        #expect(error.diagnostics.count == 1)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("ошибка синтаксиса YAML"))
        #expect(diagnostic.location.file == "syntax-error.yaml")
        // The quote opened on line 3, column 8 is never closed: the scanner gives up at the end of the
        // file (line 6), and the message says where the quoted text began.
        #expect(diagnostic.location == AnketaCore.SourceLocation(file: "syntax-error.yaml", line: 6, column: 1))
        #expect(diagnostic.message.contains("строка 3, столбец 8"), "\(diagnostic.message)")
        #expect(diagnostic.description.hasPrefix("syntax-error.yaml:6:1: ошибка: ошибка синтаксиса YAML"))
    }

    @Test("Bad indentation is reported at the offending line")
    func indentationError() throws {
        let yaml = "id: x\nversion: 1\ntitle: T\n  audience: parents\n"
        let found = diagnostics(ofYAML: yaml)
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("ошибка синтаксиса YAML") == true)
        #expect(found.first?.location.line == 4, "\(found.map(\.description))")
        #expect(found.first?.location.column == 11, "at the colon after «audience»")
    }

    @Test("An unknown top-level key gets a did-you-mean hint at its position")
    func unknownTopLevelKey() throws {
        let url = try fixture("mini")
        let yaml = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\nindicators:", with: "\nindicatrs:")
        let found = diagnostics(ofYAML: yaml)
        let diagnostic = try #require(found.first { $0.path == "indicatrs" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.hint == "может быть, имелось в виду «indicators»?")
        let line = yaml.components(separatedBy: "\n").firstIndex(of: "indicatrs:").map { $0 + 1 }
        #expect(diagnostic.location.line == line)
        #expect(diagnostic.location.column == 1)
    }

    @Test("A far-off unknown key lists the allowed keys instead")
    func unknownKeyWithoutSuggestion() {
        let yaml = "id: x\nversion: 1\ntitle: T\naudience: parents\nscales: {}\nsections: []\nquestions: []\nzzzzzzzzzzzz: 1\n"
        let diagnostic = diagnostics(ofYAML: yaml).first { $0.path == "zzzzzzzzzzzz" }
        #expect(diagnostic?.hint?.hasPrefix("допустимые ключи: ") == true)
        #expect(diagnostic?.location.line == 8)
    }

    @Test("Missing required keys are reported, not crashed on")
    func missingKeys() {
        let found = diagnostics(ofYAML: "title: T\n")
        let messages = found.map(\.message)
        for key in ["id", "version", "audience", "scales", "sections", "questions"] {
            #expect(messages.contains { $0.contains("«\(key)»") }, "missing \(key): \(messages)")
        }
    }

    @Test("An empty file is an error with a hint")
    func emptyFile() {
        let found = diagnostics(ofYAML: "")
        #expect(found.count == 1)
        #expect(found.first?.message == "файл пуст")
        #expect(found.first?.location.line == 1)
    }

    @Test("A file that cannot be read is a diagnostic naming the file")
    func unreadableFile() throws {
        let error = try #require(throws: DiagnosticsError.self) {
            try DefinitionLoader().load(contentsOf: URL(fileURLWithPath: "/nonexistent/nothing.yaml"), displayPath: "nothing.yaml")
        }
        #expect(error.description.hasPrefix("nothing.yaml: ошибка: не удалось прочитать файл"))
    }

    @Test("Diagnostics render compiler-style with hints on their own line")
    func diagnosticDescription() {
        let diagnostic = Diagnostic(at: AnketaCore.SourceLocation(file: "a.yaml", line: 3, column: 7), path: "questions[0].scale",
                                    "неизвестная шкала", hint: "объявите её")
        #expect(diagnostic.description == "a.yaml:3:7: ошибка: questions[0].scale: неизвестная шкала\n  подсказка: объявите её")
        let warning = Diagnostic(.warning, at: AnketaCore.SourceLocation(file: "a.yaml"), "пусто")
        #expect(warning.description == "a.yaml: предупреждение: пусто")
    }
}
