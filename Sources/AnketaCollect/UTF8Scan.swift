/// Bytes read as UTF-8: how many valid multi-byte sequences, how many bytes that cannot be UTF-8.
struct UTF8Scan {
    /// Valid sequences of two to four bytes (letters outside ASCII).
    var sequences = 0
    /// Bytes that start no valid sequence.
    var invalid = 0
    var firstInvalidOffset: Int?
    /// Whether the bytes end inside a sequence that is valid so far (a character cut short).
    var cutAtEnd = false
    /// Where that cut sequence starts.
    var cutOffset: Int?

    /// Whether the bytes are valid UTF-8 as a whole.
    var isValid: Bool { invalid == 0 && !cutAtEnd }

    init(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            // Unicode 15, table 3-7: the lead byte fixes the length and the range of the second byte.
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: length = 0
            }
            var valid = length > 0
            var offset = 1
            while valid, offset < length {
                if index + offset >= count {
                    cutAtEnd = true
                    cutOffset = index
                    return
                }
                let next = bytes[index + offset]
                valid = offset == 1 ? second.contains(next) : (0x80...0xBF).contains(next)
                offset += 1
            }
            if valid {
                sequences += 1
                index += length
            } else {
                invalid += 1
                if firstInvalidOffset == nil { firstInvalidOffset = index }
                index += 1
            }
        }
    }
}
