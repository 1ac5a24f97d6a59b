extension TextEncoding {
    /// Guesses the encoding of a file from its first bytes; see ``guess(_:complete:)``.
    public static func detect(_ sample: [UInt8], complete: Bool) -> TextEncoding {
        guess(sample, complete: complete).encoding
    }

    /// Guesses the encoding of a file from its first bytes (or all of them: `complete`).
    ///
    /// A UTF-8 BOM means UTF-8. Otherwise the letters are counted: valid UTF-8 sequences against
    /// bytes that cannot be UTF-8, and the majority wins — one stray byte or one row saved in
    /// Windows-1251 does not turn a UTF-8 file into Windows-1251 (the reader falls back cell by
    /// cell and warns). A character cut at the very end, as in a file cut short, does not count.
    public static func guess(_ sample: [UInt8], complete: Bool) -> EncodingGuess {
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { return EncodingGuess(.utf8, because: "метка BOM UTF-8 в начале файла") }
        let scan = sample.withUnsafeBytes { UTF8Scan($0) }
        let scope = complete ? "в файле" : "в начале файла"
        if scan.invalid == 0 {
            if scan.sequences == 0 {
                return EncodingGuess(.utf8, because: "\(scope) нет букв, кроме латинских, — UTF-8 и Windows-1251 совпадают")
            }
            if scan.cutAtEnd, complete {
                return EncodingGuess(.utf8, because: "корректный UTF-8, но последний символ файла обрезан")
            }
            return EncodingGuess(.utf8, because: "все буквы \(scope) — корректный UTF-8")
        }
        let line = lineNumber(at: scan.firstInvalidOffset ?? 0, in: sample)
        if scan.sequences > scan.invalid {
            return EncodingGuess(.utf8, because: "почти все буквы — корректный UTF-8; ячейки не в UTF-8, впервые в строке \(line), читаются как Windows-1251")
        }
        return EncodingGuess(.windows1251, because: "байты, недопустимые в UTF-8, \(scope), впервые в строке \(line)")
    }

    /// 1-based line of a byte offset (LF, CR LF and CR end lines).
    static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < min(offset, bytes.count) {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) { line += 1 }
            index += 1
        }
        return line
    }
}
