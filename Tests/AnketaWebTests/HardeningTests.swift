import AnketaStore
@testable import AnketaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import Logging
import Testing
import AnketaTestSupport

@Suite("Form tokens are issued and signed by the server")
struct FormTokenTests {
    @Test("a token is 64 hex digits; only tokens this key signed are valid; a changed digit is not")
    func signing() {
        let tokens = FormTokens(keyHex: String(repeating: "ab", count: 32))
        let token = tokens.issue()
        #expect(token.count == 64)
        #expect(tokens.isValid(token))
        #expect(tokens.issue() != token)
        let other = FormTokens(keyHex: String(repeating: "cd", count: 32))
        #expect(!other.isValid(token))
        var flipped = Array(token)
        flipped[40] = flipped[40] == "0" ? "1" : "0"
        #expect(!tokens.isValid(String(flipped)))
        for forged in ["abc", "", String(repeating: "a", count: 64), String(repeating: "x", count: 60_000), token.uppercased(), token + "0"] {
            #expect(!tokens.isValid(forged), "\(forged.prefix(70))")
        }
    }

    @Test("an equal cookie and field «abc», or a forged 64-digit pair, no longer pass; a served token does")
    func forgedPairRefused() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            for forged in ["abc", String(repeating: "0", count: 64), String(repeating: "y", count: 60_000)] {
                let visitor = Browser(client: browser.client)
                visitor.cookies["anketa_csrf"] = forged
                let page = try await visitor.post(run.path, [("csrf", forged)] + validAnswers)
                #expect(page.status == .forbidden)
                expectContains(page.text, "Форма устарела")
                // The form page replaces a token it did not issue.
                let form = try await visitor.get(run.path)
                #expect(form.setCookie("anketa_csrf") != nil)
                #expect(form.csrf != forged)
            }
            #expect(try fixture.responses(run: run.id).isEmpty)
            #expect(try await Browser(client: browser.client).answer(run.path, validAnswers).status == .seeOther)
        }
    }

    @Test("the signing key is kept in the store: a form opened before a restart is accepted after it")
    func keySurvivesRestart() async throws {
        let fixture = try Fixture()
        let opened = TokenBox()
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn())
            let respondent = Browser(client: browser.client)
            let form = try await respondent.get(run.path)
            opened.set(path: run.path, token: form.csrf ?? "", form: form.formToken ?? "")
        }
        try await fixture.test { browser in
            browser.cookies["anketa_csrf"] = opened.token
            let page = try await browser.post(opened.path, [("csrf", opened.token), ("form", opened.form)] + validAnswers)
            #expect(page.status == .seeOther)
        }
    }
}

private final class TokenBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values = ("", "", "")
    func set(path: String, token: String, form: String) { lock.withLock { values = (path, token, form) } }
    var path: String { lock.withLock { values.0 } }
    var token: String { lock.withLock { values.1 } }
    var form: String { lock.withLock { values.2 } }
}

