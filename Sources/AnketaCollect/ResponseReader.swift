import AnketaCore
import Foundation

/// A row of an export that became a response.
public struct AcceptedRow: Sendable, Equatable {
    public var line: Int
    public var response: Response
    /// Identifies the row's content (and its occurrence among identical rows of the file), so that
    /// importing the same file twice stores nothing new.
    public var fingerprint: String
}

/// A row that could not become a response, with the reasons.
public struct RejectedRow: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
    public var reasons: [String]
}

/// Reads an export (CSV or XLSX) of a questionnaire's answers row by row, streaming.
///
/// ```swift
/// let reader = try ResponseReader(url: url, questionnaire: q)
/// let columns = try reader.read { outcome in … }
/// ```
public final class ResponseReader {
    public enum Outcome: Sendable, Equatable {
        case accepted(AcceptedRow)
        case rejected(RejectedRow)
        /// A row with every cell blank (Excel leaves them at the end); not a response.
        case blank(line: Int)
    }

    /// The file: a CSV export, or an Excel workbook (`.xlsx`, Yandex Forms).
    public let source: any RecordSource
    public let questionnaire: Questionnaire
    /// The file's name in messages.
    public let displayPath: String
    /// Whether accepted rows carry a fingerprint (needed to store them exactly once). A report read
    /// straight from a file turns it off: hashing every cell and remembering every row's digest
    /// costs time and memory that nothing uses then.
    public var computesFingerprints = true

    public init(url: URL, questionnaire: Questionnaire, format: CSVFormat = CSVFormat(), displayPath: String? = nil) throws {
        source = url.pathExtension.lowercased() == "xlsx" ? try XLSXReader(url: url) : try CSVReader(url: url, format: format)
        self.questionnaire = questionnaire
        self.displayPath = displayPath ?? url.relativePath
    }

    /// Reads an already opened source (an XLSX reader with lowered limits, in tests).
    public init(source: any RecordSource, questionnaire: Questionnaire, displayPath: String) {
        self.source = source
        self.questionnaire = questionnaire
        self.displayPath = displayPath
    }

    /// Reads the header, then calls `body` for each data row. Returns how the columns were mapped.
    /// `warning` hears about cells read with a doubt (another encoding, replaced bytes), with their place.
    @discardableResult
    public func read(header onHeader: (ColumnMap) throws -> Void = { _ in }, warning: (Diagnostic) -> Void = { _ in },
                     _ body: (Outcome) throws -> Void) throws -> ColumnMap {
        let rows = RowReader(reader: self)
        try withoutActuallyEscaping(warning) { warning in
            try source.forEachRecord(warning: rows.forward(warning)) { record in
                guard rows.columns != nil else {
                    try onHeader(try rows.header(record))
                    return
                }
                try body(rows.outcome(record))
            }
        }
        guard let columns = rows.columns else { throw CollectError.emptyFile(displayPath) }
        return columns
    }
}

/// Reads rows into outcomes: the header's column map and, per column, its question and matcher.
final class RowReader {
    let reader: ResponseReader
    let parser: AnswerParser
    let questionsByID: [String: Question]
    var columns: ColumnMap?
    /// Per column, resolved once from the header: its question and the byte matcher of its scale.
    var columnQuestions: [ColumnPlan?] = []
    var buffer: [UInt8] = []
    var occurrences: [Fingerprint: Int] = [:]
    let fingerprints: Bool

    init(reader: ResponseReader) {
        self.reader = reader
        parser = AnswerParser(questionnaire: reader.questionnaire)
        questionsByID = Dictionary(uniqueKeysWithValues: reader.questionnaire.questions.map { ($0.id, $0) })
        fingerprints = reader.computesFingerprints
    }

    /// The reader's `warning` with the file named as the user knows it.
    func forward(_ warning: @escaping (Diagnostic) -> Void) -> (Diagnostic) -> Void {
        let displayPath = reader.displayPath
        return { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = displayPath
            warning(diagnostic)
        }
    }

    /// Maps the header row's columns.
    func header(_ record: CSVRecord) throws -> ColumnMap {
        let displayPath = reader.displayPath
        let map = try ColumnMap(headers: record.fields, questionnaire: reader.questionnaire, file: displayPath)
        if map.matchedQuestionCount == 0 {
            throw CollectError.noMatchingColumns(displayPath, readAs: reader.source.summary, firstHeader: record.fields.first)
        }
        columns = map
        let positions = Dictionary(uniqueKeysWithValues: reader.questionnaire.questions.enumerated().map { ($1.id, $0) })
        columnQuestions = map.roles.map { role in
            guard case .question(let id) = role, let question = questionsByID[id], let position = positions[id] else { return nil }
            return ColumnPlan(question: question, position: position, matcher: parser.cellMatcher(for: question))
        }
        return map
    }

