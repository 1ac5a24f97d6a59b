import CLibQREncode

extension QRCode {
    /// The four error-correction levels of ISO/IEC 18004.
    ///
    /// Roughly the share of codewords that can be restored: L ≈ 7 %, M ≈ 15 %, Q ≈ 25 %, H ≈ 30 %.
    public enum ErrorCorrection: Sendable, Hashable, CaseIterable, CustomStringConvertible {
        case low, medium, quartile, high

        /// libqrencode's name of the level.
        var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
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
    /// libqrencode refused for another reason (out of memory); the C `errno`.
    case encoderFailed(Int32)

    public var description: String {
        switch self {
        case let .dataTooLong(byteCount, maximum, correction):
            "The text is \(byteCount) bytes in UTF-8; a QR code at level \(correction) holds at most \(maximum)."
        case let .invalidMask(mask):
            "Mask pattern \(mask) does not exist; use 0...7."
        case let .encoderFailed(code):
            "libqrencode could not make the symbol (errno \(code))."
        }
    }
}
