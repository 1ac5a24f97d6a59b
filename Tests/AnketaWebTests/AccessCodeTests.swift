import AnketaStore
import AnketaWeb
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@Suite("Access codes")
struct AccessCodeTests {
    @Test("a coded run asks for the code, refuses wrong ones, spends a code once")
    func codeFlow() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, codes: true)
            let codes = try fixture.store.codes(run: run.id)
            #expect(codes.count == 30)
            #expect(codes.allSatisfy { $0.code.count == 9 && !$0.used })
            let code = codes[0].code
            let respondent = Browser(client: browser.client)

            // Without a code: the code entry page, no form.
            let entry = try await respondent.get(run.path)
            #expect(entry.status == .ok)
            expectContains(entry.text, "<form method=\"get\" action=\"\(run.path)\"")
            expectContains(entry.text, "name=\"code\"")
            expectLacks(entry.text, "name=\"q1\"")
            expectContains(try await respondent.get("\(run.path)?code=").text, "name=\"code\"")

            // A wrong code.
            let wrong = try await respondent.get("\(run.path)?code=AAAA-BBBB")
            #expect(wrong.status == .forbidden)
            expectContains(wrong.text, "Код не подходит")
            expectContains(wrong.text, "value=\"AAAA-BBBB\"")
            expectLacks(wrong.text, "name=\"q1\"")

            // A valid code (typed in lower case with spaces) shows the form carrying the code.
            let form = try await respondent.get("\(run.path)?code=+\(code.lowercased())+")
            #expect(form.status == .ok)
            expectContains(form.text, "name=\"q1\"")
            #expect(form.field("code") == code)

            // A POST without the code, or with a wrong one, is refused.
            let noCode = try await respondent.post(run.path, form.tokenFields + validAnswers)
            #expect(noCode.status == .forbidden)
            let badCode = try await respondent.post(run.path, form.tokenFields + [("code", "AAAA-BBBB")] + validAnswers)
            #expect(badCode.status == .forbidden)
            #expect(try fixture.responses(run: run.id).isEmpty)

            // An invalid form keeps the code in the re-rendered form.
            let invalid = try await respondent.post(run.path, form.tokenFields + [("code", code)])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.field("code") == code)
            #expect(try fixture.store.codes(run: run.id)[0].used == false)

            // Submitting with the code stores the response and spends the code.
            let sent = try await respondent.post(run.path, form.tokenFields + [("code", code)] + validAnswers)
            #expect(sent.status == .seeOther)
            #expect(try fixture.responses(run: run.id).count == 1)
            let after = try fixture.store.codes(run: run.id)
            #expect(after.first { $0.code == code }?.used == true)
            #expect(after.filter(\.used).count == 1)

            // Reusing it: GET and POST are both refused.
            let again = try await respondent.get("\(run.path)?code=\(code)")
            #expect(again.status == .forbidden)
            expectLacks(again.text, "name=\"q1\"")
            // The same form sent again is a repeat; the code is not spent twice either way.
            let repost = try await respondent.post(run.path, form.tokenFields + [("code", code)] + validAnswers)
            #expect(repost.status == .ok)
            expectContains(repost.text, "Ваши ответы уже получены")
            expectLacks(repost.text, "Заполнить анкету заново")
            #expect(try fixture.responses(run: run.id).count == 1)

            // The codes page lists only unused codes.
            let slips = try await browser.get("/admin/runs/\(run.id)/codes")
            #expect(slips.status == .ok)
            #expect(slips.text.count(of: "<div class=\"code\">") == 29)
            expectLacks(slips.text, code)
            for unused in after.filter({ !$0.used }) { expectContains(slips.text, ">\(unused.code)</div>") }
            expectContains(slips.text, "https://anketa.test\(run.path)")
            let runPage = try await browser.get("/admin/runs/\(run.id)")
            expectContains(runPage.text, "Коды доступа (29 свободно из 30)")
        }
    }

    @Test("a code typed with spaces, in lower case or without the dash still opens the form", arguments: [
        "+%@+", "%@", "%@+", "%@%20", "%L", "%S", "%N",
    ])
    func typedCode(pattern: String) async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), codes: true)
            let code = try fixture.store.codes(run: run.id)[0].code
            let typed = pattern.replacingOccurrences(of: "%@", with: code)
                .replacingOccurrences(of: "%L", with: code.lowercased())
                .replacingOccurrences(of: "%S", with: code.replacingOccurrences(of: "-", with: "+"))  // «ABCD EFGH» from a GET form
                .replacingOccurrences(of: "%N", with: code.replacingOccurrences(of: "-", with: ""))
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get("\(run.path)?code=\(typed)")
            #expect(form.status == .ok, "code typed as \(typed)")
            #expect(form.field("code") == code)
            // The POSTed code is normalized the same way.
            let sent = try await respondent.post(run.path, form.tokenFields + [("code", " \(code.lowercased()) ")] + validAnswers)
            #expect(sent.status == .seeOther)
            #expect(try fixture.store.codes(run: run.id)[0].used)
        }
    }

    @Test("a code of another run does not open this one")
    func codeOfAnotherRun() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let first = try await browser.createRun(csrf: csrf, wave: "первая", codes: true)
            let second = try await browser.createRun(csrf: csrf, wave: "вторая", codes: true)
            let foreign = try fixture.store.codes(run: first.id)[0].code
            let respondent = Browser(client: browser.client)
            #expect(try await respondent.get("\(second.path)?code=\(foreign)").status == .forbidden)
            let form = try await respondent.get("\(first.path)?code=\(foreign)")
            let post = try await respondent.post(second.path, form.tokenFields + [("code", foreign)] + validAnswers)
            #expect(post.status == .forbidden)
            #expect(try fixture.responses(run: second.id).isEmpty)
            #expect(try fixture.store.codes(run: first.id)[0].used == false)
        }
    }

    @Test("when every code is spent the codes page says so")
    func noFreeCodes() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let run = try await browser.createRun(csrf: csrf, codes: true)
            let respondent = Browser(client: browser.client)
            for code in try fixture.store.codes(run: run.id).map(\.code) {
                #expect(try await respondent.answer(run.path, validAnswers, code: code).status == .seeOther)
            }
            let slips = try await browser.get("/admin/runs/\(run.id)/codes")
            expectContains(slips.text, "Свободных кодов нет")
            #expect(try fixture.responses(run: run.id).count == 30)
        }
    }
}
