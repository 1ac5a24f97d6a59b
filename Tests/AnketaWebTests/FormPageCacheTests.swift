@testable import AnketaWeb
import Foundation
import Testing

/// The form's first page is rendered once per run and then only filled in with each showing's tokens.
@Suite("Form page cache")
struct FormPageCacheTests {
    /// The page with its visitor token and form token blanked, to compare two showings.
    static func skeleton(_ page: Page) -> String {
        var text = page.text
        for value in [page.csrf, page.formToken].compactMap({ $0 }) { text = text.replacingOccurrences(of: value, with: "•") }
        return text
    }

    @Test("every showing of a cached form gets fresh tokens in an otherwise identical page, and both forms can be sent")
    func freshTokens() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let first = Browser(client: browser.client), second = Browser(client: browser.client)
            let a = try await first.get(run.path), b = try await second.get(run.path), c = try await first.get(run.path)
            #expect(a.status == .ok && b.status == .ok && c.status == .ok)
            let tokens = [a.formToken, b.formToken, c.formToken].compactMap { $0 }
            #expect(Set(tokens).count == 3)
            #expect(a.csrf == first.cookies["anketa_csrf"] && c.csrf == a.csrf)
            #expect(b.csrf == second.cookies["anketa_csrf"] && b.csrf != a.csrf)
            #expect(Self.skeleton(a) == Self.skeleton(b) && Self.skeleton(b) == Self.skeleton(c))
            #expect(a.text.count(of: a.formToken ?? "-") == 1)
            let sent = try await second.post(run.path, b.tokenFields + validAnswers)
            #expect(sent.status == .seeOther)
            let again = try await first.post(run.path, c.tokenFields + validAnswers)
            #expect(again.status == .seeOther)
            #expect(try fixture.responses(run: run.id).count == 2)
        }
    }

    @Test("a skeleton is kept only when every slot is there exactly once; values are escaped as Mustache does")
    func slots() throws {
        let cache = FormPageCache(capacity: 2)
        let m = cache.markers
        let key = FormPageCache.Key(slug: "s", questionnaireID: "q", version: 1, requiresCode: true)
        #expect(cache.store("<p>\(m.csrf)</p>", for: key) == nil)  // token and code missing
        #expect(cache.store("\(m.csrf) \(m.token) \(m.code) \(m.token)", for: key) == nil)  // token twice
        #expect(cache[key] == nil)
        let skeleton = try #require(cache.store("<i>\(m.token)</i><b>\(m.csrf)</b><u>\(m.code)</u>", for: key))
        #expect(skeleton.filled(csrf: "c1", token: "t1", code: "A<&\"'>") == "<i>t1</i><b>c1</b><u>A&lt;&amp;&quot;&#39;&gt;</u>")
        #expect(cache[key]?.filled(csrf: "c2", token: "t2", code: "X") == "<i>t2</i><b>c2</b><u>X</u>")
        let plain = FormPageCache.Key(slug: "s", questionnaireID: "q", version: 1, requiresCode: false)
        #expect(cache.store("\(m.csrf)\(m.token)\(m.code)", for: plain) == nil)  // a code slot in a run without codes
        #expect(cache.store("[\(m.csrf)|\(m.token)]", for: plain)?.filled(csrf: "a", token: "b", code: nil) == "[a|b]")
        // Another version of the questionnaire is another page.
        #expect(cache[FormPageCache.Key(slug: "s", questionnaireID: "q", version: 2, requiresCode: false)] == nil)
    }
}
