import AnketaCore
import AnketaStore
import AnketaStorePostgres
import AnketaStoreTestSupport
import Testing

/// Schema v8 keeps a response's answers in one column: a store written by an older version
/// (v7, one `answer` row per answer) is converted when opened, and reads back identical.
@Suite("Migration to answers in one column (v8)")
struct AnswersMigrationTests {
    @Test("Random v7 responses read back identical after the migration", arguments: StoreBackend.available)
    func migratesRandomResponses(_ backend: StoreBackend) async throws {
        var random = RandomResponses(seed: backend == .sqlite ? 8 : 9)
        // Numbers as v7 could keep them (no -0 on SQLite, nothing beyond ±10¹⁸); the codec keeps
        // every double (AnswerCodecTests).
        random.v7Numbers = true
        // 2 500 responses: the conversion works a thousand at a time, so three chunks, the last short.
        let responses = (0..<2500).map { _ in random.response() }
        try await backend.withMigratedStore(questionnaire: try mini(), source: miniYAML, responses: responses) { store, wave in
            var read: [Response] = []
            try await store.forEachResponse(in: wave) { read.append($0.response) }
            #expect(read.count == responses.count)
            for (index, response) in responses.enumerated() where index < read.count {
                #expect(read[index] == response, "response \(index)")
            }
            // The old table is gone; the migration is recorded under its name.
            let table = backend == .sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE name = 'answer'"
                                           : "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'answer'"
            var remaining = -1
            if let sqlite = store as? AnketaStore { remaining = try sqlite.executeForTests(table) }
            if let postgres = store as? PostgresStore { remaining = try await postgres.executeForTests(table) }
            #expect(remaining == 0)
            #expect(try await store.responseCount(in: wave) == responses.count)
        }
    }

    @Test("A migrated store takes new rows and counts a re-import's duplicates as before", arguments: StoreBackend.available)
    func migratedStoreKeepsWorking(_ backend: StoreBackend) async throws {
        let responses = [Response(submittedAt: "2025-04-01 10:00:00", answers: ["q1": .option("yes"), "q2": .options(["a", "b"])]),
                         Response(answers: ["q2": .options([]), "comment": .text("до\nпосле")])]
        try await backend.withMigratedStore(questionnaire: try mini(), source: miniYAML, responses: responses) { store, wave in
            let row = Response(answers: ["q1": .noAnswer, "score": .number(-0.0)])
            let first = try await store.importResponses(into: wave, source: "new.csv", batchSize: 500, rejected: { 0 }) { sink in
                try sink.add(row, fingerprint: "f1")
            }
            let again = try await store.importResponses(into: wave, source: "new.csv", batchSize: 500, rejected: { 0 }) { sink in
                try sink.add(row, fingerprint: "f1")
            }
            #expect(first == ImportCounts(stored: 1) && again == ImportCounts(duplicates: 1))
            var read: [Response] = []
            try await store.forEachResponse(in: wave) { read.append($0.response) }
            #expect(read == responses + [row])
            if case .number(let number)? = read.last?["score"] { #expect(number.sign == .minus) }
            let counts = try await store.counts(in: wave, question: "q2")
            #expect(counts.map(\.value) == ["", "a", "b"] && counts.map(\.count) == [1, 1, 1])
        }
    }
}
