import AnketaCore
import CLibCSV
import Foundation

/// Reads a CSV file record by record with libcsv, never holding the whole file in memory.
///
/// The file is opened and read once — a named pipe or `<(cat answers.csv)` works like a file.
/// Encoding and delimiter are detected from the first 64 KiB unless given; a cell whose bytes do
/// not fit the detected encoding is read in the other one, with a warning that says where.
/// Line numbers are physical lines (a quoted field with line breaks spans several), so messages can point at them.
///
/// ```swift
/// let reader = try CSVReader(url: url)
/// try reader.forEachRecord { record in print(record.line, record.fields) }
/// ```
public final class CSVReader {
    public let url: URL
    /// The encoding the file is read in, and why.
    public let encodingGuess: EncodingGuess
    public let delimiter: UInt8
    /// Whether the file starts with a UTF-8 byte-order mark.
    public let hasBOM: Bool
    /// Whether lines end with CR LF (Windows).
    public let usesCRLF: Bool
    private let chunkSize: Int
    /// The first bytes, read to detect the format and parsed first.
    private let sample: [UInt8]
    private var handle: FileHandle?

    /// A cell longer than this is a broken file (an unclosed quote swallowing the rest), not an answer.
    public static let maximumFieldBytes = 1 << 20
    /// More fields in one record than Excel has columns is a broken file.
    public static let maximumFields = 16_384
    static let sampleSize = 64 * 1024

    public var encoding: TextEncoding { encodingGuess.encoding }

