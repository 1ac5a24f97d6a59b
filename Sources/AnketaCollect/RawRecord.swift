import AnketaCore

/// One record of a CSV file as its bytes, valid only during the call that hands it over
/// (``CSVReader/forEachRawRecord(warning:_:)``): cells are looked at without making a `String` of
/// each; ``record()`` decodes them all when a reader needs the usual ``CSVRecord``.
package struct RawRecord {
    /// 1-based physical line where the record starts.
    package let line: Int
    /// Why the record cannot be trusted as a row (an unclosed quote), when it cannot.
    package let problem: String?
    /// The number of fields.
    package let count: Int
    private let arena: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>
    private let first: Int
    private let state: ParseState
    private let warning: (Diagnostic) -> Void

    init(line: Int, problem: String?, arena: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, first: Int, count: Int,
         state: ParseState, warning: @escaping (Diagnostic) -> Void) {
        self.line = line
        self.problem = problem
        self.arena = arena
        self.ends = ends
        self.first = first
        self.count = count
        self.state = state
        self.warning = warning
    }

    /// The bytes of the `index`-th field (0-based), as they stand in the file.
    @inline(__always)
    package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let end = ends[first + index]
        let start = first + index == 0 ? 0 : ends[first + index - 1]
        return UnsafeBufferPointer(rebasing: arena[start..<end])
    }

    /// The record with its fields decoded as ``CSVReader/forEachRecord(warning:_:)`` decodes them;
    /// cells read with a doubt are reported to the reader's `warning` first, as there.
    package func record() -> CSVRecord {
        var fields: [String] = []
        fields.reserveCapacity(count)
        for index in 0..<count { fields.append(state.decodeRaw(self[index], column: index)) }
        for note in state.rawWarnings(line: line) { warning(note) }
        return CSVRecord(line: line, fields: fields, problem: problem)
    }
}