@Suite("Rate limiter memory")
struct RateLimiterTests {
    @Test("refused hits add nothing; a key holds at most `limit` times")
    func refusedAddNothing() async {
        let limiter = RateLimiter(perMinute: 2, capacity: 100)
        let now = Date()
        #expect(await limiter.allow("a", now: now))
        #expect(await limiter.allow("a", now: now))
        for _ in 0..<1_000 { #expect(!(await limiter.allow("a", now: now))) }
        #expect(await limiter.keyCount == 1)
        // A minute later the key may submit again.
        #expect(await limiter.allow("a", now: now.addingTimeInterval(61)))
    }

    @Test("at most `capacity` keys are held, whatever the number of clients (property over random key streams)")
    func capacityBound() async {
        var generator = SeededRandom(seed: 20261202)
        for round in 0..<5 {
            let capacity = Int.random(in: 10...500, using: &generator)
            let limiter = RateLimiter(perMinute: Int.random(in: 1...5, using: &generator), capacity: capacity)
            var now = Date(timeIntervalSince1970: 1_800_000_000)
            for _ in 0..<(capacity * 4) {
                now.addTimeInterval(Double.random(in: 0...0.5, using: &generator))
                _ = await limiter.allow(String(UInt64.random(in: 0...UInt64(capacity * 3), using: &generator)), now: now)
                #expect(await limiter.keyCount <= capacity, "round \(round)")
            }
        }
    }

    @Test("allows exactly what a sliding minute of the last `limit` hits allows (property against a plain model over random streams)")
    func slidingWindowModel() async {
        var generator = SeededRandom(seed: 20261203)
        for round in 0..<20 {
            let limit = Int.random(in: 1...(round < 10 ? 5 : 200), using: &generator)
            let limiter = RateLimiter(perMinute: limit, capacity: 1_000)
            var model: [String: [Date]] = [:]
            var now = Date(timeIntervalSince1970: 1_800_000_000)
            let keys = (0..<Int.random(in: 1...4, using: &generator)).map { "key-\($0)" }
            for step in 0..<2_000 {
                now.addTimeInterval(Double.random(in: 0...(Bool.random(using: &generator) ? 0.05 : 3), using: &generator))
                let key = keys[Int.random(in: 0..<keys.count, using: &generator)]
                let recent = (model[key] ?? []).filter { $0 > now.addingTimeInterval(-60) }
                let expected = recent.count < limit
                if Int.random(in: 0..<5, using: &generator) == 0 {
                    // A check alone records nothing.
                    #expect(await limiter.check(key, now: now) == expected, "round \(round), step \(step)")
                    continue
                }
                model[key] = expected ? recent + [now] : recent
                #expect(await limiter.allow(key, now: now) == expected, "round \(round), step \(step)")
            }
        }
    }

    @Test("keys are cut to 64 characters: 60 KB tokens cost no more than 64-character ones")
    func longKeys() async {
        let limiter = RateLimiter(perMinute: 1, capacity: 100)
        let prefix = String(repeating: "k", count: 64)
        #expect(await limiter.allow(prefix + String(repeating: "a", count: 60_000)))
        #expect(!(await limiter.allow(prefix + String(repeating: "b", count: 60_000))), "same first 64 characters, same key")
        #expect(await limiter.keyCount == 1)
    }
}


@Suite("Sign-in hardening")
struct SignInHardeningTests {
    @Test("after five failures under a login, even the right password is refused for a minute (429, no password check)")
    func lockout() async throws {
        try await Fixture().test { browser in
            for _ in 0..<5 {
                let form = try await browser.get("/login")
                let page = try await browser.post("/login", form.tokenFields + [("login", adminLogin), ("password", "wrong password")])
                #expect(page.status == .unauthorized)
            }
            let form = try await browser.get("/login")
            let locked = try await browser.post("/login", form.tokenFields + [("login", adminLogin), ("password", adminPassword)])
            #expect(locked.status == .tooManyRequests)
            expectContains(locked.text, "Слишком много неудачных попыток входа под этим логином. Попробуйте через 1\u{00A0}минуту.")
            #expect(browser.cookies["anketa_session"] == nil)
        }
    }

    @Test("unknown logins are locked the same way (the answer does not tell which logins exist); other logins are not")
    func unknownLogins() async throws {
        try await Fixture().test { browser in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<6 {
                let form = try await browser.get("/login")
                statuses.append(try await browser.post("/login", form.tokenFields + [("login", "ghost"), ("password", "x")]).status)
            }
            #expect(statuses == Array(repeating: .unauthorized, count: 5) + [.tooManyRequests])
            try await browser.signIn()
        }
    }

    @Test("lock times: none for the first five failures, then 1, 2, 4, 8 minutes, at most 15; success clears")
    func lockTimes() async {
        #expect((0...5).map { LoginThrottle.lock(after: $0) } == [0, 0, 0, 0, 0, 60])
        #expect([6, 7, 8, 9, 20].map { LoginThrottle.lock(after: $0) } == [120, 240, 480, 900, 900])
        let throttle = LoginThrottle()
        let now = Date()
        for _ in 0..<5 { await throttle.recordFailure("Zavuch", now: now) }
        #expect(await throttle.lockRemaining("zavuch", now: now.addingTimeInterval(30)) == 30)
        #expect(await throttle.lockRemaining("zavuch", now: now.addingTimeInterval(61)) == nil)
        await throttle.recordSuccess("ZAVUCH")
        #expect(await throttle.lockRemaining("zavuch", now: now) == nil)
    }

