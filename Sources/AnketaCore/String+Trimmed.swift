extension String {
    /// The text without leading and trailing white space (spaces, tabs, line breaks, no-break
    /// spaces). Pure Swift, and free when there is nothing to trim — the usual case for a cell.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        // Nothing to trim only when neither end is white space.
        if first == scalars.startIndex, let last = scalars.last, !last.isSpaceLike { return self }
        let last = scalars.lastIndex(where: { !$0.isSpaceLike }) ?? first
        return String(self[first...last])
    }

    /// Whether the text is empty or only white space.
    public var isBlank: Bool {
        unicodeScalars.allSatisfy(\.isSpaceLike)
    }
}

extension Unicode.Scalar {
    /// White space, checked cheaply for ASCII and Cyrillic before asking Unicode's tables.
    @inlinable var isSpaceLike: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0: return true
        case 0x21..<0x80, 0x400..<0x530: return false
        default: return properties.isWhitespace
        }
    }
}
