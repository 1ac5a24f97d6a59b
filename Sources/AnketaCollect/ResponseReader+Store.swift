import AnketaCore
import Foundation

/// What ``ResponseReader/readForStore(header:warning:_:)`` hands over for a data row.
package enum StoreReadOutcome {
    /// An accepted row read over its bytes, with its fingerprint (occurrence included), as
    /// ``AcceptedRow/fingerprint`` would be.
    case answers(PositionalRow, fingerprint: String)
    /// A row read the usual way (rejected, blank, or accepted after a closer look).
    case other(ResponseReader.Outcome)
}

extension ResponseReader {
    /// Reads for an import into the store: like ``readPositional(header:warning:_:)`` (the same rows
    /// accepted, rejected and blank, the same answers, reasons and warnings as
    /// ``read(header:warning:_:)``), but with fingerprints — computed over each row's bytes
    /// (``Fingerprint/init(cells:_:)``), equal bit for bit to those of `read`, so that duplicates of
    /// rows stored by an older version are found. Rows read the usual way count their occurrences in
    /// the same table, so identical rows are numbered alike whichever way each was read.
    ///
    /// Only for CSV files in UTF-8; anything else (XLSX, Windows-1251) is read the usual way.
    @discardableResult
    package func readForStore(header onHeader: (ColumnMap) throws -> Void = { _ in }, warning: (Diagnostic) -> Void = { _ in },
                              _ body: (StoreReadOutcome) throws -> Void) throws -> ColumnMap {
        guard let csv = source as? CSVReader, csv.encoding == .utf8, computesFingerprints else {
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
                if rows.fill(&row, from: raw, columns: columns), let print = Fingerprint(cells: raw.count, { raw[$0] }) {
                    let occurrence = (rows.occurrences[print] ?? 0) + 1
                    rows.occurrences[print] = occurrence
                    try body(.answers(row, fingerprint: "\(print)#\(occurrence)"))
                } else {
                    try body(.other(rows.outcome(raw.record())))
                }
            }
        }
        guard let map = rows.columns else { throw CollectError.emptyFile(displayPath) }
        return map
    }
}
