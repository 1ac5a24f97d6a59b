import AnketaCollect
import Foundation

/// A results file read whole: the accepted rows and the rejected ones, the rejects file written
/// beside the input (`результаты.csv` → `результаты.rejects.csv`, as `anketa ingest` does).
///
/// Nothing is stored: reading the same file again gives the same rows, so the command is
/// idempotent by construction. A repeated student × subject × procedure inside a file is rejected.
public struct ResultsImport: Sendable {
    public var rows: [ResultRow]
    public var rejected: [ResultsRejectedRow]
    /// How the file was read: «utf-8, разделитель — точка с запятой».
    public var summary: String
    /// The rejects file, when rows were rejected.
    public var rejectsFile: URL?

    /// Reads `url`; with `writeRejects` the rejected rows go to the rejects file beside it (and a
    /// rejects file left by an earlier run is removed when every row is now accepted).
    public init(url: URL, definition: ResultsDefinition, displayPath: String? = nil, writeRejects: Bool = true) throws {
        let reader = try ResultsReader(url: url, definition: definition, displayPath: displayPath)
        var rows: [ResultRow] = []
        var rejected: [ResultsRejectedRow] = []
        try reader.read { outcome in
            switch outcome {
            case .accepted(let row): rows.append(row)
            case .rejected(let row): rejected.append(row)
            case .blank: break
            }
        }
        self.rows = rows
        self.rejected = rejected
        summary = reader.source.summary
        rejectsFile = nil
        guard writeRejects else { return }
        let target = RejectsFile.url(for: url)
        if rejected.isEmpty {
            if FileManager.default.fileExists(atPath: target.path) { try? FileManager.default.removeItem(at: target) }
            return
        }
        // The two columns a rejects file adds are dropped when it is read back after fixing.
        let header = reader.header.filter { $0 != RejectsFile.lineHeader && $0 != RejectsFile.reasonHeader }
        let writer = try RejectsFile.writer(for: url, format: reader.source.rejectsFormat, header: header)
        do {
            for row in rejected {
                try writer.write(Array(row.fields.prefix(header.count)) + [String(row.line), row.reasons.joined(separator: "; ")])
            }
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
        rejectsFile = target
    }
}
