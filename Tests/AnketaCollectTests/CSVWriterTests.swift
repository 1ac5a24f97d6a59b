import AnketaCollect
import AnketaCore
import Foundation
import Testing

@Suite("CSV writing")
struct CSVWriterTests {
    @Test("Cells that a spreadsheet would run as a formula get an apostrophe", arguments: [
        ("=cmd", "'=cmd"), ("=1+1", "'=1+1"), ("+1", "'+1"), ("+7 912 345-67-89", "'+7 912 345-67-89"),
        ("-x", "'-x"), ("@x", "'@x"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("-inf", "'-inf"), ("-nan", "'-nan"),
        ("-5", "-5"), ("-2,5", "-2,5"), ("-0.5", "-0.5"), ("3,5", "3,5"), ("5", "5"), ("текст", "текст"), ("", ""),
        ("a=b", "a=b"),
    ])
    func protect(_ cell: String, _ expected: String) {
        #expect(CSVWriter.protect(cell) == expected)
    }

    @Test("Quoting: delimiters, quotes, line breaks, edge spaces; no-quotes otherwise")
    func quoting() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.csv")
        let writer = try CSVWriter(url: url, bom: false, crlf: false)
        try writer.write(["простой", "a,b", "say \"hi\"", "две\nстроки", " space", "x;y", ""])
        try writer.finish()
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "простой,\"a,b\",\"say \"\"hi\"\"\",\"две\nстроки\",\" space\",x;y,\n")
    }

    @Test("What is written reads back the same, UTF-8 and Windows-1251", arguments: [
        (TextEncoding.utf8, UInt8(ascii: ",")), (.windows1251, UInt8(ascii: ";")),
    ])
    func roundTrip(_ encoding: TextEncoding, _ delimiter: UInt8) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("round.csv")
        let rows = [
            ["Класс", "Ответ", "Комментарий"],
            ["5А", "Родительский чат, мессенджеры", "Ёлка; «ёж»\r\nи \"кавычки\""],
            ["", "-5", "3,5"],
        ]
        let writer = try CSVWriter(url: url, encoding: encoding, delimiter: delimiter, bom: encoding == .utf8, crlf: true)
        for row in rows { try writer.write(row) }
        try writer.finish()

        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]) == (encoding == .utf8))
        let reader = try CSVReader(url: url)
        #expect(reader.encoding == encoding)
        #expect(reader.delimiter == delimiter)
        #expect(reader.usesCRLF)
        var read: [CSVRecord] = []
        try reader.forEachRecord { read.append($0) }
        #expect(read.map(\.fields) == rows)
        #expect(read.map(\.line) == [1, 2, 4])
    }

    @Test("Nothing appears at the target until finish(); then only the target exists")
    func atomicFinish() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("export.csv")
        let writer = try CSVWriter(url: url)
        try writer.write(["a", "b"])
        #expect(!FileManager.default.fileExists(atPath: url.path))
        try writer.finish()
        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["export.csv"])
        #expect([UInt8](try Data(contentsOf: url)) == [0xEF, 0xBB, 0xBF] + Array("a,b\r\n".utf8))
    }

    @Test("finish() replaces an existing file")
    func replaces() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try write(Array("old".utf8), named: "export.csv", in: folder)
        let writer = try CSVWriter(url: url, bom: false, crlf: false)
        try writer.write(["new"])
        try writer.finish()
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")
    }

    @Test("cancel() leaves no file, and an existing target untouched")
    func cancel() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("export.csv")
        let writer = try CSVWriter(url: url)
        try writer.write(["a", "b"])
        writer.cancel()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)

        let existing = try write(Array("keep".utf8), named: "keep.csv", in: folder)
        let second = try CSVWriter(url: existing)
        try second.write(Array(repeating: "x", count: 200_000)) // flushed to the temporary file
        second.cancel()
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.csv"])
    }

    @Test("A writer dropped without finish() removes its temporary file")
    func abandoned() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let writer = try CSVWriter(url: folder.appendingPathComponent("x.csv"))
            try writer.write(["a"])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("Temporary files of killed writers are cleaned up; a live process's is left alone")
    func staleTemporaries() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A process that has exited: its pid is free (reuse within the test is practically impossible).
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = finished.processIdentifier
        let alive = getppid()   // the test runner's parent is running
        let stale = ".answers.rejects.csv.\(dead).tmp", live = ".answers.rejects.csv.\(alive).tmp"
        for name in [stale, live, ".other.csv.\(dead).tmp", ".answers.rejects.csv.notapid.tmp"] {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8)))
        }
        let writer = try RejectsFile.writer(for: folder.appendingPathComponent("answers.csv"), format: RejectsFile.Format(), header: ["a"])
        try writer.finish()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == [live, ".other.csv.\(dead).tmp", ".answers.rejects.csv.notapid.tmp", "answers.rejects.csv"])
    }

    @Test("A folder that does not exist is a cannotWrite error")
    func cannotWrite() throws {
        let error = try #require(throws: CollectError.self) {
            try CSVWriter(url: URL(fileURLWithPath: "/nonexistent-folder/x.csv"))
        }
        #expect(error == .cannotWrite("/nonexistent-folder/x.csv"))
    }

    @Test("A pipe's rejects file goes to the current folder (/dev/fd is not writable)")
    func rejectsForPipe() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("answers.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let url = RejectsFile.url(for: fifo)
        #expect(url.path == FileManager.default.currentDirectoryPath + "/answers.rejects.csv")
    }

    @Test("The rejects file sits beside the input")
    func rejectsURL() {
        let url = RejectsFile.url(for: URL(fileURLWithPath: "/data/Анкета (Ответы).csv"))
        #expect(url.path == "/data/Анкета (Ответы).rejects.csv")
    }

    @Test("Export rows read back into the same responses")
    func exportLayoutRoundTrip() throws {
        let q = try miniQuestionnaire()
        let responses = [
            Response(submittedAt: "2026-04-12 19:03:11", answers: [
                "q1": .option("4"), "q2": .noAnswer, "q3": .option("1"), "sources": .options(["site", "chat"]),
                "hours": .number(2.5), "class": .text("5А"), "comment": .text("=HYPERLINK(\"x\")\nвторая строка"),
            ]),
            Response(submittedAt: nil, answers: ["hours": .number(12), "comment": .text("-x"), "sources": .options([])]),
        ]
        for decimalComma in [false, true] {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let url = folder.appendingPathComponent("export.csv")
            let layout = ExportLayout(questionnaire: q, decimalComma: decimalComma)
            let writer = try CSVWriter(url: url, encoding: decimalComma ? .windows1251 : .utf8,
                                       delimiter: UInt8(ascii: decimalComma ? ";" : ","), bom: !decimalComma)
            try writer.write(layout.header)
            for response in responses { try writer.write(layout.row(response)) }
            try writer.finish()

            let reader = try ResponseReader(url: url, questionnaire: q)
            var read: [Response] = []
            try reader.read { outcome in
                if case .accepted(let row) = outcome { read.append(row.response) } else { Issue.record("\(outcome)") }
            }
            var expected = responses
            expected[1].answers["sources"] = nil // an empty choice exports as a blank cell
            #expect(read == expected, "decimal comma: \(decimalComma)")
        }
    }
}
