@testable import QRCode
import Testing

// The building blocks, checked against published values.

@Suite("Reed–Solomon over GF(256)")
struct ReedSolomonTests {
    @Test("GF(256) tables use the primitive polynomial 0x11D")
    func field() {
        #expect(GaloisField.exp[0] == 1)
        #expect(GaloisField.exp[8] == 0x1D)  // α⁸ = α⁴ + α³ + α² + 1
        #expect(GaloisField.exp[255] == 1)
        #expect(GaloisField.multiply(0x80, 0x02) == 0x1D)
        for value in 1...255 {
            #expect(GaloisField.exp[GaloisField.log[value]] == UInt8(value))
        }
    }

    @Test("Generator polynomial of degree 7 (ISO/IEC 18004 annex A: α⁸⁷ α²²⁹ α¹⁴⁶ α¹⁴⁹ α²³⁸ α¹⁰² α²¹)")
    func generatorDegree7() {
        let exponents = [87, 229, 146, 149, 238, 102, 21]
        #expect(ReedSolomon.generator(degree: 7) == exponents.map { GaloisField.exp[$0] })
    }

    @Test("Generator polynomial of degree 10 (annex A: α²⁵¹ α⁶⁷ α⁴⁶ α⁶¹ α¹¹⁸ α⁷⁰ α⁶⁴ α⁹⁴ α³² α⁴⁵)")
    func generatorDegree10() {
        let exponents = [251, 67, 46, 61, 118, 70, 64, 94, 32, 45]
        #expect(ReedSolomon.generator(degree: 10) == exponents.map { GaloisField.exp[$0] })
    }

    // The classic worked example (Thonky's QR code tutorial, "HELLO WORLD" as 1-M in alphanumeric
    // mode): 16 data codewords give these 10 error-correction codewords.
    @Test("\"HELLO WORLD\" 1-M: published error-correction codewords")
    func helloWorld() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc: [UInt8] = [196, 35, 39, 119, 235, 215, 231, 226, 93, 23]
        #expect(ReedSolomon.eccCodewords(for: data, count: 10) == ecc)
    }

    @Test("Data codewords plus their ECC form a codeword: the remainder is zero")
    func codewordHasZeroRemainder() {
        let data: [UInt8] = Array("https://anketa.example.ru/".utf8)
        let ecc = ReedSolomon.eccCodewords(for: data, count: 22)
        #expect(ReedSolomon.eccCodewords(for: data + ecc, count: 22) == [UInt8](repeating: 0, count: 22))
    }
}

@Suite("Format and version information")
struct InformationTests {
    @Test("Format information for M with mask 0 is 101010000010010")
    func formatMediumMask0() {
        #expect(Matrix.formatInformation(correction: .medium, mask: 0) == 0b101010000010010)
    }

    // Thonky's format information table (ISO/IEC 18004 annex C).
    @Test("Format information matches the published table", arguments: [
        (QRCode.ErrorCorrection.low, 0, 0b111011111000100),
        (.low, 7, 0b110100101110110),
        (.medium, 4, 0b100010111111001),
        (.quartile, 2, 0b011111100110001),
        (.quartile, 6, 0b010111011011010),
        (.high, 0, 0b001011010001001),
        (.high, 7, 0b000100000111011),
    ])
    func formatTable(correction: QRCode.ErrorCorrection, mask: Int, bits: Int) {
        #expect(Matrix.formatInformation(correction: correction, mask: mask) == bits)
    }

    @Test("Version information for version 7 is 000111110010010100")
    func version7() {
        #expect(Matrix.versionInformation(version: 7) == 0b000111110010010100)
    }

    // Thonky's version information table (ISO/IEC 18004 annex D).
    @Test("Version information matches the published table", arguments: [
        (8, 0b001000010110111100), (20, 0b010100100110100110), (40, 0b101000110001101001),
    ])
    func versionTable(version: Int, bits: Int) {
        #expect(Matrix.versionInformation(version: version) == bits)
    }
}

@Suite("Version tables")
struct TableTests {
    @Test("Byte-mode capacities at the ends of the range (ISO/IEC 18004 table 7)")
    func capacities() {
        let version1 = QRCode.ErrorCorrection.allCases.map { Tables.byteCapacity(version: 1, correction: $0) }
        let version10 = QRCode.ErrorCorrection.allCases.map { Tables.byteCapacity(version: 10, correction: $0) }
        let version40 = QRCode.ErrorCorrection.allCases.map { Tables.byteCapacity(version: 40, correction: $0) }
        #expect(version1 == [17, 14, 11, 7])
        #expect(version10 == [271, 213, 151, 119])
        #expect(version40 == [2953, 2331, 1663, 1273])
    }

    @Test("Every version has 2·size² of sensible codeword counts")
    func codewordCounts() {
        #expect(Tables.totalCodewords(version: 1) == 26)
        #expect(Tables.totalCodewords(version: 7) == 196)
        #expect(Tables.totalCodewords(version: 40) == 3706)
        for version in 1...40 {
            for correction in QRCode.ErrorCorrection.allCases {
                let level = correction.tableIndex
                let data = Tables.dataCodewords(version: version, correction: correction)
                let blocks = Tables.blockCount[level][version]
                #expect(data > 0 && data >= blocks)
            }
        }
    }

    @Test("Alignment pattern centres (ISO/IEC 18004 annex E)", arguments: [
        (1, []), (2, [6, 18]), (7, [6, 22, 38]), (22, [6, 26, 50, 74, 98]),
        (32, [6, 34, 60, 86, 112, 138]), (36, [6, 24, 50, 76, 102, 128, 154]),
        (40, [6, 30, 58, 86, 114, 142, 170]),
    ])
    func alignment(version: Int, positions: [Int]) {
        #expect(Tables.alignmentPositions(version: version) == positions)
    }
}