    public init(url: URL, format: CSVFormat = CSVFormat(), chunkSize: Int = 64 * 1024) throws {
        self.url = url
        self.chunkSize = max(1, chunkSize)
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw CollectError.cannotRead(url.relativePath) }
        self.handle = handle
        let sample = try CSVReader.read(upTo: CSVReader.sampleSize, from: handle, url: url)
        self.sample = sample
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) || CSVReader.looksLikeUTF16(sample) {
            try? handle.close()
            throw CollectError.unsupportedEncoding(url.relativePath, "UTF-16")
        }
        if sample.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            try? handle.close()
            throw CollectError.workbookAsCSV(url.relativePath)
        }
        let complete = sample.count < CSVReader.sampleSize
        hasBOM = sample.starts(with: [0xEF, 0xBB, 0xBF])
        if let encoding = format.encoding {
            encodingGuess = EncodingGuess(encoding, because: "задана параметром")
        } else {
            encodingGuess = TextEncoding.guess(sample, complete: complete)
        }
        delimiter = format.delimiter ?? CSVReader.detectDelimiter(Array(sample.dropFirst(hasBOM ? 3 : 0)))
        usesCRLF = sample.firstIndex(of: 0x0A).map { $0 > 0 && sample[$0 - 1] == 0x0D } ?? false
    }

    deinit {
        try? handle?.close()
    }

    /// Calls `body` for every record, in order. Errors thrown by `body` stop the reading.
    /// `warning` hears about cells read in the other encoding or with bytes replaced.
    ///
    /// A regular file can be read again; a pipe only once.
    public func forEachRecord(warning: (Diagnostic) -> Void = { _ in }, _ body: (CSVRecord) throws -> Void) throws {
        try parse(raw: false, warning: warning, body: body, rawBody: { _ in })
    }

    /// Like ``forEachRecord(warning:_:)``, but hands every record over as its bytes
    /// (``RawRecord``), valid only during the call: no `String` is made of a cell unless the reader asks
    /// (``RawRecord/record()`` decodes all of them, with the warnings `forEachRecord` gives). For
    /// readers that decide most cells over bytes (a report straight from a file).
    package func forEachRawRecord(warning: (Diagnostic) -> Void = { _ in }, _ body: (RawRecord) throws -> Void) throws {
        try parse(raw: true, warning: warning, body: { _ in }, rawBody: body)
    }

    private func parse(raw: Bool, warning: (Diagnostic) -> Void, body: (CSVRecord) throws -> Void, rawBody: (RawRecord) throws -> Void) throws {
        let handle: FileHandle
        var pending: [UInt8]
        if let open = self.handle {
            handle = open
            pending = sample
            self.handle = nil
        } else {
            var status = stat()
            guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                  let reopened = try? FileHandle(forReadingFrom: url) else { throw CollectError.cannotRead(url.relativePath) }
            handle = reopened
            pending = []
        }
        defer { try? handle.close() }

        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_REPALL_NL | CSV_APPEND_NULL)) == 0 else { throw CollectError.parserFailure("csv_init") }
        defer { csv_free(&parser) }
        csv_set_delim(&parser, delimiter)

        let state = ParseState(encoding: encoding, file: url.relativePath, raw: raw)
        var scanner = CSVScanner(delimiter: delimiter)
        let context = Unmanaged.passUnretained(state).toOpaque()
        var skipBOM = hasBOM
        var finished = false
        while true {
            if pending.isEmpty {
                if finished { break }
                pending = try CSVReader.read(upTo: chunkSize, from: handle, url: url)
                if pending.isEmpty { break }
                if pending.count < chunkSize { finished = true }
            }
            var bytes = pending.prefix(chunkSize)
            pending.removeFirst(bytes.count)
            if skipBOM {
                bytes = bytes.dropFirst(3)
                skipBOM = false
            }
            if raw {
                // Records kept as bytes: the scanner that reads as libcsv does, faster (`CSVScanner`).
                bytes.withUnsafeBytes { scanner.parse($0, into: state) }
            } else {
                let parsed = bytes.withUnsafeBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return csv_parse(&parser, base, raw.count, fieldCallback, recordCallback, context)
                }
                if parsed != bytes.count {
                    throw CollectError.malformedCSV(url.relativePath, line: state.line, "libcsv: \(String(cString: csv_strerror(csv_error(&parser))))")
                }
            }
            try deliver(state, warning: warning, body, rawBody)
            if (raw ? scanner.fieldLength : parser.entry_pos) > CSVReader.maximumFieldBytes {
                throw CollectError.malformedCSV(url.relativePath, line: state.line,
                                                "ячейка длиннее \(CSVReader.maximumFieldBytes / (1 << 20)) МиБ — похоже, кавычка в этой строке не закрыта")
            }
        }
        // A quote still open at the end of the file took every line after it into one cell.
        if raw {
            if scanner.quoted, scanner.state == .fieldBegun { state.unclosedQuote = true }
            scanner.finish(into: state)
        } else {
            if parser.quoted != 0, parser.pstate == 2 /* FIELD_BEGUN */ { state.unclosedQuote = true }
            csv_fini(&parser, fieldCallback, recordCallback, context)
        }
        try deliver(state, warning: warning, body, rawBody)
        if state.suppressedWarnings > 0 {
            warning(Diagnostic(.warning, at: SourceLocation(file: url.relativePath),
                               "ещё в \(RussianPlural.rowIn(state.suppressedWarnings)) ячейки прочитаны не в кодировке \(encoding.rawValue) (выше показаны первые \(ParseState.shownWarnings))",
                               hint: "пересохраните файл целиком в одной кодировке, например «CSV UTF-8»"))
        }
    }

    private func deliver(_ state: ParseState, warning: (Diagnostic) -> Void, _ body: (CSVRecord) throws -> Void,
                         _ rawBody: (RawRecord) throws -> Void) throws {
        if let line = state.tooWideAt {
            throw CollectError.malformedCSV(url.relativePath, line: line, "в строке больше 16 384 столбцов — это не таблица ответов")
        }
        // Warnings come just before the record they are about.
        for item in state.ready {
            switch item {
            case .record(let record): try body(record)
            case .warning(let note): warning(note)
            case .raw(let line, let first, let count, let problem):
                try withoutActuallyEscaping(warning) { warning in
                    try state.kept.pointee.arena.withUnsafeBufferPointer { arena in
                        try state.kept.pointee.ends.withUnsafeBufferPointer { ends in
                            try rawBody(RawRecord(line: line, problem: problem, arena: arena, ends: ends, first: first, count: count,
                                                  state: state, warning: warning))
                        }
                    }
                }
            }
        }
        state.ready.removeAll(keepingCapacity: true)
        state.dropDeliveredFields()
    }

    /// Reads up to `count` bytes, across short reads of pipes; fewer only at the end of the file.
    private static func read(upTo count: Int, from handle: FileHandle, url: URL) throws -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: count - bytes.count) ?? Data()
            } catch {
                throw CollectError.cannotRead(url.relativePath)
            }
            if chunk.isEmpty { break }
            bytes.append(contentsOf: chunk)
        }
        return bytes
    }

    /// UTF-16 without a byte-order mark: the high byte of each character (every other byte) is
    /// 0x00 for Latin and punctuation, 0x04 for Cyrillic.
    static func looksLikeUTF16(_ sample: [UInt8]) -> Bool {
        let prefix = Array(sample.prefix(1024))
        guard prefix.count >= 8, prefix.contains(0) else { return false }
        for parity in 0...1 {
            let high = stride(from: parity, to: prefix.count, by: 2).map { prefix[$0] }
            let typical = high.filter { $0 == 0x00 || $0 == 0x04 }.count
            if typical * 10 >= high.count * 9, high.contains(0) { return true }
        }
        return false
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

    /// Field counts of the first records, quote-aware; LF, CR LF and a lone CR end a record
    /// (the last, possibly cut record is dropped).
    private static func fieldCounts(_ sample: [UInt8], delimiter: UInt8, lines: Int) -> [Int] {
        var counts: [Int] = []
        var fields = 1
        var inQuotes = false
        var previous: UInt8 = 0
        for byte in sample {
            defer { previous = byte }
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, byte == delimiter {
                fields += 1
            } else if !inQuotes, byte == 0x0A || byte == 0x0D {
                if byte == 0x0A, previous == 0x0D { continue }
                counts.append(fields)
                fields = 1
                if counts.count == lines { break }
            }
        }
        return counts
    }
}

