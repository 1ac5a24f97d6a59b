import Foundation
import Testing

/// The instruments added for issue 13, run through `anketa` on their shipped samples.
@Suite("anketa iom and the shipped instruments")
struct InstrumentsCLITests {
    func workspace(with names: [String]) throws -> Workspace {
        let workspace = try Workspace()
        for name in names {
            let folder = name.hasSuffix(".yaml") ? "Questionnaires" : "Samples"
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("\(folder)/\(name)"), to: workspace.url(name))
        }
        return workspace
    }

    @Test("Every shipped questionnaire passes anketa validate")
    func validateAll() throws {
        let folder = packageRoot.appendingPathComponent("Questionnaires")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 16)
        let workspace = try self.workspace(with: names)
        let result = try workspace.run(["validate"] + names, useDB: false)
        #expect(result.status == 0, "\(result)")
    }

    @Test("anketa iom: one DOCX per consenting named teacher, the others explained; a second run replaces the folder")
    func iomFromSample() throws {
        let definition = "teachers-professional-deficits-named.yaml", answers = "teachers-professional-deficits-named-2026.csv"
        let workspace = try self.workspace(with: [definition, answers])
        let result = try workspace.run(["iom", definition, answers, "--wave", "2026", "-o", "iom"], useDB: false)
        #expect(result.status == 0, "\(result)")
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.url("iom").path).sorted()
        #expect(files.count == 16, "\(files)")
        #expect(files.allSatisfy { $0.hasPrefix("ИОМ — ") && $0.hasSuffix(".docx") })
        #expect(result.stdout.contains("16\u{A0}профилей"), "\(result)")  // RussianPlural binds the number with a no-break space
        #expect(result.stderr.contains("нет согласия на составление профиля"), "\(result)")
        #expect(result.stderr.contains("не указано имя"), "\(result)")
        #expect(result.stderr.contains("\(answers):"), "the reason names the file and line")

        try Data("stale".utf8).write(to: workspace.url("iom/ИОМ — старый.docx"))
        let again = try workspace.run(["iom", definition, answers, "--wave", "2026", "-o", "iom"], useDB: false)
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.url("iom").path).sorted() == files)
    }

    @Test("anketa iom refuses an anonymous questionnaire and writes nothing")
    func iomRefusesAnonymous() throws {
        let workspace = try self.workspace(with: ["teachers-professional-deficits.yaml", "teachers-professional-deficits-2026.csv"])
        let result = try workspace.run(["iom", "teachers-professional-deficits.yaml", "teachers-professional-deficits-2026.csv", "-o", "iom"], useDB: false)
        #expect(result.status == 1)
        #expect(result.stderr.contains("анонимная"), "\(result)")
        #expect(!workspace.exists("iom"))
    }

    @Test("The management team's ВСОКО self-assessment (4 members) is reported with its figures and the note")
    func vsokoReported() throws {
        let workspace = try self.workspace(with: ["administration-vsoko.yaml", "administration-vsoko-2026.csv"])
        let result = try workspace.run(["report", "administration-vsoko.yaml", "administration-vsoko-2026.csv", "-o", "out"], useDB: false)
        #expect(result.status == 0, "\(result)")
        let md = String(decoding: try workspace.bytes("out/spravka.md"), as: UTF8.self)
        #expect(md.contains("Анкетирование неанонимное"))
        #expect(!md.contains("результаты не приводятся"))
        #expect(result.stdout.contains("Нормативная база ВСОКО: "), "\(result)")
    }

    @Test("Each new instrument's sample becomes a справка", arguments: [
        ("teachers-pd-programme.yaml", "teachers-pd-programme-2026.csv"),
        ("teachers-seminar-evaluation.yaml", "teachers-seminar-evaluation-2026.csv"),
        ("lesson-observation.yaml", "lesson-observation-2026.csv"),
        ("assessment-materials-expertise.yaml", "assessment-materials-expertise-2026.csv"),
        ("teachers-innovation-readiness.yaml", "teachers-innovation-readiness-2026.csv"),
        ("teachers-professional-deficits.yaml", "teachers-professional-deficits-2026.csv"),
    ])
    func samplesReport(definition: String, answers: String) throws {
        let workspace = try self.workspace(with: [definition, answers])
        let result = try workspace.run(["report", definition, answers, "-o", "out"], useDB: false)
        #expect(result.status == 0, "\(result)")
        #expect(!result.stderr.contains("строка не учтена"), "the sample is clean: \(result.stderr)")
        let md = String(decoding: try workspace.bytes("out/spravka.md"), as: UTF8.self)
        #expect(md.contains("Выводы"))
        #expect(!md.contains("результаты не приводятся"))
    }
}
