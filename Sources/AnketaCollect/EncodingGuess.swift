/// The encoding a CSV file is read in, and why — the reason is shown to the user.
public struct EncodingGuess: Sendable, Equatable {
    public var encoding: TextEncoding
    /// Why this encoding, in Russian: «все буквы — корректный UTF-8».
    public var reason: String

    public init(_ encoding: TextEncoding, because reason: String) {
        self.encoding = encoding
        self.reason = reason
    }
}
