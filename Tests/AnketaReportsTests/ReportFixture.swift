import AnketaAnalysis
import AnketaCore
@testable import AnketaDocument
import AnketaReports
import AnketaTestSupport
import Foundation
import Testing

/// The small questionnaire and data of `AnalyzerTests`, plus an open question and, optionally,
/// a grouping by a free-text question (a club), so respondents' own words become group keys.
enum ReportFixture {
    typealias Row = MiniSurvey.Row
    static let waveA = MiniSurvey.waveA
    static let waveB = MiniSurvey.waveB

    static func questionnaire(clubGrouping: Bool = false) throws -> Questionnaire {
        try MiniSurvey.questionnaire(clubGrouping: clubGrouping)
    }

    static func analyze(_ rows: [Row], comments: [Int: String] = [:], clubs: [Int: String] = [:],
                        clubGrouping: Bool = false, minGroupSize: Int = 5, wave: String = "2026-весна") throws -> AnalysisResult {
        try MiniSurvey.analyze(rows, comments: comments, clubs: clubs, clubGrouping: clubGrouping, minGroupSize: minGroupSize, wave: wave)
    }

    static func input(_ result: AnalysisResult, previous: AnalysisResult? = nil, clubGrouping: Bool = false,
                      mapGrouping: String? = nil, organization: String? = nil) throws -> ReportInput {
        ReportInput(questionnaire: try questionnaire(clubGrouping: clubGrouping), result: result, previous: previous,
                    organization: organization, mapGrouping: mapGrouping, date: "01.04.2026")
    }

    /// A fresh, empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Everything `ReportWriter` writes for `input`, read back.
    struct Outputs {
        var files: [String: Data]
        var html: String { text("spravka.html") }
        var markdown: String { text("spravka.md") }
        var json: String { text("figures.json") }
        var jsonData: Data { files["figures.json"] ?? Data() }

        /// `word/document.xml` of the DOCX.
        func documentXML() throws -> String {
            let docx = try #require(files["spravka.docx"])
            let xml = try #require(try DOCXRenderer.parts(of: docx)["word/document.xml"])
            return String(decoding: xml, as: UTF8.self)
        }

        /// A text file; CSV without its byte-order mark.
        func text(_ name: String) -> String {
            var data = files[name] ?? Data()
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
            return String(decoding: data, as: UTF8.self)
        }

        /// A CSV table as rows of cells (quotes removed, doubled quotes undone).
        func csv(_ name: String) -> [[String]] {
            ReportFixture.parseCSV(text(name))
        }
    }

    static func write(_ input: ReportInput) throws -> Outputs {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try ReportWriter(input).write(to: folder)
        var files: [String: Data] = [:]
        for url in written { files[url.lastPathComponent] = try Data(contentsOf: url) }
        return Outputs(files: files)
    }

    /// A minimal RFC 4180 reader for the tables we write (CR LF line ends).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\r\n", "\n":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows of a CSV table as dictionaries keyed by the header.
    static func records(_ table: [[String]]) -> [[String: String]] {
        guard let header = table.first else { return [] }
        return table.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The rows of the Markdown table whose header row is `header`, as cells.
    static func markdownTable(_ markdown: String, header: [String]) -> [[String]]? {
        let lines = markdown.components(separatedBy: "\n")
        let headerLine = "| " + header.joined(separator: " | ") + " |"
        guard let start = lines.firstIndex(of: headerLine) else { return nil }
        var rows: [[String]] = []
        for line in lines[(start + 2)...] {
            guard line.hasPrefix("|") else { break }
            rows.append(markdownCells(line))
        }
        return rows
    }

    /// Cells of a Markdown table row, split at unescaped `|`.
    static func markdownCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line {
            if escaped { cell.append(character); escaped = false; continue }
            if character == "\\" { cell.append(character); escaped = true; continue }
            if character == "|" { cells.append(cell.trimmingCharacters(in: .whitespaces)); cell = ""; continue }
            cell.append(character)
        }
        // Drop the empty pieces before the first and after the last pipe.
        return Array(cells.dropFirst())
    }
}
