import CLibQREncode
import Foundation

/// A QR code symbol (ISO/IEC 18004, model 2) holding text as UTF-8 bytes in byte mode, made by
/// Debian's libqrencode (the reference C encoder, `libqrencode-dev`).
///
/// The smallest version (1–40) that fits the text at the chosen error-correction level is used,
/// and, unless one is forced, the mask pattern libqrencode scores best.
///
///     let code = try QRCode("https://anketa.example/s/7b", correction: .medium)
///     let svg = code.svg(title: "Ссылка на анкету")
public struct QRCode: Sendable, Hashable {
    /// Side length in modules (21 for version 1 … 177 for version 40), without the quiet zone.
    public let size: Int
    /// The version, 1...40.
    public let version: Int
    /// The error-correction level.
    public let correction: ErrorCorrection
    /// The mask pattern applied, 0...7 (read back from the symbol's format information).
    public let mask: Int
    /// Row-major modules, index y * size + x; true is dark.
    private let modules: [Bool]

    /// Encodes `text` as UTF-8 bytes, choosing the smallest version and the best mask.
    /// - Throws: `QRCodeError.dataTooLong` when even version 40 cannot hold the text.
    public init(_ text: String, correction: ErrorCorrection = .medium) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: nil)
    }

    /// Encodes `text` with a fixed mask pattern (0...7) instead of the best-scoring one.
    /// Meant for comparing symbols with other encoders; everyday callers want `init(_:correction:)`.
    /// - Throws: `QRCodeError.invalidMask` or `QRCodeError.dataTooLong`.
    public init(_ text: String, correction: ErrorCorrection = .medium, mask: Int) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: mask)
    }

    init(bytes: [UInt8], correction: ErrorCorrection, mask forcedMask: Int?) throws(QRCodeError) {
        if let forcedMask, !(0...7).contains(forcedMask) { throw .invalidMask(forcedMask) }
        let maximum = QRCode.maximumByteCount(correction: correction)
        guard bytes.count <= maximum else { throw .dataTooLong(byteCount: bytes.count, maximum: maximum, correction: correction) }
        guard let input = QRinput_new2(0, correction.level) else { throw .encoderFailed(errno) }
        defer { QRinput_free(input) }
        // One 8-bit segment of exactly these bytes (an empty text: no segment, only the terminator).
        if !bytes.isEmpty {
            let appended = bytes.withUnsafeBufferPointer { QRinput_append(input, QR_MODE_8, Int32($0.count), $0.baseAddress) }
            guard appended == 0 else { throw .encoderFailed(errno) }
        }
        // -1: libqrencode chooses the mask; the symbol is made by the same function either way.
        guard let symbol = QRcode_encodeMask(input, Int32(forcedMask ?? -1)) else {
            if errno == ERANGE { throw .dataTooLong(byteCount: bytes.count, maximum: maximum, correction: correction) }
            throw .encoderFailed(errno)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits describe what the module is.
        let modules = (0..<width * width).map { symbol.pointee.data[$0] & 1 == 1 }
        size = width
        version = Int(symbol.pointee.version)
        self.correction = correction
        self.modules = modules
        mask = QRCode.mask(fromFormatOf: modules, size: width)
    }

    /// The mask pattern written in the format information around the top-left finder
    /// (ISO/IEC 18004 7.9: 15 bits masked with 0x5412; bits 12…10 are the mask).
    static func mask(fromFormatOf modules: [Bool], size: Int) -> Int {
        func dark(_ x: Int, _ y: Int) -> Int { modules[y * size + x] ? 1 : 0 }
        var bits = 0
        for i in 0...5 { bits |= dark(8, i) << i }
        bits |= dark(8, 7) << 6
        bits |= dark(8, 8) << 7
        bits |= dark(7, 8) << 8
        for i in 9..<15 { bits |= dark(14 - i, 8) << i }
        return ((bits ^ 0x5412) >> 10) & 0b111
    }

    /// True when the module at column `x`, row `y` (0-based from the top left) is dark.
    /// Coordinates outside the symbol are the light quiet zone and return false.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The most UTF-8 bytes a symbol can hold at a level (version 40, byte mode; ISO/IEC 18004 table 7).
    public static func maximumByteCount(correction: ErrorCorrection) -> Int {
        switch correction {
        case .low: 2953
        case .medium: 2331
        case .quartile: 1663
        case .high: 1273
        }
    }
}
