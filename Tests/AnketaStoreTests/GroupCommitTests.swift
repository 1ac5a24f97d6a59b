import AnketaCore
@testable import AnketaStore
import AnketaStoreTestSupport
import AnketaTestSupport
import Foundation
import Testing

/// Concurrent web submissions: on SQLite they share one transaction and one sync (group commit),
/// each in a savepoint of its own; on PostgreSQL each is its own transaction. On both, every
/// acknowledged submission is stored exactly once and every refused or failed one stores nothing.
@Suite("Group commit of web submissions")
struct GroupCommitTests {
    /// An open run without codes, a closed run and an open run with codes, each in a wave of its own.
    struct Runs {
        let open: SurveyRun
        let closed: SurveyRun
        let coded: SurveyRun
        /// Waves by run slug.
        let waves: [String: Wave]
        let codes: [String]

        func wave(_ run: SurveyRun) throws -> Wave {
            guard let wave = waves[run.slug] else { throw StoreError.database("no wave for \(run.slug)") }
            return wave
        }
    }

    static func prepare(_ store: any SurveyStore) async throws -> Runs {
        let questionnaire = try mini()
        try await store.register(questionnaire, source: miniYAML)
        var waves: [String: Wave] = [:]
        func run(_ name: String, closes: String, code: Bool) async throws -> SurveyRun {
            let wave = try await store.wave(for: questionnaire, named: name, unit: nil, create: true)
            let run = try await store.createRun(wave: wave, slug: name, opensAt: "2000-01-01 00:00:00", closesAt: closes, requiresCode: code)
            waves[name] = wave
            return run
        }
        let open = try await run("open", closes: "2999-01-01 00:00:00", code: false)
        let closed = try await run("closed", closes: "2001-01-01 00:00:00", code: false)
        let coded = try await run("coded", closes: "2999-01-01 00:00:00", code: true)
        let codes = (0..<12).map { "CODE-\($0)" }
        try await store.addCodes(codes, run: try #require(coded.id))
        return Runs(open: open, closed: closed, coded: coded, waves: waves, codes: codes)
    }

    /// A response that names its submission in the comment, so that what is stored can be matched
    /// with what was acknowledged.
    static func response(_ label: String) -> Response {
        Response(submittedAt: nil, answers: ["q1": .option("4"), "sources": .options(["chat", "site"]), "comment": .text(label)])
    }

    static func comments(_ store: any SurveyStore, _ wave: Wave) async throws -> [String] {
        var comments: [String] = []
        try await store.forEachResponse(in: wave) { stored in
            if case .text(let text)? = stored.response["comment"] { comments.append(text) }
        }
        return comments.sorted()
    }

    enum Kind: CaseIterable {
        case valid, duplicateToken, spentToken, closedRun, codeValid, codeUnknown, codeMissing
    }

    @Test("Seeded rounds of concurrent valid, duplicate-token, closed-run and bad-code submissions: each acknowledged one stored once, each refused one stores nothing",
          arguments: StoreBackend.available)
    func randomizedRounds(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let runs = try await Self.prepare(store)
            var random = SeededRandom(seed: 2026)
            var spentTokens: [String] = []
            var usedCodes: Set<String> = []
            var acknowledged: [String: [String]] = [:]
            var ids: Set<Int64> = []
            for round in 0..<6 {
                var plan: [(kind: Kind, run: SurveyRun, code: String?, token: String, label: String)] = []
                let count = 8 + random.int(below: 40)
                var tokensThisRound: [String] = []
                for index in 0..<count {
                    let label = "r\(round)-\(index)"
                    var kind = Kind.allCases[random.int(below: Kind.allCases.count)]
                    if kind == .duplicateToken && tokensThisRound.isEmpty { kind = .valid }
                    if kind == .spentToken && spentTokens.isEmpty { kind = .valid }
                    let fresh = "token-\(label)"
                    switch kind {
                    case .valid:
                        tokensThisRound.append(fresh)
                        plan.append((kind, runs.open, nil, fresh, label))
                    case .duplicateToken:
                        plan.append((kind, runs.open, nil, tokensThisRound[random.int(below: tokensThisRound.count)], label))
                    case .spentToken:
                        plan.append((kind, runs.open, nil, spentTokens[random.int(below: spentTokens.count)], label))
                    case .closedRun:
                        plan.append((kind, runs.closed, nil, fresh, label))
                    case .codeValid:
                        plan.append((kind, runs.coded, runs.codes[random.int(below: runs.codes.count)], fresh, label))
                    case .codeUnknown:
                        plan.append((kind, runs.coded, "NOPE-\(index)", fresh, label))
                    case .codeMissing:
                        plan.append((kind, runs.coded, nil, fresh, label))
                    }
                }
                let outcomes = try await withThrowingTaskGroup(of: (Int, Result<Int64, SubmissionRefusal>).self) { group in
                    for (index, item) in plan.enumerated() {
                        group.addTask {
                            do {
                                let id = try await store.submit(Self.response(item.label), run: item.run, code: item.code, formToken: item.token,
                                                                now: "2026-04-01 10:00:00")
                                return (index, .success(id))
                            } catch let refusal as SubmissionRefusal {
                                return (index, .failure(refusal))
                            }
                        }
                    }
                    return try await group.reduce(into: [Int: Result<Int64, SubmissionRefusal>]()) { $0[$1.0] = $1.1 }
                }
                #expect(outcomes.count == plan.count)
                // Per token at most one acknowledgement; per code at most one.
                var ackedTokens: [String: Int] = [:]
                var ackedCodes: [String: Int] = [:]
                for (index, item) in plan.enumerated() {
                    let outcome = try #require(outcomes[index])
                    switch outcome {
                    case .success(let id):
                        #expect(ids.insert(id).inserted, "response id \(id) given twice")
                        #expect([Kind.valid, .duplicateToken, .codeValid].contains(item.kind), "\(item.label) \(item.kind) was stored")
                        #expect(!spentTokens.contains(item.token), "\(item.label): a token spent in an earlier round was accepted")
                        ackedTokens[item.token, default: 0] += 1
                        if let code = item.code {
                            #expect(!usedCodes.contains(code), "\(item.label): a code used earlier was accepted")
                            ackedCodes[code, default: 0] += 1
                        }
                        acknowledged[item.run.slug, default: []].append(item.label)
                    case .failure(let refusal):
                        switch item.kind {
                        // A valid one loses only to a copy of its own token sent at the same moment.
                        case .valid, .duplicateToken, .spentToken: #expect(refusal == .alreadyReceived, "\(item.label)")
                        case .closedRun: #expect(refusal == .runNotOpen(.closed), "\(item.label)")
                        case .codeValid: #expect(refusal == .codeUsed, "\(item.label)")
                        case .codeUnknown: #expect(refusal == .codeInvalid, "\(item.label)")
                        case .codeMissing: #expect(refusal == .codeRequired, "\(item.label)")
                        }
                    }
                }
                #expect(ackedTokens.values.allSatisfy { $0 == 1 })
                #expect(ackedCodes.values.allSatisfy { $0 == 1 })
                // Every token sent with a fresh token to the open run is stored once (a valid one and its duplicates: one of them).
                for token in Set(plan.filter { $0.kind == .valid }.map(\.token)) {
                    #expect(ackedTokens[token] == 1, "round \(round): token \(token)")
                }
                // A code that was free before the round is used by exactly one submission if any tried it.
                for code in Set(plan.filter { $0.kind == .codeValid }.compactMap(\.code)) where !usedCodes.contains(code) {
                    #expect(ackedCodes[code] == 1, "round \(round): code \(code)")
                }
                spentTokens += ackedTokens.keys
                usedCodes.formUnion(ackedCodes.keys)
                // The store holds exactly the acknowledged submissions, each once.
                for run in [runs.open, runs.closed, runs.coded] {
                    let wave = try runs.wave(run)
                    #expect(try await Self.comments(store, wave) == (acknowledged[run.slug] ?? []).sorted(), "round \(round), \(run.slug)")
                }
                for token in Set(plan.map(\.token)) {
                    #expect(try await store.isFormTokenConsumed(token) == spentTokens.contains(token), "round \(round): token \(token)")
                }
                let codeStates = try await store.codes(run: try #require(runs.coded.id))
                #expect(Set(codeStates.filter(\.used).map(\.code)) == usedCodes)
            }
        }
    }

    @Test("A form's state in one read: unknown, with a draft (until it expires), spent", arguments: StoreBackend.available)
    func formState(_ backend: StoreBackend) async throws {
        try await backend.withStore { test async throws in
            let store = test.store
            let runs = try await Self.prepare(store)
            let empty = try await store.formState(token: "t1", now: "2026-04-01 10:00:00")
            #expect(!empty.consumed && empty.draft == nil)
            try await store.saveDraft(FormDraft(token: "t1", runID: try #require(runs.open.id), visitor: "v", code: nil, answers: ["q1": ["4"]],
                                                expiresAt: "2026-04-02 10:00:00"), now: "2026-04-01 10:00:00")
            let drafted = try await store.formState(token: "t1", now: "2026-04-01 11:00:00")
            #expect(!drafted.consumed && drafted.draft?.answers == ["q1": ["4"]])
            #expect(try await store.formState(token: "t1", now: "2026-04-02 10:00:00").draft == nil, "expired")
            _ = try await store.submit(Self.response("a"), run: runs.open, code: nil, formToken: "t1", now: "2026-04-01 12:00:00")
            let spent = try await store.formState(token: "t1", now: "2026-04-01 12:00:00")
            #expect(spent.consumed && spent.draft == nil)
        }
    }

    @Test("One batch: each submission in its own savepoint gets its own outcome; the refused ones leave nothing behind")
    func oneBatch() async throws {
        try await StoreBackend.sqlite.withStore { test async throws in
            let store = try #require(test.store as? AnketaStore)
            let runs = try await Self.prepare(store)
            try store.saveDraft(FormDraft(token: "t1", runID: try #require(runs.open.id), visitor: "v", code: nil, answers: ["q1": ["4"]],
                                          expiresAt: "2999-01-01 00:00:00"), now: "2026-04-01 09:00:00")
            func item(_ label: String, _ run: SurveyRun, token: String?, code: String? = nil) -> WebSubmission {
                WebSubmission(response: Self.response(label), run: run, code: code, formToken: token, now: "2026-04-01 10:00:00")
            }
            let outcomes = try store.commitSubmissions([
                item("a", runs.open, token: "t1"),
                item("b", runs.open, token: "t1"),
                item("c", runs.closed, token: "t3"),
                item("d", runs.coded, token: "t4", code: "NOPE"),
                item("e", runs.coded, token: "t5", code: "CODE-1"),
                item("f", runs.coded, token: "t6", code: "CODE-1"),
                item("g", runs.coded, token: "t7"),
                item("h", runs.open, token: nil),
            ])
            #expect(outcomes.map { (try? $0.get()) != nil } == [true, false, false, false, true, false, false, true])
            let refusals: [SubmissionRefusal] = outcomes.compactMap { outcome in
                guard case .failure(let refusal) = outcome else { return nil }
                return refusal
            }
            #expect(refusals == [.alreadyReceived, .runNotOpen(.closed), .codeInvalid, .codeUsed, .codeRequired])
            #expect(try await Self.comments(store, try runs.wave(runs.open)) == ["a", "h"])
            #expect(try await Self.comments(store, try runs.wave(runs.coded)) == ["e"])
            #expect(try await Self.comments(store, try runs.wave(runs.closed)).isEmpty)
            for (token, spent) in [("t1", true), ("t3", false), ("t4", false), ("t5", true), ("t6", false), ("t7", false)] {
                #expect(try store.isFormTokenConsumed(token) == spent, "\(token)")
            }
            #expect(try store.draftCount() == 0, "the draft of the stored form is deleted with it")
            #expect(try store.codes(run: try #require(runs.coded.id)).filter(\.used).map(\.code) == ["CODE-1"])
        }
    }

    /// Makes every commit that holds a response of `wave` fail: a deferred foreign key that the
    /// response's trigger breaks is checked only at COMMIT.
    static func failCommits(of wave: Wave, _ test: TestStore) async throws {
        let waveID = try #require(wave.id)
        try await test.execute("CREATE TABLE test_parent (id INTEGER PRIMARY KEY)")
        try await test.execute("CREATE TABLE test_child (parent INTEGER REFERENCES test_parent (id) DEFERRABLE INITIALLY DEFERRED)")
        try await test.execute("""
            CREATE TRIGGER test_fail_commit AFTER INSERT ON response WHEN NEW.wave_id = \(waveID)
            BEGIN INSERT INTO test_child (parent) VALUES (-1); END
            """)
    }

    @Test("A commit that fails acknowledges nothing of its batch and stores nothing of it")
    func failedCommit() async throws {
        try await StoreBackend.sqlite.withStore { test async throws in
            let store = try #require(test.store as? AnketaStore)
            let runs = try await Self.prepare(store)
            let failing = try runs.wave(runs.coded)
            try await Self.failCommits(of: failing, test)
            // One batch made on purpose: a good submission and one whose commit fails.
            #expect(throws: StoreError.self) {
                try store.commitSubmissions([
                    WebSubmission(response: Self.response("good"), run: runs.open, code: nil, formToken: "g1", now: "2026-04-01 10:00:00"),
                    WebSubmission(response: Self.response("bad"), run: runs.coded, code: "CODE-0", formToken: "b1", now: "2026-04-01 10:00:00"),
                ])
            }
            #expect(try await Self.comments(store, try runs.wave(runs.open)).isEmpty)
            #expect(try !store.isFormTokenConsumed("g1") && !store.isFormTokenConsumed("b1"))
            #expect(try store.codes(run: try #require(runs.coded.id)).allSatisfy { !$0.used })

            // Concurrent submissions through the queue: whatever batches form, an acknowledged one
            // is stored once, one that got an error is not stored and its token stays unspent.
            var random = SeededRandom(seed: 11)
            for round in 0..<4 {
                let plan = (0..<(10 + random.int(below: 30))).map { index in
                    (label: "r\(round)-\(index)", failing: random.int(below: 4) == 0)
                }
                let outcomes = await withTaskGroup(of: (String, Bool).self) { group in
                    for item in plan {
                        group.addTask {
                            let run = item.failing ? runs.coded : runs.open
                            do {
                                _ = try await store.submit(Self.response(item.label), run: run, code: item.failing ? "CODE-\(round)" : nil,
                                                           formToken: "token-\(item.label)", now: "2026-04-01 10:00:00")
                                return (item.label, true)
                            } catch {
                                return (item.label, false)
                            }
                        }
                    }
                    return await group.reduce(into: [String: Bool]()) { $0[$1.0] = $1.1 }
                }
                for item in plan where item.failing { #expect(outcomes[item.label] == false, "\(item.label) was acknowledged") }
                let stored = try await Self.comments(store, try runs.wave(runs.open))
                let acknowledged = outcomes.filter(\.value).map(\.key)
                #expect(stored.filter { $0.hasPrefix("r\(round)-") } == acknowledged.sorted())
                for item in plan {
                    #expect(try store.isFormTokenConsumed("token-\(item.label)") == (outcomes[item.label] == true), "\(item.label)")
                }
            }
            #expect(try await Self.comments(store, failing).isEmpty)
            #expect(try store.codes(run: try #require(runs.coded.id)).allSatisfy { !$0.used })
        }
    }
}
