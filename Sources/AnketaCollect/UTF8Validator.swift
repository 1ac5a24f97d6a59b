import Foundation

/// Checks that bytes arriving in chunks are UTF-8, a character cut between chunks included.
struct UTF8Validator {
    private var carry: [UInt8] = []
    /// Bytes seen before the current chunk, for the offset of the first bad byte.
    private var consumed = 0
    /// Offset of the first byte that is not UTF-8, once one is found.
    private(set) var firstInvalidOffset: Int?

    /// Adds a chunk; false once a byte that is not UTF-8 is seen.
    mutating func feed(_ chunk: Data) -> Bool {
        guard firstInvalidOffset == nil else { return false }
        let bytes = carry + chunk
        let scan = bytes.withUnsafeBytes { UTF8Scan($0) }
        if let bad = scan.firstInvalidOffset {
            firstInvalidOffset = consumed - carry.count + bad
            return false
        }
        let kept = scan.cutOffset.map { bytes.count - $0 } ?? 0
        consumed += chunk.count
        carry = Array(bytes.suffix(kept))
        return true
    }

    /// Whether everything fed was UTF-8 and no character is left cut at the end.
    mutating func finish() -> Bool {
        if firstInvalidOffset == nil, !carry.isEmpty { firstInvalidOffset = consumed - carry.count }
        return firstInvalidOffset == nil
    }
}
