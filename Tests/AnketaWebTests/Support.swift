import AnketaCore
import AnketaStore
import AnketaWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import NIOCore
import Testing

/// A tiny questionnaire with every question kind: two required questions, a grid, a «no answer»
/// option, a grouping and an indicator.
let webtestYAML = """
    id: webtest
    version: 1
    title: Тестовая анкета
    audience: parents
    intro: Короткая анкета для проверки веб-формы.
    outro: Спасибо, ответы сохранены.
    one_page: true

    scales:
      sat4:
        options:
          - {code: 4, label: Полностью удовлетворён, score: 3, positive: true}
          - {code: 3, label: Скорее удовлетворён, score: 2, positive: true}
          - {code: 2, label: Скорее не удовлетворён, score: 1}
          - {code: 1, label: Не удовлетворён, score: 0}
        no_answer: [Затрудняюсь ответить]
      sources:
        options:
          - {code: site, label: Сайт школы}
          - {code: chat, label: "Родительский чат, мессенджеры"}
          - {code: diary, label: "Электронный дневник, журнал"}

    sections:
      - id: main
        title: Основное
        description: Отметьте по одному ответу в каждой строке.
      - id: about
        title: О вас

    questions:
      - id: q1
        section: main
        grid: Насколько вы удовлетворены
        text: Питанием в школе
        type: single
        scale: sat4
        required: true
      - id: q2
        section: main
        grid: Насколько вы удовлетворены
        text: Безопасностью ребёнка
        type: single
        scale: sat4
        required: false
      - id: sources
        section: main
        text: Откуда вы узнаёте о жизни школы?
        type: multiple
        scale: sources
        required: true
      - id: hours
        section: about
        text: Сколько часов в день ребёнок тратит на домашние задания?
        type: number
        min: 0
        max: 12
        required: false
      - id: class
        section: about
        text: Класс ребёнка
        type: short_text
        required: true
      - id: comment
        section: about
        text: Ваши предложения
        type: long_text

    groupings:
      - {id: klass, title: Класс, question: class}

    indicators:
      - id: comfort
        title: Комфортность условий
        method: positive_share
        questions: [q1, q2]
        levels:
          - {name: высокий, from: 80}
          - {name: средний, from: 60}
          - {name: низкий, from: 0, deficit: true}
    """

/// The same questions with one section per page (the default): three pages, then the review page.
let sectionsYAML = webtestYAML
    .replacingOccurrences(of: "id: webtest\n", with: "id: webtest-sections\n")
    .replacingOccurrences(of: "title: Тестовая анкета\n", with: "title: Анкета по разделам\n")
    .replacingOccurrences(of: "one_page: true\n", with: "")
    .replacingOccurrences(of: "      - {code: 4, label: Полностью удовлетворён, score: 3, positive: true}",
                          with: "      - {code: 4, label: Полностью удовлетворён, display: Полностью удовлетворён(а), score: 3, positive: true}")
    .replacingOccurrences(of: "  - id: about\n    title: О вас\n", with: "  - id: about\n    title: О вас\n  - id: open\n    title: Ваше мнение\n")
    .replacingOccurrences(of: "    section: about\n    text: Ваши предложения", with: "    section: open\n    text: Ваши предложения")

let adminLogin = "zavuch"
let adminPassword = "correct horse battery"

/// A store, a questionnaires folder and a configuration for one test.
struct Fixture: Sendable {
    let store: AnketaStore
    let folder: URL
    let configuration: WebConfiguration