/// Mutable state shared with libcsv's C callbacks.
final class ParseState {
    static let shownWarnings = 10

    let encoding: TextEncoding
    let file: String
    var fields: [String] = []
    /// Records and warnings parsed from the current chunk, in file order.
    var ready: [Item] = []
    var suppressedWarnings = 0
    /// Line where the current record starts.
    var line = 1
    var lastTerminator: Int32 = 0
    /// Line breaks inside quoted fields of the current record.
    var embeddedBreaks = 0
    /// The line of a record with more fields than ``CSVReader/maximumFields`` (its extra fields are dropped).
    var tooWideAt: Int?
    /// Set before the final record when its quote is never closed.
    var unclosedQuote = false
    /// Columns of the current record decoded with a doubt, by kind of doubt.
    private var doubts: [Doubt: [Int]] = [:]
    private var shown = 0

    enum Item {
        case record(CSVRecord)
        case warning(Diagnostic)
        /// A record kept as bytes: its fields are `ends[first..<first + count]` into `arena`.
        case raw(line: Int, first: Int, count: Int, problem: String?)
    }

    /// Whether fields are kept as bytes (``CSVReader/forEachRawRecord(warning:_:)``).
    let raw: Bool
    /// The fields kept as bytes, behind a pointer: the callback for every field changes them, and
    /// stored properties of a class would be checked for exclusive access on each change.
    let kept: UnsafeMutablePointer<KeptFields>

    /// The bytes of the records parsed from the current chunk.
    struct KeptFields {
        /// The fields' bytes, one after another.
        var arena: [UInt8] = []
        /// Where each field ends in `arena` (it starts where the one before ends).
        var ends: [Int] = []
        /// The number of fields of the current record, and where its first one's end is kept.
        var count = 0
        var first = 0
    }

    enum Doubt: Hashable {
        case readAsWindows1251, replaced, readAsUTF8
    }

    init(encoding: TextEncoding, file: String, raw: Bool = false) {
        self.encoding = encoding
        self.file = file
        self.raw = raw
        kept = UnsafeMutablePointer<KeptFields>.allocate(capacity: 1)
        kept.initialize(to: KeptFields())
    }

    deinit {
        kept.deinitialize(count: 1)
        kept.deallocate()
    }

