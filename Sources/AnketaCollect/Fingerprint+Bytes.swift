import AnketaCore

extension Fingerprint {
    /// The fingerprint of a row whose cells are valid UTF-8, computed over their bytes: bit for bit
    /// ``init(_:)`` over the cells decoded as `String`s — each cell trimmed as `String.trimmed` trims
    /// (Unicode white space at either end, scalar by scalar), so a file stored by an older version
    /// finds its duplicates when ingested again. Nil when a cell is not valid UTF-8 (the decoded text
    /// would differ from the bytes; such a row is read the usual way).
    init?(cells count: Int, _ cell: (Int) -> UnsafeBufferPointer<UInt8>) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        let prime: UInt64 = 0x0000_0100_0000_01b3
        for index in 0..<count {
            let bytes = cell(index)
            if !bytes.isEmpty {
                var any: UInt8 = 0
                for byte in bytes { any |= byte }
                if any >= 0x80, !UTF8Scan(UnsafeRawBufferPointer(bytes)).isValid { return nil }
                for byte in bytes[Self.trimmedRange(bytes)] {
                    a = (a ^ UInt64(byte)) &* prime
                    b = (b ^ UInt64(byte ^ 0x5c)) &* prime
                }
            }
            a = (a ^ 0x1f) &* prime
            b = (b ^ 0x1f) &* prime
        }
        high = a
        low = b
    }

    /// The cell's bytes without leading and trailing white space (valid UTF-8 assumed).
    static func trimmedRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = bytes.count
        // The usual cell: a visible ASCII character at both ends.
        if let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return start..<end }
        while start < end {
            let (scalar, length) = scalar(in: bytes, at: start)
            guard isSpace(scalar) else { break }
            start += length
        }
        while end > start {
            var begin = end - 1
            while begin > start, bytes[begin] & 0xC0 == 0x80 { begin -= 1 }
            guard isSpace(scalar(in: bytes, at: begin).value) else { break }
            end = begin
        }
        return start..<end
    }

    /// The scalar value starting at `offset` and its length in bytes.
    @inline(__always)
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for index in 1..<length where offset + index < bytes.count { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (value, length)
    }

    /// Unicode's White_Space, which `String.trimmed` trims (`Unicode.Scalar.Properties.isWhitespace`).
    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
