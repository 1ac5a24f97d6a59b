import AnketaCollect
import AnketaStore
@testable import AnketaWeb
import Foundation
import HTTPTypes
import Testing

@Suite("Console downloads (Excel-ready), questionnaire upload and preview")
struct ConsoleDownloadAndQuestionnaireTests {
    /// A run with two responses, one of them carrying a formula in its comment.
    func runWithAnswers(_ fixture: Fixture, _ browser: Browser) async throws -> Int64 {
        let csrf = try await browser.signIn()
        let run = try await browser.createRun(csrf: csrf)
        let respondent = Browser(client: browser.client)
        #expect(try await respondent.answer(run.path, validAnswers).status == .seeOther)
        var risky = validAnswers.filter { $0.0 != "comment" && $0.0 != "class" }
        risky += [("comment", "=HYPERLINK(\"http://evil\";\"жми\")"), ("class", "@5Б")]
        #expect(try await respondent.answer(run.path, risky).status == .seeOther)
        return run.id
    }

    @Test("the Excel CSV is Windows-1251 with «;» and a decimal comma; formulas are protected")
    func excelCSV() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let id = try await runWithAnswers(fixture, browser)
            let page = try await browser.get("/admin/runs/\(id)/responses-excel.csv")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/csv; charset=windows-1251")
            expectContains(page.headers[.contentDisposition] ?? "", "filename*=UTF-8''webtest-2026-%D0%B2%D0%B5%D1%81%D0%BD%D0%B0-excel.csv")
            // No BOM; «О» of «Отметка» is 0xCE in Windows-1251.
            #expect(page.bytes.first == 0xCE)
            let text = try #require(String(bytes: page.bytes, encoding: .windowsCP1251))
            let lines = text.split(separator: "\r\n")
            #expect(lines.count == 3)
            expectContains(String(lines[0]), "Отметка времени;")
            expectContains(String(lines[1]), ";3,5;")
            expectContains(String(lines[2]), "\"'=HYPERLINK(\"\"http://evil\"\";\"\"жми\"\")\"")
            expectContains(String(lines[2]), ";'@5Б;")