    @Test("unknown logins are checked against a real cost-12 bcrypt hash (the same work as a real login)")
    func dummyHash() {
        #expect(AuthController.dummyHash.hasPrefix("$2b$12$"))
        #expect(Bcrypt.verify("anketa-unknown-login", hash: AuthController.dummyHash))
        #expect(!Bcrypt.verify("", hash: AuthController.dummyHash))
    }
}

@Suite("Client addresses behind a proxy")
struct ClientAddressTests {
    @Test("X-Forwarded-For is believed only from a configured proxy, and only if it is an IP address", arguments: [
        ("127.0.0.1", ["10.0.0.7"], ["127.0.0.1"], "10.0.0.7"),
        ("127.0.0.1", ["1.1.1.1, 10.0.0.7"], ["127.0.0.1"], "10.0.0.7"),
        ("127.0.0.1", ["1.1.1.1", "10.0.0.8"], ["127.0.0.1"], "10.0.0.8"),
        ("192.168.1.5", ["10.0.0.7"], ["127.0.0.1"], "192.168.1.5"),
        ("192.168.1.5", [], ["127.0.0.1"], "192.168.1.5"),
        ("127.0.0.1", ["not-an-address"], ["127.0.0.1"], "127.0.0.1"),
        ("127.0.0.1", [String(repeating: "9", count: 60_000)], ["127.0.0.1"], "127.0.0.1"),
        ("::1", ["2001:db8::1"], ["::1"], "2001:db8::1"),
    ])
    func key(peer: String, forwarded: [String], trusted: [String], expected: String) {
        #expect(ClientAddress.key(peer: peer, forwardedFor: forwarded, trustedProxies: Set(trusted)) == expected)
    }

    @Test("a client reaching the server directly cannot rotate X-Forwarded-For past the per-address limit; the trusted proxy's clients count apart")
    func rotatingForwardedFor() async throws {
        for (trusted, expected) in [("10.9.9.9", [HTTPResponse.Status.seeOther, .seeOther, .tooManyRequests]),
                                    ("127.0.0.1", [.seeOther, .seeOther, .seeOther])] {
            let fixture = try Fixture(submissionsPerMinute: 2, trustedProxies: [trusted])
            try await fixture.testLive { browser, _ in
                let run = try await browser.createRun(csrf: try await browser.signIn())
                var statuses: [HTTPResponse.Status] = []
                for index in 1...3 {
                    let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.\(index)"]
                    statuses.append(try await Browser(client: browser.client).answer(run.path, validAnswers, headers: headers).status)
                }
                #expect(statuses == expected, "trusting \(trusted)")
            }
        }
    }
}

@Suite("Access code guessing")
struct CodeGuessTests {
    @Test("wrong codes via GET ?code= are limited per address; then even a right code waits (429)")
    func limited() async throws {
        let fixture = try Fixture(codeFailuresPerMinute: 3)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), codes: true)
            let code = try #require(try fixture.store.codes(run: run.id).first?.code)
            let guesser = Browser(client: browser.client)
            for guess in ["AAAA-AAAA", "AAAA-AAAB", "AAAA-AAAC"] {
                #expect(try await guesser.get("\(run.path)?code=\(guess)").status == .forbidden)
            }
            let refused = try await guesser.get("\(run.path)?code=\(code)")
            #expect(refused.status == .tooManyRequests)
            expectContains(refused.text, "Слишком много попыток ввести код")
            expectLacks(refused.text, "name=\"q1\"")
        }
    }

    @Test("right codes do not count: a class entering valid codes is not slowed down")
    func validCodesFree() async throws {
        let fixture = try Fixture(codeFailuresPerMinute: 3)
        try await fixture.test { browser in
            let run = try await browser.createRun(csrf: try await browser.signIn(), codes: true)
            for entry in try fixture.store.codes(run: run.id).prefix(10) {
                #expect(try await Browser(client: browser.client).get("\(run.path)?code=\(entry.code)").status == .ok)
            }
        }
    }
}

/// Log lines kept for a test.
final class LogRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }

    var logger: Logger {
        Logger(label: "test") { _ in RecordingHandler(recorder: self) }
    }

    struct RecordingHandler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}

@Suite("Unexpected errors")
struct ServerErrorTests {
    struct Boom: Error, CustomStringConvertible {
        var description: String { "boom in the store" }
    }

    @Test("an error that is not an HTTP error becomes a 500 page with the security headers and a log line")
    func serverError() async throws {
        let recorder = LogRecorder()
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(secure: false))
        router.get("/boom") { _, _ -> String in throw Boom() }
        let app = Application(router: router, logger: recorder.logger)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(response.status == .internalServerError)
            let page = Page(status: response.status, headers: response.headers, bytes: Array(buffer: response.body))
            SecurityHeaderTests.checkHeaders(page, "500")
            expectContains(page.text, "Ошибка на сервере")
            expectLacks(page.text, "boom")
        }
        let lines = recorder.all
        #expect(lines.contains { $0.contains("request failed") && $0.contains("boom in the store") && $0.contains("/boom") }, "\(lines)")
        #expect(lines.contains { $0.contains("GET /boom 500") }, "\(lines)")
    }
}

