import Foundation

/// The rejects file beside an input: the file's header and every rejected row as it was, with two
/// more columns — the line number in the input and the reason. Fix the rows and import the rejects
/// file itself: the two extra columns are ignored on import.
public enum RejectsFile {
    public static let lineHeader = "Строка исходного файла"
    public static let reasonHeader = "Причина отклонения"

    /// `answers.csv` → `answers.rejects.csv` in the same folder.
    public static func url(for input: URL) -> URL {
        let base = input.deletingPathExtension().lastPathComponent
        return input.deletingLastPathComponent().appendingPathComponent("\(base).rejects.csv")
    }

    /// Writes the rejects in the input's own encoding and delimiter, so it opens the same way.
    public static func write(_ rows: [RejectedRow], header: [String], like reader: CSVReader, to url: URL) throws {
        let writer = try CSVWriter(url: url, encoding: reader.encoding, delimiter: reader.delimiter,
                                   bom: reader.encoding == .utf8, crlf: reader.usesCRLF || reader.encoding == .windows1251)
        try writer.write(header + [lineHeader, reasonHeader])
        for row in rows {
            try writer.write(row.fields + [String(row.line), row.reasons.joined(separator: "; ")])
        }
        try writer.finish()
    }
}
