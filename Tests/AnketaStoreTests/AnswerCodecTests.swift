import AnketaCore
@testable import AnketaStore
import Testing

@Suite("Answers in one stored value (AnswerCodec)")
struct AnswerCodecTests {
    @Test("Random responses round-trip exactly: texts byte for byte, doubles bit for bit, a multiple choice's order", arguments: 0..<8)
    func roundTrip(_ seed: UInt64) throws {
        var random = RandomResponses(seed: 1000 + seed)
        random.allowsNUL = true
        for _ in 0..<250 {
            let response = random.response()
            let decoded = try AnswerCodec.decode(AnswerCodec.encode(response.answers), responseID: 1)
            #expect(decoded == response.answers)
            // Doubles compared by bits: -0 stays -0 (== would not tell).
            for (question, answer) in response.answers {
                if case .number(let number) = answer, case .number(let back)? = decoded[question] {
                    #expect(number.bitPattern == back.bitPattern)
                }
                if case .text(let text) = answer, case .text(let back)? = decoded[question] {
                    #expect(Array(text.utf8) == Array(back.utf8))
                }
            }
        }
    }

    @Test("The positional encoder writes what the dictionary encoder reads back")
    func positional() throws {
        var random = RandomResponses(seed: 77)
        let ids = (0..<30).map { "q\($0)" }
        let encodedIDs = EncodedQuestionIDs(ids)
        var bytes: [UInt8] = []
        for _ in 0..<200 {
            let answers: [Answer?] = ids.map { _ in random.random.int(below: 3) == 0 ? nil : random.answer() }
            AnswerCodec.encode(answers, questionIDs: encodedIDs, into: &bytes)
            var expected: [String: Answer] = [:]
            for (index, answer) in answers.enumerated() { expected[ids[index]] = answer }
            #expect(try AnswerCodec.decode(bytes, responseID: 1) == expected)
        }
    }

    @Test("The layout as documented: version, then id, kind and payload per answer")
    func layout() throws {
        #expect(AnswerCodec.encode([:]) == [1])
        #expect(AnswerCodec.encode(["q": .option("a")]) == [1, 1, 0x71, 1, 1, 0x61])
        #expect(AnswerCodec.encode(["q": .options([])]) == [1, 1, 0x71, 2, 0])
        #expect(AnswerCodec.encode(["q": .noAnswer]) == [1, 1, 0x71, 0])
        #expect(AnswerCodec.encode(["q": .number(1)]) == [1, 1, 0x71, 3, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(AnswerCodec.encode(["q": .text("ё")]) == [1, 1, 0x71, 4, 2, 0xD1, 0x91])
        let long = String(repeating: "x", count: 300)
        #expect(Array(AnswerCodec.encode(["q": .text(long)]).prefix(7)) == [1, 1, 0x71, 4, 0xAC, 0x02, 0x78])
    }

    @Test("An empty multiple choice, no answer and a blank question stay three different things")
    func emptyChoice() throws {
        let answers: [String: Answer] = ["a": .options([]), "b": .noAnswer, "c": .text("")]
        #expect(try AnswerCodec.decode(AnswerCodec.encode(answers), responseID: 1) == answers)
    }

    @Test("A damaged value is a StoreError naming the response, never a crash: every truncation and random flips")
    func corrupt() throws {
        var random = RandomResponses(seed: 5)
        random.allowsNUL = true
        var failures = 0
        for _ in 0..<60 {
            let bytes = AnswerCodec.encode(random.response(questions: 8).answers)
            for length in 0..<bytes.count {
                do {
                    _ = try AnswerCodec.decode(Array(bytes.prefix(length)), responseID: 42)
                    // A cut exactly between two answers is a shorter valid value.
                } catch {
                    failures += 1
                    #expect(error.description.contains("ответы анкеты № 42 в базе повреждены"))
                }
            }
            for _ in 0..<20 {
                var damaged = bytes
                damaged[random.random.int(below: damaged.count)] = UInt8(truncatingIfNeeded: random.random.next())
                _ = try? AnswerCodec.decode(damaged, responseID: 42)
            }
        }
        #expect(failures > 0)
        #expect(throws: StoreError.self) { try AnswerCodec.decode([], responseID: 1) }
        #expect(throws: StoreError.self) { try AnswerCodec.decode([2], responseID: 1) }
        // A count of codes larger than the value, a length past the end, a varint too long, a bad kind, bad UTF-8, a question twice.
        for bad: [UInt8] in [[1, 1, 0x71, 2, 0xFF, 0xFF, 0xFF, 0x0F], [1, 1, 0x71, 4, 9, 0x61],
                             [1, 1, 0x71, 4] + Array(repeating: 0xFF, count: 11), [1, 1, 0x71, 9], [1, 1, 0x71, 4, 1, 0xC3],
                             [1, 1, 0x71, 0, 1, 0x71, 0], [1, 1, 0x71, 3, 0, 0]] {
            #expect(throws: StoreError.self, "\(bad)") { try AnswerCodec.decode(bad, responseID: 1) }
        }
    }
}
