import AnketaCore

/// A response's answers as one compact binary value: the `response.answers` column (schema v8,
/// BLOB on SQLite, BYTEA on PostgreSQL).
///
/// Hand-written because nothing off the shelf fits: the answers are a handful of tagged values
/// (an option code, several codes in their order, a double, a text) and must round-trip exactly —
/// every bit of a number, every byte of a text (NUL and odd Unicode included), an empty multiple
/// choice told apart from no answer — with one pass to write and one to read, no schema compiler
/// and no dependency beyond the standard library. Changing the layout means a new version byte,
/// never a new meaning for an old one.
///
/// Layout, version 1 (all lengths and counts unsigned LEB128 varints):
///
/// ```text
/// version            1 byte  (1)
/// then per answer, until the end of the value:
///   question id      varint length, UTF-8 bytes
///   kind             1 byte: 0 no answer, 1 option, 2 options, 3 number, 4 text
///   payload          option:  varint length, UTF-8 code
///                    options: varint count, then each code as varint length + UTF-8 (in the order given)
///                    number:  8 bytes, the IEEE-754 double's bit pattern, little-endian
///                    text:    varint length, UTF-8 exactly as given
///                    no answer: nothing
/// ```
///
/// A response with no answers is the version byte alone. ``decode(_:responseID:)`` checks every
/// length and kind and throws ``StoreError`` (never traps) on a value it cannot read.
package enum AnswerCodec {
    package static let version: UInt8 = 1

    enum Kind: UInt8 {
        case noAnswer = 0, option, options, number, text
    }

    /// A response's answers, by question id (sorted, so the same answers always encode alike).
    package static func encode(_ answers: [String: Answer]) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(16 + answers.count * 24)
        for (question, answer) in answers.sorted(by: { $0.key < $1.key }) {
            appendString(question, to: &bytes)
            append(answer, to: &bytes)
        }
        return bytes
    }

    /// Answers by question position (``PositionalRow``-style: `answers[i]` answers the question whose
    /// id is `questionIDs[i]`), written into `bytes` (emptied first, its capacity reused).
    package static func encode(_ answers: [Answer?], questionIDs: EncodedQuestionIDs, into bytes: inout [UInt8]) {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(version)
        for index in answers.indices {
            guard let answer = answers[index] else { continue }
            bytes.append(contentsOf: questionIDs.prefixes[index])
            append(answer, to: &bytes)
        }
    }

    /// Appends one answer's kind and payload.
    static func append(_ answer: Answer, to bytes: inout [UInt8]) {
        switch answer {
        case .noAnswer:
            bytes.append(Kind.noAnswer.rawValue)
        case .option(let code):
            bytes.append(Kind.option.rawValue)
            appendString(code, to: &bytes)
        case .options(let codes):
            bytes.append(Kind.options.rawValue)
            appendVarint(UInt64(codes.count), to: &bytes)
            for code in codes { appendString(code, to: &bytes) }
        case .number(let number):
            bytes.append(Kind.number.rawValue)
            var bits = number.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        case .text(let text):
            bytes.append(Kind.text.rawValue)
            appendString(text, to: &bytes)
        }
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    // MARK: - Reading

    /// The answers in a stored value; `responseID` names the response in the error when the value
    /// cannot be read.
    package static func decode(_ bytes: UnsafeRawBufferPointer, responseID: Int64) throws(StoreError) -> [String: Answer] {
        var reader = Reader(bytes: bytes)
        do throws(Reader.Failure) {
            return try reader.answers()
        } catch {
            throw StoreError.corruptAnswers(responseID, error.reason, offset: reader.offset)
        }
    }

    /// ``decode(_:responseID:)`` over an array of bytes.
    package static func decode(_ bytes: [UInt8], responseID: Int64) throws(StoreError) -> [String: Answer] {
        let result = bytes.withUnsafeBytes { buffer -> Result<[String: Answer], StoreError> in
            do throws(StoreError) {
                return .success(try decode(buffer, responseID: responseID))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads a value front to back, checking every length against what is left.
    struct Reader {
        struct Failure: Error {
            let reason: String
        }

        let bytes: UnsafeRawBufferPointer
        var offset = 0

        mutating func answers() throws(Failure) -> [String: Answer] {
            guard let first = bytes.first else { throw Failure(reason: "пустое значение") }
            guard first == AnswerCodec.version else { throw Failure(reason: "неизвестная версия записи \(first)") }
            offset = 1
            var answers: [String: Answer] = [:]
            while offset < bytes.count {
                let question = try string()
                guard let kindByte = byte(), let kind = Kind(rawValue: kindByte) else {
                    throw Failure(reason: "неизвестный вид ответа на вопрос «\(question)»")
                }
                guard answers[question] == nil else { throw Failure(reason: "вопрос «\(question)» записан дважды") }
                switch kind {
                case .noAnswer: answers[question] = .noAnswer
                case .option: answers[question] = .option(try string())
                case .options:
                    let count = try varint()
                    // Each code takes at least one byte (its length): a larger count is corrupt.
                    guard count <= UInt64(bytes.count - offset) else { throw Failure(reason: "число вариантов больше записи") }
                    var codes: [String] = []
                    codes.reserveCapacity(Int(count))
                    for _ in 0..<count { codes.append(try string()) }
                    answers[question] = .options(codes)
                case .number:
                    guard bytes.count - offset >= 8 else { throw Failure(reason: "число обрезано") }
                    var bits: UInt64 = 0
                    for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
                    offset += 8
                    answers[question] = .number(Double(bitPattern: bits))
                case .text: answers[question] = .text(try string())
                }
            }
            return answers
        }

        mutating func byte() -> UInt8? {
            guard offset < bytes.count else { return nil }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func varint() throws(Failure) -> UInt64 {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                guard let next = byte() else { throw Failure(reason: "длина обрезана") }
                guard shift < 63 || (shift == 63 && next <= 1) else { throw Failure(reason: "слишком длинное число") }
                value |= UInt64(next & 0x7f) << shift
                if next < 0x80 { return value }
                shift += 7
            }
        }

        mutating func string() throws(Failure) -> String {
            let length = try varint()
            guard length <= UInt64(bytes.count - offset) else { throw Failure(reason: "текст длиннее записи") }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + Int(length))])
            guard let text = String(validating: slice, as: UTF8.self) else { throw Failure(reason: "текст не в UTF-8") }
            offset += Int(length)
            return text
        }
    }
}

/// The questions of a questionnaire as the codec writes them before each answer (length and UTF-8
/// id), worked out once per import.
package struct EncodedQuestionIDs: Sendable {
    let prefixes: [[UInt8]]

    package init(_ ids: [String]) {
        prefixes = ids.map { id in
            var bytes: [UInt8] = []
            AnswerCodec.appendString(id, to: &bytes)
            return bytes
        }
    }
}
