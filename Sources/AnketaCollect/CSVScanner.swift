import Foundation

/// A CSV scanner that hands over the same fields and records as libcsv's `csv_parse` does with
/// Anketa's options (`CSV_REPALL_NL | CSV_APPEND_NULL`, not strict, spaces and tabs trimmed around
/// unquoted fields, `"` as the quote), chunk after chunk — the same state machine, case for case,
/// but with the runs of ordinary bytes inside a field taken in one step: an unquoted field up to the
/// next delimiter or line break, a quoted one up to the next quote (`memchr`). libcsv looks at every
/// byte through its general loop, which made it a third of the time of a report from a file.
///
/// Used by ``CSVReader/forEachRawRecord(warning:_:)`` (reports straight from a file); the usual
/// reader keeps libcsv. `PositionalReaderTests` read every fixture both ways and compare.
struct CSVScanner {
    /// libcsv's parser states (`pstate`).
    enum State: UInt8 {
        case rowNotBegun = 0, fieldNotBegun, fieldBegun, fieldMightHaveEnded
    }

    let delimiter: UInt8
    /// Bytes above this are never a delimiter, a line break, a space or a tab.
    private let top: UInt8
    private(set) var state = State.rowNotBegun
    /// Whether the current field began with a quote.
    private(set) var quoted = false
    /// Spaces and tabs at the end of the field so far (trimmed from an unquoted field, and after a
    /// quoted field's closing quote).
    private var spaces = 0
    /// The current field's bytes (libcsv's `entry_buf`) are `entry` followed by the chunk's bytes
    /// `runStart..<runEnd`: a field that lies in one piece in the chunk (most do) is handed over
    /// from the chunk itself, without a copy.
    private var entry: [UInt8] = []
    private var runStart = 0
    private var runEnd = 0

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        top = max(delimiter, 0x20)
        entry.reserveCapacity(1024)
    }

    /// The length of the field being read (libcsv's `entry_pos`), to refuse a runaway quoted cell.
    /// (Read between chunks, when the run is in `entry`.)
    var fieldLength: Int { entry.count + runEnd - runStart }

    private static let quote: UInt8 = 0x22
    private static let cr: UInt8 = 0x0D
    private static let lf: UInt8 = 0x0A

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Adds the chunk's bytes `from..<to` to the field.
    @inline(__always)
    private mutating func append(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) {
        if runEnd == from || runStart == runEnd {
            if runStart == runEnd { runStart = from }
            runEnd = to
            return
        }
        flush(base)
        runStart = from
        runEnd = to
    }

    /// Moves the run into `entry` (before its bytes are no longer contiguous or the chunk ends).
    private mutating func flush(_ base: UnsafePointer<UInt8>) {
        if runEnd > runStart { entry.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: runEnd - runStart)) }
        runStart = 0
        runEnd = 0
    }

    /// Drops the field's last `count` bytes.
    @inline(__always)
    private mutating func dropLast(_ count: Int, _ base: UnsafePointer<UInt8>) {
        guard count > 0 else { return }
        if runEnd - runStart >= count {
            runEnd -= count
        } else {
            flush(base)
            entry.removeLast(count)
        }
    }

    @inline(__always)
    private mutating func submitField(_ base: UnsafePointer<UInt8>, _ target: ParseState) {
        if !quoted { dropLast(spaces, base) }
        if entry.isEmpty {
            target.addField(UnsafeMutableRawPointer(mutating: base + runStart), runEnd - runStart)
        } else {
            flush(base)
            entry.withUnsafeMutableBytes { target.addField($0.baseAddress, $0.count) }
            entry.removeAll(keepingCapacity: true)
        }
        runStart = 0
        runEnd = 0
        state = .fieldNotBegun
        quoted = false
        spaces = 0
    }

    @inline(__always)
    private mutating func submitRow(_ terminator: Int32, _ target: ParseState) {
        target.endRecord(terminator)
        state = .rowNotBegun
        quoted = false
        spaces = 0
    }

    /// Reads a chunk, calling `target.addField` for every field and `target.endRecord` for every
    /// record ended in it, as libcsv's callbacks are called.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, into target: ParseState) {
        guard let raw = bytes.baseAddress else { return }
        let base = UnsafePointer<UInt8>(raw.assumingMemoryBound(to: UInt8.self))
        let count = bytes.count
        let delimiter = self.delimiter
        let top = self.top
        var index = 0
        while index < count {
            let c = base[index]
            switch state {
            case .rowNotBegun, .fieldNotBegun:
                if Self.isSpace(c), c != delimiter {
                    index += 1
                } else if c == Self.cr || c == Self.lf {
                    if state == .fieldNotBegun { submitField(base, target) }
                    submitRow(Int32(c), target)
                    index += 1
                } else if c == delimiter {
                    submitField(base, target)
                    index += 1
                } else if c == Self.quote {
                    state = .fieldBegun
                    quoted = true
                    index += 1
                } else {
                    state = .fieldBegun
                    quoted = false
                    append(base, index, index + 1)
                    spaces = 0
                    index += 1
                }
            case .fieldBegun:
                if quoted {
                    // Everything up to the next quote is the field's (delimiters and line breaks
                    // too), and the quote as well until what follows it says it closed the field.
                    let rest = count - index
                    if let found = memchr(base + index, Int32(Self.quote), rest) {
                        let end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                        append(base, index, end + 1)
                        if end > index { spaces = 0 }
                        state = .fieldMightHaveEnded
                        index = end + 1
                    } else {
                        append(base, index, count)
                        spaces = 0
                        index = count
                    }
                    continue
                }
                // Unquoted: up to the next delimiter or line break (a quote here is an ordinary
                // byte), counting the spaces and tabs at the end.
                var end = index
                var trailing = spaces
                while end < count {
                    let byte = base[end]
                    if byte > top {
                        trailing = 0
                    } else if byte == delimiter || byte == Self.cr || byte == Self.lf {
                        break
                    } else if Self.isSpace(byte) {
                        trailing += 1
                    } else {
                        trailing = 0
                    }
                    end += 1
                }
                if end > index { append(base, index, end) }
                spaces = trailing
                index = end
                guard index < count else { break }
                let stop = base[index]
                submitField(base, target)
                if stop != delimiter { submitRow(Int32(stop), target) }
                index += 1
            case .fieldMightHaveEnded:
                // After a quote inside a quoted field.
                if c == delimiter {
                    dropLast(spaces + 1, base)
                    spaces = 0
                    submitField(base, target)
                } else if c == Self.cr || c == Self.lf {
                    dropLast(spaces + 1, base)
                    spaces = 0
                    submitField(base, target)
                    submitRow(Int32(c), target)
                } else if Self.isSpace(c) {
                    append(base, index, index + 1)
                    spaces += 1
                } else if c == Self.quote {
                    if spaces > 0 {
                        spaces = 0
                        append(base, index, index + 1)
                    } else {
                        // Two quotes in a row: one quote in the field (the first one, kept).
                        state = .fieldBegun
                    }
                } else {
                    state = .fieldBegun
                    spaces = 0
                    append(base, index, index + 1)
                }
                index += 1
            }
        }
        // The chunk's bytes are gone after this call: a field not yet ended keeps its own copy.
        flush(base)
    }

    /// Ends the last record when the file does not end with a line break (libcsv's `csv_fini`).
    mutating func finish(into target: ParseState) {
        // The run is empty here (flushed at the end of every chunk); no chunk bytes are read.
        let none = UnsafePointer<UInt8>(bitPattern: 1)!
        switch state {
        case .fieldMightHaveEnded:
            dropLast(spaces + 1, none)
            spaces = 0
            submitField(none, target)
            submitRow(-1, target)
        case .fieldNotBegun, .fieldBegun:
            submitField(none, target)
            submitRow(-1, target)
        case .rowNotBegun:
            break
        }
        state = .rowNotBegun
        quoted = false
        spaces = 0
        entry.removeAll(keepingCapacity: true)
    }
}
