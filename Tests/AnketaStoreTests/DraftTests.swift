import AnketaCore
@testable import AnketaStore
import Foundation
import Testing

@Suite("Form drafts and spent form tokens")
struct DraftTests {
    private func openRun() throws -> (AnketaStore, SurveyRun, Wave) {
        let store = try AnketaStore()
        let questionnaire = try DefinitionLoader().load(yaml: miniYAML, file: "mini.yaml")
        try store.register(questionnaire, source: miniYAML)
        let wave = try store.wave(for: questionnaire, named: "w", create: true)
        let run = try store.createRun(wave: wave, slug: "s", opensAt: "2000-01-01 00:00:00", closesAt: "2999-01-01 00:00:00", requiresCode: false)
        return (store, run, wave)
    }

    @Test("a draft keeps its answers (a NUL byte and Cyrillic included) until it expires; a later save replaces it")
    func saveAndExpire() throws {
        let (store, run, _) = try openRun()
        let answers = ["sources": ["site", "chat"], "comment": ["до\u{0}после, «ёлочки»"]]
        try store.saveDraft(FormDraft(token: "t1", runID: run.id ?? 0, visitor: "v", code: nil, answers: answers,
                                      expiresAt: "2026-04-02 10:00:00"), now: "2026-04-01 10:00:00")
        #expect(try store.draft(token: "t1", now: "2026-04-01 12:00:00")?.answers == answers)
        #expect(try store.draft(token: "t1", now: "2026-04-02 10:00:00") == nil)  // expired at its time
        try store.saveDraft(FormDraft(token: "t1", runID: run.id ?? 0, visitor: "v", code: nil, answers: ["q1": ["4"]],
                                      expiresAt: "2026-04-02 11:00:00"), now: "2026-04-01 11:00:00")
        #expect(try store.draft(token: "t1", now: "2026-04-01 12:00:00")?.answers == ["q1": ["4"]])
        // Writing any draft purges the expired ones.
        try store.saveDraft(FormDraft(token: "t2", runID: run.id ?? 0, visitor: "v", code: nil, answers: [:],
                                      expiresAt: "2026-04-04 10:00:00"), now: "2026-04-03 10:00:00")
        #expect(try store.draftCount() == 1)
    }

    @Test("submitting spends the token, deletes the draft and stamps the date only; a second submit is refused")
    func submitOnce() async throws {
        let (store, run, wave) = try openRun()
        try store.saveDraft(FormDraft(token: "t", runID: run.id ?? 0, visitor: "v", code: nil, answers: ["q1": ["4"]],
                                      expiresAt: "2999-01-01 00:00:00"), now: "2026-04-01 10:00:00")
        let response = Response(answers: ["q1": .option("4")])
        _ = try await store.submit(response, run: run, code: nil, formToken: "t", now: "2026-04-01 19:03:11")
        #expect(try store.isFormTokenConsumed("t"))
        #expect(try store.draftCount() == 0)
        await #expect(throws: SubmissionRefusal.alreadyReceived) {
            try await store.submit(response, run: run, code: nil, formToken: "t", now: "2026-04-01 19:03:12")
        }
        var stored: [Response] = []
        try store.forEachResponse(in: wave) { stored.append($0.response) }
        #expect(stored.map(\.submittedAt) == ["2026-04-01"])
        // Without a token (a caller that does not use drafts) nothing is spent.
        _ = try await store.submit(response, run: run, code: nil, now: "2026-04-01 20:00:00")
        #expect(try store.responseCount(in: wave) == 2)
    }
}