    /// `databasePath` nil: an in-memory store.
    init(submissionsPerMinute: Int = 1000, submissionsPerVisitor: Int = 1000, codeFailuresPerMinute: Int = 1000,
         secureCookies: Bool = false, trustedProxies: [String] = [], publicURL: String? = "https://anketa.test",
         databasePath: String? = nil, busyTimeout: TimeInterval = AnketaStore.defaultBusyTimeout,
         idleTimeout: Duration = .seconds(30), bodyTimeout: Duration = .seconds(60), maxConnections: Int = 512,
         organization: OrganizationProfile? = nil, timeZone: TimeZone = WebConfiguration.moscow) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try webtestYAML.write(to: folder.appendingPathComponent("webtest.yaml"), atomically: true, encoding: .utf8)
        try sectionsYAML.write(to: folder.appendingPathComponent("webtest-sections.yaml"), atomically: true, encoding: .utf8)
        store = try databasePath.map { try AnketaStore(path: $0, busyTimeout: busyTimeout) } ?? AnketaStore()
        try store.setAdmin(login: adminLogin, passwordHash: Bcrypt.hash(adminPassword, cost: 4))
        configuration = WebConfiguration(port: 0, questionnairesFolder: folder, secureCookies: secureCookies,
                                         submissionsPerMinute: submissionsPerMinute, submissionsPerVisitor: submissionsPerVisitor,
                                         codeFailuresPerMinute: codeFailuresPerMinute, trustedProxies: trustedProxies, publicURL: publicURL,
                                         idleTimeout: idleTimeout, bodyTimeout: bodyTimeout, maxConnections: maxConnections,
                                         organization: organization, timeZone: timeZone, passwordCost: 4)
    }

    func application() async throws -> some ApplicationProtocol {
        Application(router: try await buildRouter(store: store, configuration: configuration))
    }

    /// Runs `body` against the server exactly as `anketa serve` builds it, on a free loopback port
    /// (HummingbirdTesting's `.live` rebuilds the configuration and drops the connection cap).
    func testServer(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let port = PortBox()
        let app = try await buildApplication(store: store, configuration: configuration) { channel in
            port.set(channel.localAddress?.port ?? 0)
        }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        for _ in 0..<500 where port.value == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await body(try #require(port.value > 0 ? port.value : nil, "the server did not start"))
        server.cancel()
        _ = await server.result
    }

    /// Runs `body` against a real server on a free loopback port (idle timeouts, client addresses).
    func testLive(_ body: @escaping @Sendable (Browser, Int) async throws -> Void) async throws {
        let app = try await buildApplication(store: store, configuration: configuration)
        try await app.test(.live) { client in
            try await body(Browser(client: client), try #require(client.port))
        }
    }

    /// Runs `body` against the router (no sockets).
    func test(_ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let app = try await application()
        try await app.test(.router) { client in
            try await body(Browser(client: client))
        }
    }

    /// The only run's wave (for counting responses).
    func wave(run id: Int64) throws -> Wave {
        guard let (_, wave) = try store.run(id: id) else { throw TestFailure("no run \(id)") }
        return wave
    }

    func responses(run id: Int64) throws -> [AnketaCore.Response] {
        var all: [AnketaCore.Response] = []
        try store.forEachResponse(in: wave(run: id)) { all.append($0.response) }
        return all
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A response with its body as text.
struct Page: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var location: String? { headers[.location] }
    var setCookies: [String] { headers[values: .setCookie] }

    /// The `Set-Cookie` line for a cookie name.
    func setCookie(_ name: String) -> String? {
        setCookies.first { $0.hasPrefix("\(name)=") }
    }

    /// The value of a hidden/text input by name (`name="x" value="…"`).
    func field(_ name: String) -> String? {
        guard let range = text.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = text[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    var csrf: String? { field("csrf") }

    /// The form token of a respondent's form page (one per filling of the form).
    var formToken: String? { field("form") }

    /// The hidden fields a form page posts back: the visitor's token and, on a respondent's form, the form token.
    var tokenFields: [(String, String)] {
        [("csrf", csrf ?? "")] + (formToken.map { [("form", $0)] } ?? [])
    }
}

/// A test client with a cookie jar, like a browser.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    var cookieHeader: String {
        cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
    }

    @discardableResult
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .get, body: nil, headers: headers)
    }

    /// POSTs a form (`application/x-www-form-urlencoded`); repeated names are repeated fields.
    @discardableResult
    func post(_ uri: String, _ fields: [(String, String)], headers: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: .post, body: Browser.encode(fields), headers: headers)
    }

    func send(_ uri: String, method: HTTPRequest.Method, body: String?, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(uri, method: method, bytes: body.map { Array($0.utf8) }, headers: extra)
    }

    /// Sends raw body bytes (a form unless `headers` give another content type).
    func send(_ uri: String, method: HTTPRequest.Method, bytes body: [UInt8]?, headers extra: HTTPFields = [:]) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let response = try await client.executeRequest(uri: uri, method: method, headers: headers,
                                                       body: body.map { ByteBuffer(bytes: $0) })
        let page = Page(status: response.status, headers: response.headers, bytes: Array(buffer: response.body))
        for line in page.setCookies {
            let pair = line.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0]), value = parts.count > 1 ? String(parts[1]) : ""
            if value.isEmpty || line.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return page
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { name, value in
            "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }

    // MARK: - Admin steps

    /// Signs in; returns the session's CSRF token (from the admin page).
    @discardableResult
    func signIn(login: String = adminLogin, password: String = adminPassword) async throws -> String {
        let form = try await get("/login")
        let response = try await post("/login", form.tokenFields + [("login", login), ("password", password)])
        guard response.status == .seeOther else { throw TestFailure("sign-in failed: \(response.status)") }
        return try await adminCSRF()
    }

    /// The session's CSRF token, read from the console.
    func adminCSRF() async throws -> String {
        let admin = try await get("/admin")
        guard let csrf = admin.csrf else { throw TestFailure("no csrf on /admin (\(admin.status))") }
        return csrf
    }

    /// Signs in, creates a run of the sections fixture (`webtest-sections`) and returns it with a new
    /// respondent (a browser of their own, without the administrator's cookies).
    func sectionsRun() async throws -> (run: (id: Int64, path: String), respondent: Browser) {
        let run = try await createRun(csrf: try await signIn(), questionnaire: "webtest-sections")
        return (run, Browser(client: client))
    }

    /// Creates a run through the console; returns its id and public path `/s/<slug>`.
    func createRun(csrf: String, questionnaire: String = "webtest", wave: String = "2026-весна", unit: String = "Школа № 1",
                   opens: String = "2020-01-01T08:00", closes: String = "2099-01-01T08:00", codes: Bool = false) async throws -> (id: Int64, path: String) {
        var fields = [("csrf", csrf), ("questionnaire", questionnaire), ("wave", wave), ("unit", unit), ("opens", opens), ("closes", closes)]
        if codes { fields.append(("codes", "1")) }
        let created = try await post("/admin/runs", fields)
        guard created.status == .seeOther, let location = created.location, let id = Int64(location.split(separator: "/").last ?? "") else {
            throw TestFailure("run not created: \(created.status) \(created.text)")
        }
        let page = try await get(location)
        guard let start = page.text.range(of: "https://anketa.test/s/") else { throw TestFailure("no link on the run page") }
        let slug = page.text[start.upperBound...].prefix { $0.isHexDigit }
        return (id, "/s/\(slug)")
    }

    // MARK: - Respondent steps

    /// Opens a form and submits all the answers at once with its tokens; returns the POST's page.
    @discardableResult
    func answer(_ path: String, _ answers: [(String, String)], code: String? = nil, headers: HTTPFields = [:]) async throws -> Page {
        let form = try await get(code.map { "\(path)?code=\($0)" } ?? path, headers: headers)
        guard form.status == .ok, form.csrf != nil, form.formToken != nil else { throw TestFailure("form not shown: \(form.status)") }
        var fields = form.tokenFields
        if let code { fields.append(("code", code)) }
        return try await post(path, fields + answers, headers: headers)
    }
}

/// A complete, valid set of answers.
let validAnswers: [(String, String)] = [
    ("q1", "4"), ("q2", "__no_answer__"), ("sources", "site"), ("sources", "chat"),
    ("hours", "3,5"), ("class", "5А"), ("comment", "Больше кружков"),
]

extension String {
    func count(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}

/// `#expect(text.contains(needle))` that reports the needle, not the whole page.
func expectContains(_ text: String, _ needle: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let found = text.contains(needle)
    #expect(found, "missing: \(needle)", sourceLocation: sourceLocation)
}

/// `#expect(!text.contains(needle))` that reports the needle, not the whole page.
func expectLacks(_ text: String, _ needle: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let found = text.contains(needle)
    #expect(!found, "unexpected: \(needle)", sourceLocation: sourceLocation)
}

/// The port a test server listens on, set once it runs.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port = 0
    func set(_ value: Int) { lock.withLock { port = value } }
    var value: Int { lock.withLock { port } }
}
