import CLibCSV
import Foundation

/// Reads a CSV file record by record with libcsv, never holding the whole file in memory.
///
/// Encoding and delimiter are detected from the first 64 KiB unless given. Line numbers are
/// physical lines (a quoted field with line breaks spans several), so messages can point at them.
///
/// ```swift
/// let reader = try CSVReader(url: url)
/// try reader.forEachRecord { record in print(record.line, record.fields) }
/// ```
public final class CSVReader {
    public let url: URL
    public let encoding: TextEncoding
    public let delimiter: UInt8
    /// Whether the file starts with a UTF-8 byte-order mark.
    public let hasBOM: Bool
    /// Whether lines end with CR LF (Windows).
    public let usesCRLF: Bool
    private let chunkSize: Int

    public init(url: URL, format: CSVFormat = CSVFormat(), chunkSize: Int = 64 * 1024) throws {
        self.url = url
        self.chunkSize = chunkSize
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw CollectError.cannotRead(url.relativePath)
        }
        defer { try? handle.close() }
        let sample = [UInt8]((try? handle.read(upToCount: 64 * 1024)) ?? Data())
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw CollectError.unsupportedEncoding(url.relativePath, "UTF-16")
        }
        let complete = sample.count < 64 * 1024
        hasBOM = sample.starts(with: [0xEF, 0xBB, 0xBF])
        encoding = format.encoding ?? TextEncoding.detect(sample, complete: complete)
        delimiter = format.delimiter ?? CSVReader.detectDelimiter(Array(sample.dropFirst(hasBOM ? 3 : 0)))
        usesCRLF = sample.firstIndex(of: 0x0A).map { $0 > 0 && sample[$0 - 1] == 0x0D } ?? false
    }

    /// Calls `body` for every record, in order. Errors thrown by `body` stop the reading.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw CollectError.cannotRead(url.relativePath) }
        defer { try? handle.close() }

        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_REPALL_NL | CSV_APPEND_NULL)) == 0 else { throw CollectError.parserFailure("csv_init") }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)

        let state = ParseState(encoding: encoding)
        let context = Unmanaged.passUnretained(state).toOpaque()
        var first = true
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: chunkSize) ?? Data()
            } catch {
                throw CollectError.cannotRead(url.relativePath)
            }
            if chunk.isEmpty { break }
            var bytes = chunk
            if first, hasBOM { bytes = bytes.dropFirst(3) }
            first = false
            let parsed = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return csv_parse(&parser, base, raw.count, fieldCallback, recordCallback, context)
            }
            if parsed != bytes.count { throw CollectError.parserFailure(String(cString: csv_strerror(csv_error(&parser)))) }
            for record in state.ready { try body(record) }
            state.ready.removeAll(keepingCapacity: true)
        }
        csv_fini(&parser, fieldCallback, recordCallback, context)
        for record in state.ready { try body(record) }
    }

    /// Picks the delimiter whose field count is the same, and above one, on the first lines.
    static func detectDelimiter(_ sample: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: "\t")]
        var best: (delimiter: UInt8, score: Int) = (UInt8(ascii: ","), -1)
        for candidate in candidates {
            let counts = fieldCounts(sample, delimiter: candidate, lines: 6)
            guard let first = counts.first, first > 1 else { continue }
            let consistent = counts.filter { $0 == first }.count
            let score = consistent * 1000 + first
            if score > best.score { best = (candidate, score) }
        }
        return best.delimiter
    }

    /// Field counts of the first records, quote-aware (the last, possibly cut record is dropped).
    private static func fieldCounts(_ sample: [UInt8], delimiter: UInt8, lines: Int) -> [Int] {
        var counts: [Int] = []
        var fields = 1
        var inQuotes = false
        for byte in sample {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, byte == delimiter {
                fields += 1
            } else if !inQuotes, byte == 0x0A {
                counts.append(fields)
                fields = 1
                if counts.count == lines { break }
            }
        }
        return counts
    }
}

/// Mutable state shared with libcsv's C callbacks.
private final class ParseState {
    let encoding: TextEncoding
    var fields: [String] = []
    var ready: [CSVRecord] = []
    /// Line where the current record starts.
    var line = 1
    var lastTerminator: Int32 = 0
    /// Line breaks inside quoted fields of the current record.
    var embeddedBreaks = 0

    init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    func addField(_ pointer: UnsafeMutableRawPointer?, _ length: Int) {
        guard let pointer, length > 0 else {
            fields.append("")
            return
        }
        let buffer = UnsafeRawBufferPointer(start: pointer, count: length)
        var previous: UInt8 = 0
        for byte in buffer {
            if byte == 0x0A, previous != 0x0D { embeddedBreaks += 1 }
            if byte == 0x0D { embeddedBreaks += 1 }
            previous = byte
        }
        fields.append(encoding.decode(buffer))
    }

    func endRecord(_ terminator: Int32) {
        let cr: Int32 = 0x0D, lf: Int32 = 0x0A
        if fields.isEmpty {
            // A bare line break outside any record: a blank line, or the LF of a CR LF pair.
            if terminator == lf, lastTerminator == cr {
                lastTerminator = lf
                return
            }
            if terminator == cr || terminator == lf { line += 1 }
            lastTerminator = terminator
            return
        }
        ready.append(CSVRecord(line: line, fields: fields))
        line += embeddedBreaks + ((terminator == cr || terminator == lf) ? 1 : 0)
        fields.removeAll(keepingCapacity: true)
        embeddedBreaks = 0
        lastTerminator = terminator
    }
}

private func fieldCallback(_ pointer: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue().addField(pointer, length)
}

private func recordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue().endRecord(terminator)
}
