import Crypto
import Foundation

/// Form tokens the server issues and recognises: 32 random hex digits and an HMAC-SHA256 of them
/// under the server's key (first 16 bytes, as hex) — 64 characters, always.
///
/// A visitor's token is set as a cookie and repeated in every form (double submit). Only a token
/// this server made passes, so a client can neither invent one (an equal cookie and field «abc» is
/// refused) nor use an oversized one as a rate-limiter key.
///
/// ```swift
/// let tokens = FormTokens(key: key)
/// let token = tokens.issue()
/// tokens.isValid(token)   // true
/// ```
struct FormTokens: Sendable {
    static let length = 64
    private let key: SymmetricKey

    /// `keyHex`: the server's secret as hex (at least 32 bytes).
    init(keyHex: String) {
        key = SymmetricKey(data: FormTokens.bytes(hex: keyHex) ?? Array(keyHex.utf8))
    }

    /// A new token.
    func issue() -> String {
        let nonce = Tokens.hex(bytes: 16)
        return nonce + signature(nonce)
    }

    /// Whether `token` is one this server issued.
    func isValid(_ token: String) -> Bool {
        guard token.utf8.count == FormTokens.length, token.utf8.allSatisfy(FormTokens.isHexDigit) else { return false }
        let nonce = String(token.prefix(32)), mac = String(token.suffix(32))
        return Tokens.equal(signature(nonce), mac)
    }

    private func signature(_ nonce: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(nonce.utf8), using: key)
        return Tokens.hex(mac.prefix(16))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count >= 2, digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = FormData.hexValue(digits[index]), let low = FormData.hexValue(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}
