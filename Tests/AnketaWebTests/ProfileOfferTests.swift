import AnketaCore
import Foundation
import Testing

@Suite("The thank-you page of a named PD self-assessment offers the teacher's own ИОМ profile")
struct ProfileOfferTests {
    static let definitionURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Questionnaires/teachers-professional-deficits-named.yaml")

    /// Every question answered: the first option, a name, a position, consent as given.
    static func answers(_ questionnaire: Questionnaire, consent: Bool) -> [(String, String)] {
        questionnaire.questions.compactMap { question -> (String, String)? in
            switch question.kind {
            case .single, .multiple:
                guard let scale = questionnaire.scale(of: question) else { return nil }
                if question.id == questionnaire.respondent?.consent {
                    return scale.options.first { ($0.positive == true) == consent }.map { (question.id, $0.code) }
                }
                // Low answers, so the profile has deficits to route.
                return scale.options.last.map { (question.id, $0.code) }
            case .number: return (question.id, "1")
            case .shortText: return (question.id, question.id == questionnaire.respondent?.name ? "Иванова <b>Анна</b> Петровна" : "учитель")
            case .longText: return nil
            }
        }
    }

    @Test("consent: a DOCX profile inside the page, named after the teacher (escaped); no consent: the usual thanks")
    func offer() async throws {
        let fixture = try Fixture()
        let source = try String(contentsOf: Self.definitionURL, encoding: .utf8)
        try source.write(to: fixture.folder.appendingPathComponent("named.yaml"), atomically: true, encoding: .utf8)
        let questionnaire = try DefinitionLoader().load(yaml: source, file: "named.yaml")
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, questionnaire: questionnaire.id)
            let teacher = Browser(client: browser.client)
            let page = try await teacher.answer(run.path, Self.answers(questionnaire, consent: true))
            #expect(page.status == .ok)
            expectContains(page.text, "Скачать профиль и проект ИОМ (DOCX)")
            expectLacks(page.text, "<b>Анна</b>")
            let prefix = "data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,"
            let start = try #require(page.text.range(of: prefix))
            let base64 = page.text[start.upperBound...].prefix { $0 != "\"" }
            let docx = try #require(Data(base64Encoded: String(base64)))
            #expect(docx.prefix(2) == Data("PK".utf8))

            let other = Browser(client: browser.client)
            let plain = try await other.answer(run.path, Self.answers(questionnaire, consent: false))
            #expect(plain.status == .seeOther)
        }
    }
}