    /// What a data row becomes.
    func outcome(_ record: CSVRecord) throws -> ResponseReader.Outcome {
        guard let map = columns else { throw CollectError.emptyFile(reader.displayPath) }
        if record.fields.allSatisfy(\.isBlank) { return .blank(line: record.line) }
        if let problem = record.problem {
            return .rejected(RejectedRow(line: record.line, fields: record.fields, reasons: [problem]))
        }
        guard record.fields.count == map.headers.count else {
            return .rejected(RejectedRow(line: record.line, fields: record.fields, reasons: [
                "в строке \(RussianPlural.column(record.fields.count)), а в заголовке \(map.headers.count) — строка повреждена (лишний разделитель или незакрытая кавычка)",
            ]))
        }
        var reasons: [String] = []
        // A NUL byte cuts text in C-string code downstream: refuse the row, never store a part (columns not read are not checked).
        for (index, cell) in record.fields.enumerated() where map.roles[index] != .unmatched && ResponseReader.containsNUL(cell) {
            reasons.append("столбец \(index + 1) («\(map.headers[index])»): в ячейке нулевой байт (NUL) — файл повреждён; удалите этот символ")
        }
        if !reasons.isEmpty {
            return .rejected(RejectedRow(line: record.line, fields: record.fields, reasons: reasons))
        }
        var response = Response()
        response.answers.reserveCapacity(columnQuestions.count)
        for (index, role) in map.roles.enumerated() {
            let cell = record.fields[index]
            switch role {
            case .timestamp:
                if !cell.isBlank {
                    guard let time = Timestamp.canonical(cell) else {
                        reasons.append("столбец «\(map.headers[index])»: не удалось прочитать дату «\(cell)»")
                        continue
                    }
                    response.submittedAt = time
                }
            case .question(let id):
                guard let column = columnQuestions[index] else { continue }
                do throws(AnswerParser.Problem) {
                    if let answer = try parser.parse(cell, for: column.question, fast: column.matcher, buffer: &buffer) { response[id] = answer }
                } catch {
                    reasons.append("столбец \(index + 1), \(error.description)")
                }
            case .optionFlag, .unmatched:
                continue
            }
        }
        if !reasons.isEmpty {
            return .rejected(RejectedRow(line: record.line, fields: record.fields, reasons: reasons))
        }
        guard fingerprints else {
            return .accepted(AcceptedRow(line: record.line, response: response, fingerprint: ""))
        }
        let print = Fingerprint(record.fields)
        let occurrence = (occurrences[print] ?? 0) + 1
        occurrences[print] = occurrence
        return .accepted(AcceptedRow(line: record.line, response: response, fingerprint: "\(print)#\(occurrence)"))
    }
}

/// A column of answers as the reader needs it for every row (a class: rows read it, never copy it).
final class ColumnPlan {
    let question: Question
    /// The question's place in the questionnaire (and in a ``PositionalRow``).
    let position: Int
    let matcher: CellMatcher?

    init(question: Question, position: Int, matcher: CellMatcher?) {
        self.question = question
        self.position = position
        self.matcher = matcher
    }
}

extension ResponseReader {
    /// Whether a cell holds a NUL byte (`memchr` over its UTF-8).
    static func containsNUL(_ cell: String) -> Bool {
        var cell = cell
        return cell.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }
}

/// A 128-bit FNV-1a digest of a row's cells (two 64-bit lanes with different offsets).
struct Fingerprint: Hashable, CustomStringConvertible {
    let high: UInt64
    let low: UInt64

    init(_ fields: [String]) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for field in fields {
            for byte in field.trimmed.utf8 {
                a = (a ^ UInt64(byte)) &* prime
                b = (b ^ UInt64(byte ^ 0x5c)) &* prime
            }
            a = (a ^ 0x1f) &* prime
            b = (b ^ 0x1f) &* prime
        }
        high = a
        low = b
    }

    var description: String {
        let h = String(high, radix: 16), l = String(low, radix: 16)
        return String(repeating: "0", count: 16 - h.count) + h + String(repeating: "0", count: 16 - l.count) + l
    }
}
