import Foundation

/// Writes CSV the way Excel and LibreOffice read it, into a temporary file that replaces the target
/// only when ``finish()`` succeeds — an interrupted export never leaves a half-written file.
///
/// Cells are protected against CSV injection: a cell starting with `=`, `+`, `-`, `@`, tab or CR
/// (other than a negative number such as `-5`) gets a leading apostrophe, so a spreadsheet shows it as text.
public final class CSVWriter {
    public let url: URL
    public let encoding: TextEncoding
    public let delimiter: UInt8
    private let lineEnd: [UInt8]
    private let temporaryURL: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var finished = false

    /// - Parameters:
    ///   - bom: write a UTF-8 byte-order mark (Excel needs it to read UTF-8).
    ///   - crlf: end lines with CR LF.
    public init(url: URL, encoding: TextEncoding = .utf8, delimiter: UInt8 = UInt8(ascii: ","), bom: Bool = true, crlf: Bool = true) throws {
        self.url = url
        self.encoding = encoding
        self.delimiter = delimiter
        lineEnd = crlf ? [0x0D, 0x0A] : [0x0A]
        temporaryURL = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        CSVWriter.removeStaleTemporaries(of: url)
        guard FileManager.default.createFile(atPath: temporaryURL.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: temporaryURL) else {
            throw CollectError.cannotWrite(url.relativePath)
        }
        self.handle = handle
        if bom, encoding == .utf8 { buffer = [0xEF, 0xBB, 0xBF] }
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporaryURL)
        }
    }

    /// Removes `.<name>.<pid>.tmp` files beside `url` left by writers whose process is gone (killed
    /// before ``finish()`` or ``cancel()``). A temporary file of a running process is left alone.
    public static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
            let middle = name.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(middle), pid > 0, pid != ProcessInfo.processInfo.processIdentifier else { continue }
            // kill(pid, 0) probes without signalling: ESRCH means no such process.
            if kill(pid, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Appends one row.
    public func write(_ fields: [String]) throws {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(delimiter) }
            appendField(CSVWriter.protect(field))
        }
        buffer.append(contentsOf: lineEnd)
        if buffer.count >= 256 * 1024 { try flush() }
    }

    /// Writes what is buffered and moves the file into place.
    public func finish() throws {
        try flush()
        do {
            try handle.close()
            if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            try FileManager.default.moveItem(at: temporaryURL, to: url)
        } catch {
            throw CollectError.cannotWrite(url.relativePath)
        }
        finished = true
    }

    /// Abandons the file: the target is left as it was.
    public func cancel() {
        finished = true
        try? handle.close()
        try? FileManager.default.removeItem(at: temporaryURL)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw CollectError.cannotWrite(url.relativePath)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func appendField(_ field: String) {
        let bytes = encoding.encode(field)
        let needsQuotes = bytes.contains { $0 == delimiter || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || bytes.first == 0x20 || bytes.last == 0x20
        guard needsQuotes else {
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(0x22)
        for byte in bytes {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }

    /// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
    public static func protect(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        if first == "-", isPlainNumber(field.dropFirst()) { return field }
        return "'" + field
    }

    /// Digits with at most one decimal separator: what a spreadsheet reads as a number, not a formula.
    /// (`Double(_:)` is too lenient here: it accepts `+1`, `inf`, `nan` and hexadecimal.)
    private static func isPlainNumber(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber else { return false }
        var separators = 0
        for character in text {
            if character == "," || character == "." { separators += 1; continue }
            guard character.isASCII, character.isNumber else { return false }
        }
        return separators <= 1 && text.last?.isNumber == true
    }
}
