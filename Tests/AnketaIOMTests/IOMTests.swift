import AnketaAnalysis
import AnketaCore
import AnketaDocument
import AnketaIOM
import AnketaTestSupport
import Foundation
import Testing

private func builder() throws -> ProfileBuilder {
    try ProfileBuilder(try NamedSurvey.questionnaire(anonymous: false))
}

private func profile(_ index: Int) throws -> TeacherProfile {
    guard case .profile(let profile) = try builder().profile(NamedSurvey.responses[index], source: "строка \(index + 2)") else {
        Issue.record("no profile for response \(index)")
        throw CancellationError()
    }
    return profile
}

/// The text of a DOCX's main part.
private func documentXML(_ data: Data) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iom-docx-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("x.docx")
    try data.write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
    process.arguments = ["-p", file.path, "word/document.xml"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: output, as: UTF8.self)
}

@Suite("Individual profiles (ИОМ)")
struct IOMTests {
    @Test("An anonymous questionnaire, or a named one without the name question, gets no profiles")
    func refusals() throws {
        #expect(throws: IOMError.self) { try ProfileBuilder(try NamedSurvey.questionnaire(anonymous: true)) }
        var named = try NamedSurvey.questionnaire(anonymous: false)
        named.respondent = nil
        let error = try #require(throws: IOMError.self) { try ProfileBuilder(named) }
        #expect(error.description.contains("respondent"))
        let anonymousError = try #require(throws: IOMError.self) { try ProfileBuilder(try NamedSurvey.questionnaire(anonymous: true)) }
        #expect(anonymousError.description.contains("анонимная"))
    }

    @Test("Without consent or without a name there is no profile, and the reason says which row")
    func skipped() throws {
        let builder = try builder()
        #expect(builder.profile(NamedSurvey.responses[2], source: "строка 4") == .skipped("строка 4: Сидорова Мария — нет согласия на составление профиля, профиль не составлен"))
        var noName = NamedSurvey.responses[0]
        noName["who"] = .text("   ")
        #expect(builder.profile(noName, source: "строка 9") == .skipped("строка 9: не указано имя — профиль не составлен"))
        var noConsentAnswer = NamedSurvey.responses[0]
        noConsentAnswer["ok"] = nil
        guard case .skipped = builder.profile(noConsentAnswer, source: "строка 5") else {
            Issue.record("a blank consent is no consent")
            return
        }
    }

    @Test("Deficits, weak skills and the route row; the teacher's preferred form wins when the route offers it")
    func routeRows() throws {
        let first = try profile(0)
        #expect(first.name == "Иванова Анна Петровна")
        #expect(first.position == "Директор")
        #expect(first.deficits == [.init(title: "Показатель Б", skills: ["Установка один", "Установка два"])])
        // Б offers visits only: the preferred mentoring cannot be used.
        #expect(first.route == [.init(topic: "Тема Б", form: "Взаимопосещение уроков", term: "в течение учебного года", result: "—")])

        let second = try profile(1)
        #expect(second.deficits.map(\.title) == ["Показатель А"])
        // А offers courses, then mentoring; the teacher prefers mentoring.
        #expect(second.route == [.init(topic: "Тема А", form: "Наставничество", term: "I полугодие", result: "Результат А")])
    }

    @Test("Without deficits the route takes the indicators below the top level; at the top level, sharing experience")
    func noDeficits() throws {
        let builder = try builder()
        var middle = NamedSurvey.responses[0]
        middle["b1"] = .option("partial")   // б = 0,5: средний
        guard case .profile(let p) = builder.profile(middle, source: "x") else { Issue.record("no profile"); return }
        #expect(p.deficits.isEmpty)
        #expect(p.route.map(\.topic) == ["Тема Б"])

        var top = NamedSurvey.responses[0]
        for id in ["a1", "a2", "b1", "b2"] { top[id] = .option("full") }
        guard case .profile(let best) = builder.profile(top, source: "x") else { Issue.record("no profile"); return }
        #expect(best.route.count == 1)
        #expect(best.route[0].topic.hasPrefix("Обобщение и распространение опыта"))
        #expect(best.route[0].form.contains("наставника"))
    }

    @Test("The one-page document: who, results, deficits, the route table, signatures; markup in a name stays text")
    func document() throws {
        let questionnaire = try NamedSurvey.questionnaire(anonymous: false)
        let composer = IOMComposer(questionnaire: questionnaire, organizationName: "МБОУ «Школа № 1»", wave: "2026", date: "01.10.2026")
        let document = composer.compose(try profile(1))
        #expect(document.preamble == ["МБОУ «Школа № 1»"])
        let tables = document.blocks.compactMap { block -> Table? in if case .table(let t) = block { return t } else { return nil } }
        #expect(tables.count == 2)
        #expect(tables[0].rows.map { $0.map(\.text) } == [["Показатель А", "0,00", "низкий"], ["Показатель Б", "0,75", "высокий"]])
        #expect(tables[0].rows[0][2].tone == .poor)
        #expect(tables[1].header == ["№", "Тема", "Форма", "Срок", "Результат"])
        let markdown = MarkdownRenderer().render(document)
        #expect(markdown.contains("Проект индивидуального образовательного маршрута"))
        let xml = try documentXML(try DOCXRenderer().render(document))
        #expect(xml.contains("Петров &lt;b&gt;&amp; Co&lt;/b&gt;"))
        #expect(!xml.contains("<b>& Co"))
        let html = HTMLRenderer().render(document)
        #expect(!html.contains("<b>& Co</b>"))
    }

    @Test("The folder is written whole: all profiles or the previous folder untouched; repeated names stay apart")
    func folder() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("iom-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let target = base.appendingPathComponent("profiles")
        let questionnaire = try NamedSurvey.questionnaire(anonymous: false)
        let composer = IOMComposer(questionnaire: questionnaire, wave: "2026", date: "01.10.2026")
        let document = composer.compose(try profile(0))
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target.appendingPathComponent("ИОМ — Старый.docx"))

        let written = try IOMFolder(target).write([("Иванова Анна", document), ("иванова анна", document), ("../Петров: А/Б", document)])
        #expect(written.map(\.lastPathComponent) == ["ИОМ — Иванова Анна.docx", "ИОМ — иванова анна (2).docx", "ИОМ — -Петров- А-Б.docx"])
        let names = try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
        #expect(names == written.map(\.lastPathComponent).sorted(), "the old profile is gone, nothing else is there")
        #expect(try FileManager.default.contentsOfDirectory(atPath: base.path) == ["profiles"], "no staging folder is left")
        for file in written { #expect(try Data(contentsOf: file).prefix(2) == Data("PK".utf8)) }
    }

    @Test("A folder that cannot be written is an error that says where, and nothing is left behind")
    func unwritable() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("iom-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let blocker = base.appendingPathComponent("file")
        try Data().write(to: blocker)
        let composer = IOMComposer(questionnaire: try NamedSurvey.questionnaire(anonymous: false), wave: "2026", date: "01.10.2026")
        let error = try #require(throws: IOMError.self) {
            try IOMFolder(blocker.appendingPathComponent("profiles")).write([("А", composer.compose(try profile(0)))])
        }
        #expect(error.description.contains("profiles"))
    }
}
