import AnketaCore
import Foundation

/// A data row read for a report: the answers by question position (the questionnaire's order), no
/// dictionary keyed by question id. The storage is reused from row to row: keep no copy.
package struct PositionalRow {
    package var line: Int
    /// When the response was submitted, canonical (`yyyy-MM-dd HH:mm:ss`).
    package var submittedAt: String?
    /// `answers[i]` answers `questionnaire.questions[i]`; nil when left blank.
    package var answers: [Answer?]
}

/// What ``ResponseReader/readPositional(header:warning:_:)`` hands over for a data row.
package enum PositionalOutcome {
    /// An accepted row, read over its bytes.
    case answers(PositionalRow)
    /// A row read the usual way (``ResponseReader/read(header:warning:_:)``): rejected, blank, or
    /// accepted when its bytes needed a closer look (a cell in another encoding, a blank-looking row).
    case other(ResponseReader.Outcome)
}

extension ResponseReader {
    /// Reads like ``read(header:warning:_:)`` — the same rows accepted, rejected and blank, the same
    /// answers, the same warnings — but decides most cells over the bytes libcsv hands over, with
    /// no `String` per cell and no ``Response`` per row: choice cells go through the column's
    /// byte matcher straight into a ``PositionalRow``. A row with anything unusual (a problem, a
    /// cell that is not plain UTF-8, a NUL byte, a cell the general way rejects) is read again the
    /// usual way and handed over as ``PositionalOutcome/other(_:)``, so its reasons and warnings
    /// are exactly those of `read`.
    ///
    /// Only for CSV files in UTF-8 read without fingerprints (a report straight from a file);
    /// anything else is read the usual way.
    @discardableResult
    package func readPositional(header onHeader: (ColumnMap) throws -> Void = { _ in }, warning: (Diagnostic) -> Void = { _ in },
                                _ body: (PositionalOutcome) throws -> Void) throws -> ColumnMap {
        guard let csv = source as? CSVReader, csv.encoding == .utf8, !computesFingerprints else {
            return try read(header: onHeader, warning: warning) { try body(.other($0)) }
        }
        let rows = RowReader(reader: self)
        var columns: [PositionalColumn] = []
        var row = PositionalRow(line: 0, submittedAt: nil, answers: Array(repeating: nil, count: questionnaire.questions.count))
        try withoutActuallyEscaping(warning) { warning in
            try csv.forEachRawRecord(warning: rows.forward(warning)) { raw in
                guard rows.columns != nil else {
                    let map = try rows.header(raw.record())
                    columns = rows.positionalColumns(map)
                    try onHeader(map)
                    return
                }
                if rows.fill(&row, from: raw, columns: columns) {
                    try body(.answers(row))
                } else {
                    try body(.other(rows.outcome(raw.record())))
                }
            }
        }
        guard let map = rows.columns else { throw CollectError.emptyFile(displayPath) }
        return map
    }
}

extension RowReader {
    /// What the byte paths (``ResponseReader/readPositional(header:warning:_:)``, `readForStore`) do
    /// with each column of this header.
    func positionalColumns(_ map: ColumnMap) -> [PositionalColumn] {
        map.roles.indices.map { index in
            switch map.roles[index] {
            case .timestamp: .timestamp
            case .question: columnQuestions[index].map(PositionalColumn.question) ?? .skip(checksNUL: true)
            case .optionFlag: .skip(checksNUL: true)
            case .unmatched: .skip(checksNUL: false)
            }
        }
    }
}

/// What the positional reader does with a column's cells.
enum PositionalColumn {
    /// Not read (checked only for bytes that would make the usual way warn or reject).
    case skip(checksNUL: Bool)
    case timestamp
    case question(ColumnPlan)
}

extension RowReader {
    /// Reads a raw record into `row`; false when the usual way must read it (see `readPositional`).
    func fill(_ row: inout PositionalRow, from raw: RawRecord, columns: [PositionalColumn]) -> Bool {
        guard raw.problem == nil, raw.count == columns.count else { return false }
        // The matchers' buffer as a local for the row (a class's stored property is checked for
        // exclusive access on every use).
        var buffer: [UInt8] = []
        swap(&buffer, &self.buffer)
        defer { swap(&buffer, &self.buffer) }
        for index in row.answers.indices where row.answers[index] != nil { row.answers[index] = nil }
        row.submittedAt = nil
        row.line = raw.line
        // Whether some cell is surely not blank; a row without one is left to the usual way (which tells blank rows).
        var visible = false
        for index in 0..<raw.count {
            let cell = raw[index]
            guard let base = cell.baseAddress, !cell.isEmpty else { continue }
            switch columns[index] {
            case .skip(let checksNUL):
                if checksNUL, memchr(base, 0, cell.count) != nil { return false }
                if !visible { visible = RowReader.hasVisibleASCII(cell) }
                guard RowReader.isASCII(cell) || UTF8Scan(UnsafeRawBufferPointer(cell)).isValid else { return false }
            case .timestamp:
                if memchr(base, 0, cell.count) != nil { return false }
                if let time = Timestamp.fixedWidth(bytes: cell) {
                    row.submittedAt = time
                    visible = true
                    continue
                }
                guard let text = RowReader.text(cell) else { return false }
                if text.isBlank { continue }
                visible = true
                guard let time = Timestamp.canonical(text) else { return false }
                row.submittedAt = time
            case .question(let column):
                if memchr(base, 0, cell.count) != nil { return false }
                if let matcher = column.matcher {
                    let answer: Answer?
                    switch column.question.kind {
                    case .single: answer = matcher.answer(cell, buffer: &buffer)
                    case .multiple: answer = matcher.choices(cell, buffer: &buffer)
                    default: answer = nil
                    }
                    if let answer {
                        row.answers[column.position] = answer
                        visible = true
                        continue
                    }
                }
                guard let text = RowReader.text(cell) else { return false }
                if !visible, !text.isBlank { visible = true }
                do {
                    row.answers[column.position] = try parser.parse(text, for: column.question, fast: column.matcher, buffer: &buffer)
                } catch {
                    return false
                }
            }
        }
        return visible
    }

    /// The cell as text when its bytes are valid UTF-8 (then the usual way decodes it to the same
    /// text, without a warning); nil otherwise.
    static func text(_ cell: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: cell, as: UTF8.self)
        if isASCII(cell) { return text }
        guard text.utf8.count == cell.count, text.withUTF8({ memcmp($0.baseAddress!, cell.baseAddress!, cell.count) == 0 }) else { return nil }
        return text
    }

    @inline(__always)
    static func isASCII(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for byte in cell { any |= byte }
        return any < 0x80
    }

    /// Whether the cell has a printable ASCII character (so it is not blank).
    @inline(__always)
    static func hasVisibleASCII(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        cell.contains { $0 > 0x20 && $0 < 0x80 }
    }
}
