extension QRCode {
    /// The four error-correction levels of ISO/IEC 18004.
    ///
    /// Roughly the share of codewords that can be restored: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 %.
    public enum ErrorCorrection: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case low, medium, quartile, high

        /// The two level bits written into the format information (L = 01, M = 00, Q = 11, H = 10).
        var formatBits: Int {
            switch self {
            case .low: 0b01
            case .medium: 0b00
            case .quartile: 0b11
            case .high: 0b10
            }
        }

        /// Index into the per-level columns of the block tables.
        var tableIndex: Int {
            switch self {
            case .low: 0
            case .medium: 1
            case .quartile: 2
            case .high: 3
            }
        }

        public var description: String {
            switch self {
            case .low: "L"
            case .medium: "M"
            case .quartile: "Q"
            case .high: "H"
            }
        }
    }
}

/// Why a QR code could not be made.
public enum QRCodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The UTF-8 text is longer than a version 40 symbol holds at this level.
    case dataTooLong(byteCount: Int, maximum: Int, correction: QRCode.ErrorCorrection)
    /// A forced mask pattern outside 0...7.
    case invalidMask(Int)

    public var description: String {
        switch self {
        case let .dataTooLong(byteCount, maximum, correction):
            "The text is \(byteCount) bytes in UTF-8; a QR code at level \(correction) holds at most \(maximum)."
        case let .invalidMask(mask):
            "Mask pattern \(mask) does not exist; use 0...7."
        }
    }
}