@Suite("Links without --public-url")
struct LinkTests {
    @Test("links use the listening address, not the Host header; the console warns and the poster and slips are refused")
    func listeningAddress() async throws {
        let fixture = try Fixture(publicURL: nil)
        try await fixture.testLive { browser, port in
            let csrf = try await browser.signIn()
            var fields = [("csrf", csrf), ("questionnaire", "webtest"), ("wave", "w"), ("unit", ""), ("opens", "2020-01-01T08:00"), ("closes", "2099-01-01T08:00")]
            fields.append(("codes", "1"))
            let created = try await browser.post("/admin/runs", fields)
            let location = try #require(created.location)
            for path in [location, "\(location)/poster", "\(location)/codes"] {
                let connection = try RawConnection(port: port)
                try connection.send("GET \(path) HTTP/1.1\r\nHost: evil.example\r\nCookie: \(browser.cookieHeader)\r\nConnection: close\r\n\r\n")
                let (text, _) = await connection.read(for: 5)
                expectLacks(text, "evil.example")
                expectContains(text, "--public-url")
                if path == location {
                    #expect(text.hasPrefix("HTTP/1.1 200"), "\(path): \(text.prefix(200))")
                    expectContains(text, "http://127.0.0.1:0/s/")
                    expectContains(text, "<div class=\"banner no-print\" role=\"alert\">")
                } else {
                    #expect(text.hasPrefix("HTTP/1.1 409"), "\(path): \(text.prefix(200))")
                    expectContains(text, "Эту ссылку нельзя печатать")
                }
            }
        }
    }
}

@Suite("Slow and idle connections")
struct ConnectionTests {
    @Test("an unfinished request head is closed after the idle timeout")
    func unfinishedHead() async throws {
        let fixture = try Fixture(idleTimeout: .milliseconds(500))
        try await fixture.testLive { _, port in
            let connection = try RawConnection(port: port)
            try connection.send("GET /login HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            let (text, outcome) = await connection.read(for: 10)
            #expect(outcome == .closed)
            #expect(text.isEmpty || text.hasPrefix("HTTP/1.1 408"), "\(text)")
        }
    }

    @Test("an idle keep-alive connection is closed after the idle timeout")
    func idleKeepAlive() async throws {
        let fixture = try Fixture(idleTimeout: .milliseconds(500))
        try await fixture.testLive { _, port in
            let connection = try RawConnection(port: port)
            try connection.send("GET /login HTTP/1.1\r\nHost: x\r\n\r\n")
            let (text, outcome) = await connection.read(for: 10)
            #expect(text.hasPrefix("HTTP/1.1 200"))
            #expect(outcome == .closed)
        }
    }

    @Test("a body that drips in slower than the body timeout is answered 408 and closed")
    func drippingBody() async throws {
        let fixture = try Fixture(idleTimeout: .seconds(5), bodyTimeout: .milliseconds(800))
        try await fixture.testLive { _, port in
            let connection = try RawConnection(port: port)
            try connection.send("POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nlogin=")
            var answer = ""
            for _ in 0..<100 {
                try? connection.send("a")
                let (text, outcome) = await connection.read(for: 0.2)
                answer += text
                if outcome == .closed || answer.contains("\r\n\r\n") { break }
            }
            #expect(answer.hasPrefix("HTTP/1.1 408"), "\(answer.prefix(200))")
        }
    }

    @Test("beyond the connection cap a new connection waits until one of the open ones is closed")
    func connectionCap() async throws {
        let fixture = try Fixture(idleTimeout: .seconds(60), maxConnections: 2)
        try await fixture.testServer { port in
            let open = try [RawConnection(port: port), RawConnection(port: port)]
            try await Task.sleep(for: .milliseconds(200))
            let third = try RawConnection(port: port)
            try third.send("GET /login HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let early = await third.read(for: 1)
            #expect(early.text.isEmpty, "not served while two connections are open")
            open[0].disconnect()
            let late = await third.read(for: 30)
            #expect(late.text.hasPrefix("HTTP/1.1 200"), "served once a connection was closed")
        }
    }
}
