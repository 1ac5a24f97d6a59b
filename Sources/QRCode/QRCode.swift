/// A QR code symbol (ISO/IEC 18004, model 2) holding text as UTF-8 bytes in byte mode.
///
/// The smallest version (1–40) that fits the text at the chosen error-correction level is used,
/// and, unless one is forced, the mask pattern with the lowest penalty score.
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
    /// The mask pattern applied, 0...7.
    public let mask: Int
    /// Row-major modules, index y * size + x; true is dark.
    private let modules: [Bool]

    /// Encodes `text` as UTF-8 bytes, choosing the smallest version and the best mask.
    /// - Throws: `QRCodeError.dataTooLong` when even version 40 cannot hold the text.
    public init(_ text: String, correction: ErrorCorrection = .medium) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: nil)
    }

    /// Encodes `text` with a fixed mask pattern (0...7) instead of the lowest-penalty one.
    /// Meant for comparing symbols with other encoders; everyday callers want `init(_:correction:)`.
    /// - Throws: `QRCodeError.invalidMask` or `QRCodeError.dataTooLong`.
    public init(_ text: String, correction: ErrorCorrection = .medium, mask: Int) throws(QRCodeError) {
        try self.init(bytes: Array(text.utf8), correction: correction, mask: mask)
    }

    /// Encodes raw bytes. `minimumVersion` lets checks force a larger symbol than needed.
    init(bytes: [UInt8], correction: ErrorCorrection, mask forcedMask: Int?, minimumVersion: Int = 1) throws(QRCodeError) {
        if let forcedMask, !(0...7).contains(forcedMask) { throw .invalidMask(forcedMask) }
        guard let version = Encoder.smallestVersion(
            byteCount: bytes.count, correction: correction, minimumVersion: minimumVersion)
        else {
            throw .dataTooLong(byteCount: bytes.count,
                               maximum: Tables.byteCapacity(version: 40, correction: correction),
                               correction: correction)
        }

        let data = Encoder.dataCodewords(bytes, version: version, correction: correction)
        let codewords = Encoder.interleave(data, version: version, correction: correction)
        var matrix = Matrix(version: version)
        matrix.placeCodewords(codewords)

        let chosenMask: Int
        if let forcedMask {
            chosenMask = forcedMask
        } else {
            var best = (mask: 0, penalty: Int.max)
            for candidate in 0..<8 {
                matrix.applyMask(candidate)
                matrix.drawFormatInformation(bits: Matrix.formatInformation(correction: correction, mask: candidate))
                let penalty = matrix.penalty
                if penalty < best.penalty { best = (candidate, penalty) }
                matrix.applyMask(candidate)  // undo
            }
            chosenMask = best.mask
        }
        matrix.applyMask(chosenMask)
        matrix.drawFormatInformation(bits: Matrix.formatInformation(correction: correction, mask: chosenMask))

        self.size = matrix.size
        self.version = version
        self.correction = correction
        self.mask = chosenMask
        self.modules = matrix.modules
    }

    /// True when the module at column `x`, row `y` (0-based from the top left) is dark.
    /// Coordinates outside the symbol are the light quiet zone and return false.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The most UTF-8 bytes a symbol can hold at a level (version 40).
    public static func maximumByteCount(correction: ErrorCorrection) -> Int {
        Tables.byteCapacity(version: 40, correction: correction)
    }
}
