import Foundation

/// The rejects file beside an input: the file's header and every rejected row as it was, with two
/// more columns — the line number in the input and the reason. Fix the rows and import the rejects
/// file itself: the two extra columns are ignored on import.
public enum RejectsFile {
    public static let lineHeader = "Строка исходного файла"
    public static let reasonHeader = "Причина отклонения"

    /// How a rejects file is written: like its input (a workbook's rejects are UTF-8 CSV with a BOM).
    public struct Format: Sendable, Equatable {
        public var encoding: TextEncoding
        public var delimiter: UInt8
        public var bom: Bool
        public var crlf: Bool

        public init(encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ","), bom: Bool = true, crlf: Bool = true) {
            self.encoding = encoding
            self.delimiter = delimiter
            self.bom = bom
            self.crlf = crlf
        }
    }

    /// `answers.csv` → `answers.rejects.csv` in the same folder. An input that is not a regular file
    /// (a named pipe, `<(cat answers.csv)` as `/dev/fd/63`) gets its rejects file in the current folder.
    public static func url(for input: URL) -> URL {
        let base = input.deletingPathExtension().lastPathComponent
        var status = stat()
        if stat(input.path, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
            return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("\(base).rejects.csv")
        }
        return input.deletingLastPathComponent().appendingPathComponent("\(base).rejects.csv")
    }

    /// Starts a rejects file (written in place only when the writer finishes) with the input's header.
    public static func writer(for input: URL, format: Format, header: [String]) throws -> CSVWriter {
        let writer = try CSVWriter(url: url(for: input), encoding: format.encoding, delimiter: format.delimiter,
                                   bom: format.bom, crlf: format.crlf)
        try writer.write(header + [lineHeader, reasonHeader])
        return writer
    }

    /// Appends one rejected row.
    public static func append(_ row: RejectedRow, to writer: CSVWriter) throws {
        try writer.write(row.fields + [String(row.line), row.reasons.joined(separator: "; ")])
    }
}