            // The UTF-8 CSV is still there, also protected.
            let utf8 = try await browser.get("/admin/runs/\(id)/responses.csv")
            expectContains(utf8.text, "'=HYPERLINK")
            expectContains(utf8.text, ",3.5,")
        }
    }

    @Test("the XLSX download reads back with its Cyrillic text, numbers as numbers and formulas as text")
    func xlsx() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let id = try await runWithAnswers(fixture, browser)
            let page = try await browser.get("/admin/runs/\(id)/responses.xlsx")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(page.bytes.starts(with: [0x50, 0x4B]))
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-\(UUID().uuidString).xlsx")
            try Data(page.bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            var rows: [[String]] = []
            try XLSXReader(url: url).forEachRecord { rows.append($0.fields) }
            #expect(rows.count == 3)
            let header = try #require(rows.first)
            #expect(header.first == "Отметка времени")
            #expect(header.contains("Откуда вы узнаёте о жизни школы? [Родительский чат, мессенджеры]"))
            let column = { (title: String) in try #require(header.firstIndex(of: title)) }
            #expect(rows[1][try column("Насколько вы удовлетворены [Питанием в школе]")] == "Полностью удовлетворён")
            #expect(rows[1][try column("Сколько часов в день ребёнок тратит на домашние задания?")] == "3.5")
            #expect(rows[1][try column("Ваши предложения")] == "Больше кружков")
            // Text that looks like a formula is kept as the characters typed (a string cell, never run).
            #expect(rows[2][try column("Ваши предложения")] == "=HYPERLINK(\"http://evil\";\"жми\")")
            #expect(rows[2][try column("Класс ребёнка")] == "@5Б")
        }
    }

    static let brokenYAML = """
        id: broken
        version: 1
        title: Сломанная анкета
        audience: parents
        questions:
          - id: q1
            text: Вопрос
            type: single
            scale: nowhere
          - id: q1
            text: Повтор
            type: wrong
        """

    @Test("an uploaded definition with errors is refused with every problem at line:column, and kept for fixing")
    func uploadWithErrors() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let page = try await browser.post("/admin/questionnaires", [("csrf", csrf), ("yaml", Self.brokenYAML)])
            #expect(page.status == .unprocessableContent)
            expectContains(page.text, "Анкета «анкета.yaml» не загружена")
            // Each problem with its place, as `anketa validate` reports them.
            expectContains(page.text, "анкета.yaml:9:12")
            expectContains(page.text, "nowhere")
            expectContains(page.text, "анкета.yaml:10:")
            expectContains(page.text, "анкета.yaml:12:")
            #expect(page.text.count(of: "<li><pre class=\"problem\">ошибка") >= 3)
            // The text stays in the field, escaped.
            expectContains(page.text, "title: Сломанная анкета")
            #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("broken.yaml").path))
        }
    }

    @Test("a file upload (multipart) is checked and saved under its id; the same version with other text is refused")
    func uploadFile() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let yaml = webtestYAML.replacingOccurrences(of: "id: webtest", with: "id: uploaded").replacingOccurrences(of: "Тестовая анкета", with: "Загруженная анкета")
            let uploaded = try await browser.upload(csrf: csrf, filename: "моя анкета.yaml", yaml)
            #expect(uploaded.status == .seeOther)
            #expect(uploaded.location == "/admin/questionnaires?uploaded=uploaded")
            let saved = fixture.folder.appendingPathComponent("uploaded.yaml")
            #expect(try String(contentsOf: saved, encoding: .utf8) == yaml)
            let list = try await browser.get("/admin/questionnaires?uploaded=uploaded")
            expectContains(list.text, "Анкета «uploaded» загружена")
            expectContains(list.text, "href=\"/admin/questionnaires/uploaded/preview\"")
            expectContains(try await browser.get("/admin/runs/new").text, "<option value=\"uploaded\">Загруженная анкета (родители)</option>")

            // Other text under the same id and version: refused, the file unchanged.
            let changed = yaml.replacingOccurrences(of: "Загруженная анкета", with: "Другая анкета")
            let refused = try await browser.upload(csrf: csrf, filename: "x.yaml", changed)
            #expect(refused.status == .unprocessableContent)
            expectContains(refused.text, "увеличьте version")
            #expect(try String(contentsOf: saved, encoding: .utf8) == yaml)
            // A later version replaces it.
            let newer = changed.replacingOccurrences(of: "version: 1", with: "version: 2")
            #expect(try await browser.upload(csrf: csrf, filename: "x.yaml", newer).status == .seeOther)
            #expect(try String(contentsOf: saved, encoding: .utf8) == newer)

            // Not UTF-8, and a wrong CSRF token.
            let latin = try await browser.upload(csrf: csrf, filename: "cp.yaml", bytes: [0x69, 0x64, 0x3A, 0x20, 0xC0, 0xFF])
            #expect(latin.status == .unprocessableContent)
            expectContains(latin.text, "не в кодировке UTF-8")
            #expect(try await browser.upload(csrf: "0", filename: "x.yaml", newer).status == .forbidden)
            // A broken file in the folder is listed with its problems.
            try Self.brokenYAML.write(to: fixture.folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
            let withBroken = try await browser.get("/admin/questionnaires")
            expectContains(withBroken.text, "<strong>broken.yaml</strong> — не проходит проверку")
            expectContains(withBroken.text, "broken.yaml:9:12")
        }
    }

    @Test("the preview is the respondents' form; its button checks the answers and stores nothing")
    func preview() async throws {
        let fixture = try Fixture()
        try await fixture.test { browser in
            let csrf = try await browser.signIn()
            let page = try await browser.get("/admin/questionnaires/webtest/preview")
            #expect(page.status == .ok)
            expectContains(page.text, "Предпросмотр.")
            expectContains(page.text, "<h1>Тестовая анкета</h1>")
            expectContains(page.text, "Короткая анкета для проверки веб-формы.")
            expectContains(page.text, "name=\"q1\" value=\"4\"")
            expectContains(page.text, "action=\"/admin/questionnaires/webtest/preview\"")
            #expect(try await browser.get("/admin/questionnaires/nope/preview").status == .notFound)

            let missing = try await browser.post("/admin/questionnaires/webtest/preview", [("csrf", csrf), ("q1", "4")])
            #expect(missing.status == .unprocessableContent)
            expectContains(missing.text, "Ответы не отправлены")
            expectContains(missing.text, "href=\"#q-class\"")
            let complete = try await browser.post("/admin/questionnaires/webtest/preview", [("csrf", csrf)] + validAnswers)
            #expect(complete.status == .ok)
            expectContains(complete.text, "Проверка пройдена")
            #expect(try fixture.store.runs().isEmpty)
            #expect(try fixture.store.waves().isEmpty)
            #expect(try await browser.post("/admin/questionnaires/webtest/preview", [("csrf", "0")] + validAnswers).status == .forbidden)
        }
    }

    @Test("multipart bodies split into fields and files", arguments: ["----b0undary", "simple"])
    func multipart(_ boundary: String) throws {
        let body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
            + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"анкета.yaml\"\r\nContent-Type: text/yaml\r\n\r\nid: x\r\nversion: 1\r\n"
            + "--\(boundary)--\r\n"
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\(boundary)") == boundary)
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"\(boundary)\"") == boundary)
        #expect(MultipartForm.boundary(of: "application/x-www-form-urlencoded") == nil)
        let form = MultipartForm(body: Array(body.utf8), boundary: boundary)
        #expect(form.parts.count == 2)
        #expect(form["csrf"]?.text == "abc")
        #expect(form["csrf"]?.filename == nil)
        #expect(form["file"]?.filename == "анкета.yaml")
        #expect(form["file"]?.text == "id: x\r\nversion: 1")
        // Truncated or garbage bodies give what is whole, never crash.
        for cut in stride(from: 0, to: body.utf8.count, by: 7) {
            _ = MultipartForm(body: Array(body.utf8.prefix(cut)), boundary: boundary)
        }
    }
}

extension Browser {
    /// Uploads a questionnaire as a browser's file field does (`multipart/form-data`).
    func upload(csrf: String, filename: String, _ yaml: String) async throws -> Page {
        try await upload(csrf: csrf, filename: filename, bytes: Array(yaml.utf8))
    }

    func upload(csrf: String, filename: String, bytes: [UInt8]) async throws -> Page {
        let boundary = "----anketa\(UUID().uuidString.prefix(8))"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: application/x-yaml\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"yaml\"\r\n\r\n\r\n--\(boundary)--\r\n".utf8)
        return try await send("/admin/questionnaires", method: .post, bytes: body, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"])
    }
}