    func addField(_ pointer: UnsafeMutableRawPointer?, _ length: Int) {
        if raw {
            addRawField(pointer, length)
            return
        }
        guard fields.count < CSVReader.maximumFields else {
            if tooWideAt == nil { tooWideAt = line }
            return
        }
        guard let pointer, length > 0 else {
            fields.append("")
            return
        }
        let bytes = UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length)
        embeddedBreaks += ParseState.lineBreaks(in: bytes)
        // Most cells of a UTF-8 file: decoded by the standard library's fast path, kept when nothing
        // was replaced (same bytes back); otherwise the checks below say what was wrong.
        if encoding == .utf8 {
            var text = String(decoding: bytes, as: UTF8.self)
            if text.utf8.count == length, text.withUTF8({ memcmp($0.baseAddress!, pointer, length) == 0 }) {
                fields.append(text)
                return
            }
        }
        let buffer = UnsafeRawBufferPointer(bytes)
        let ascii = !bytes.contains(where: { $0 >= 0x80 })
        fields.append(ascii ? String(decoding: buffer, as: UTF8.self) : decode(buffer))
    }

    private func addRawField(_ pointer: UnsafeMutableRawPointer?, _ length: Int) {
        let kept = self.kept
        guard kept.pointee.count < CSVReader.maximumFields else {
            if tooWideAt == nil { tooWideAt = line }
            return
        }
        if kept.pointee.count == 0 { kept.pointee.first = kept.pointee.ends.count }
        kept.pointee.count += 1
        // Line breaks inside the fields are counted once per record (`endRawRecord`), not per field.
        if let pointer, length > 0 {
            kept.pointee.arena.append(contentsOf: UnsafeBufferPointer(start: pointer.assumingMemoryBound(to: UInt8.self), count: length))
        }
        kept.pointee.ends.append(kept.pointee.arena.count)
    }

    /// Forgets the bytes of the records delivered; the fields of a record not yet ended (it goes on
    /// in the next chunk) are kept, moved to the front.
    func dropDeliveredFields() {
        guard raw else { return }
        guard kept.pointee.count > 0 else {
            kept.pointee.arena.removeAll(keepingCapacity: true)
            kept.pointee.ends.removeAll(keepingCapacity: true)
            return
        }
        let first = kept.pointee.first
        let start = first == 0 ? 0 : kept.pointee.ends[first - 1]
        kept.pointee.arena.removeSubrange(0..<start)
        kept.pointee.ends.removeSubrange(0..<first)
        for index in kept.pointee.ends.indices { kept.pointee.ends[index] -= start }
        kept.pointee.first = 0
    }

    /// Decodes the `column`-th (0-based) field of a raw record as ``addField(_:_:)`` would, noting
    /// doubts for ``rawWarnings(line:)``.
    func decodeRaw(_ bytes: UnsafeBufferPointer<UInt8>, column: Int) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        if encoding == .utf8 {
            var text = String(decoding: bytes, as: UTF8.self)
            if text.utf8.count == bytes.count, text.withUTF8({ memcmp($0.baseAddress!, base, bytes.count) == 0 }) { return text }
        }
        let buffer = UnsafeRawBufferPointer(bytes)
        let ascii = !bytes.contains(where: { $0 >= 0x80 })
        return ascii ? String(decoding: buffer, as: UTF8.self) : decode(buffer, column: column + 1)
    }

    /// The warnings about the doubts noted while decoding a raw record (as `forEachRecord` gives them).
    func rawWarnings(line: Int) -> [Diagnostic] {
        guard !doubts.isEmpty else { return [] }
        let saved = (ready, self.line)
        ready = []
        self.line = line
        warnAboutDoubts()
        let notes = ready.compactMap { item -> Diagnostic? in if case .warning(let note) = item { note } else { nil } }
        (ready, self.line) = saved
        return notes
    }

    /// The line breaks inside the fields of the record just ended (kept as bytes): what
    /// ``lineBreaks(in:)`` counts field by field, in one pass over the record's bytes. An LF right
    /// after a CR is one break with it, except where the LF starts a field (the CR ended the field
    /// before), which counts it as a field of its own would.
    private func recordLineBreaks() -> Int {
        let first = kept.pointee.first, count = kept.pointee.count
        return kept.pointee.arena.withUnsafeBufferPointer { arena in
            kept.pointee.ends.withUnsafeBufferPointer { ends in
                let start = first == 0 ? 0 : ends[first - 1]
                let end = ends[first + count - 1]
                guard let base = arena.baseAddress, end > start else { return 0 }
                let bytes = UnsafeBufferPointer(start: base + start, count: end - start)
                var breaks = ParseState.lineBreaks(in: bytes)
                // A CR ending one field and an LF starting the next: two breaks field by field.
                // (Empty fields between them share the offset: counted once.)
                if breaks > 0 {
                    var counted = -1
                    for field in first..<(first + count - 1) {
                        let boundary = ends[field]
                        if boundary != counted, boundary > start, boundary < end, arena[boundary] == 0x0A, arena[boundary - 1] == 0x0D {
                            breaks += 1
                            counted = boundary
                        }
                    }
                }
                return breaks
            }
        }
    }

    /// Line breaks inside a field: every CR, and every LF not after a CR (a CR LF pair is one).
    /// Found with `memchr`, as they are rare.
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
        var breaks = 0
        func scan(for target: UInt8) {
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(target), bytes.count - offset) {
                let index = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if target == 0x0D || index == 0 || bytes[index - 1] != 0x0D { breaks += 1 }
                offset = index + 1
            }
        }
        scan(for: 0x0D)
        scan(for: 0x0A)
        return breaks
    }

    /// Decodes a cell with non-ASCII bytes in the file's encoding, or in the other one when the
    /// bytes say so (a row saved in Windows-1251 inside a UTF-8 file, and the reverse).
    private func decode(_ buffer: UnsafeRawBufferPointer) -> String {
        decode(buffer, column: fields.count + 1)
    }

    private func decode(_ buffer: UnsafeRawBufferPointer, column: Int) -> String {
        let scan = UTF8Scan(buffer)
        switch encoding {
        case .utf8:
            if scan.isValid { return TextEncoding.utf8.decode(buffer) }
            if scan.sequences == 0 {
                doubts[.readAsWindows1251, default: []].append(column)
                return TextEncoding.windows1251.decode(buffer)
            }
            doubts[.replaced, default: []].append(column)
            return TextEncoding.utf8.decode(buffer)
        case .windows1251:
            if scan.isValid, scan.sequences >= 2 {
                doubts[.readAsUTF8, default: []].append(column)
                return TextEncoding.utf8.decode(buffer)
            }
            return TextEncoding.windows1251.decode(buffer)
        }
    }

    /// One warning per record and kind of doubt, naming the columns (the first ten records; then counted).
    private func warnAboutDoubts() {
        for (doubt, columns) in doubts.sorted(by: { $0.value[0] < $1.value[0] }) {
            guard shown < Self.shownWarnings else {
                suppressedWarnings += 1
                continue
            }
            shown += 1
            let which = columns.count == 1 ? "столбец \(columns[0])" : "столбцы " + columns.map(String.init).joined(separator: ", ")
            let message: String, hint: String
            switch doubt {
            case .readAsWindows1251:
                message = "\(which): байты не из UTF-8 — прочитано как Windows-1251"
                hint = "проверьте текст этой строки; пересохраните файл целиком как «CSV UTF-8»"
            case .replaced:
                message = "\(which): байты, недопустимые в UTF-8, заменены знаком «\u{FFFD}»"
                hint = "файл повреждён или обрезан — проверьте эту строку"
            case .readAsUTF8:
                message = "\(which): текст в UTF-8 внутри файла в Windows-1251 — прочитано как UTF-8"
                hint = "проверьте текст этой строки; пересохраните файл целиком в одной кодировке"
            }
            ready.append(.warning(Diagnostic(.warning, at: SourceLocation(file: file, line: line, column: columns[0]), message, hint: hint)))
        }
        doubts.removeAll()
    }

    func endRecord(_ terminator: Int32) {
        let cr: Int32 = 0x0D, lf: Int32 = 0x0A
        if raw {
            endRawRecord(terminator)
            return
        }
        if fields.isEmpty {
            bareLineBreak(terminator)
            return
        }
        if !doubts.isEmpty { warnAboutDoubts() }
        var record = CSVRecord(line: line, fields: fields)
        if unclosedQuote { record.problem = Self.unclosedQuoteProblem }
        ready.append(.record(record))
        line += embeddedBreaks + ((terminator == cr || terminator == lf) ? 1 : 0)
        fields.removeAll(keepingCapacity: true)
        embeddedBreaks = 0
        lastTerminator = terminator
    }
}

extension ParseState {
    static let unclosedQuoteProblem = "кавычка в этой строке не закрыта до конца файла — все строки после неё попали в одну ячейку"

    /// A line break outside any record: a blank line (counted), or the LF of a CR LF pair.
    private func bareLineBreak(_ terminator: Int32) {
        let cr: Int32 = 0x0D, lf: Int32 = 0x0A
        if terminator == lf, lastTerminator == cr {
            lastTerminator = lf
            return
        }
        if terminator == cr || terminator == lf { line += 1 }
        lastTerminator = terminator
    }

    /// ``endRecord(_:)`` for records kept as bytes.
    private func endRawRecord(_ terminator: Int32) {
        let cr: Int32 = 0x0D, lf: Int32 = 0x0A
        if kept.pointee.count == 0 {
            bareLineBreak(terminator)
            return
        }
        let problem: String? = unclosedQuote ? Self.unclosedQuoteProblem : nil
        ready.append(.raw(line: line, first: kept.pointee.first, count: kept.pointee.count, problem: problem))
        line += recordLineBreaks() + ((terminator == cr || terminator == lf) ? 1 : 0)
        kept.pointee.count = 0
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
