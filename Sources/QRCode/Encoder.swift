/// Turns bytes into the final interleaved codeword sequence of a symbol.
enum Encoder {
    /// The smallest version in `minimumVersion...40` whose byte-mode capacity holds `byteCount` bytes.
    static func smallestVersion(byteCount: Int, correction: QRCode.ErrorCorrection, minimumVersion: Int = 1) -> Int? {
        (max(1, minimumVersion)...40).first { Tables.byteCapacity(version: $0, correction: correction) >= byteCount }
    }

    /// Data codewords: mode indicator, character count, the bytes, terminator, bit padding, pad bytes.
    static func dataCodewords(_ bytes: [UInt8], version: Int, correction: QRCode.ErrorCorrection) -> [UInt8] {
        let capacity = Tables.dataCodewords(version: version, correction: correction)
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)  // byte mode
        bits.append(bytes.count, count: Tables.byteCountBits(version: version))
        for byte in bytes { bits.append(Int(byte), count: 8) }
        precondition(bits.count <= capacity * 8, "data does not fit the chosen version")
        bits.append(0, count: min(4, capacity * 8 - bits.count))  // terminator
        bits.append(0, count: (8 - bits.count % 8) % 8)  // up to a byte boundary
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < capacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits data into blocks, appends each block's Reed–Solomon codewords and interleaves them.
    static func interleave(_ data: [UInt8], version: Int, correction: QRCode.ErrorCorrection) -> [UInt8] {
        let level = correction.tableIndex
        let blockCount = Tables.blockCount[level][version]
        let eccLength = Tables.eccCodewordsPerBlock[level][version]
        let total = Tables.totalCodewords(version: version)
        precondition(data.count == total - eccLength * blockCount)

        // The first blocks are one data codeword shorter than the rest (group 1 and group 2).
        let shortBlockCount = blockCount - total % blockCount
        let shortDataLength = total / blockCount - eccLength
        let generator = ReedSolomon.generator(degree: eccLength)

        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortDataLength + (index < shortBlockCount ? 0 : 1)
            let block = Array(data[offset..<(offset + length)])
            offset += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(block, generator: generator))
        }

        var result: [UInt8] = []
        result.reserveCapacity(total)
        for i in 0...shortDataLength {
            for block in dataBlocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<eccLength {
            for block in eccBlocks { result.append(block[i]) }
        }
        return result
    }
}

/// A growing sequence of bits, most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        precondition(count >= 0 && (count == 0 || value >> count == 0))
        for shift in stride(from: count - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// Packs the bits into bytes; the count must be a multiple of 8.
    var bytes: [UInt8] {
        precondition(bits.count % 8 == 0)
        var result = [UInt8](repeating: 0, count: bits.count / 8)
        for (index, bit) in bits.enumerated() where bit {
            result[index / 8] |= 0x80 >> UInt8(index % 8)
        }
        return result
    }
}
