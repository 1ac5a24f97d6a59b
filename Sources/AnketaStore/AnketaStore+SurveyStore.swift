/// The embedded store meets the `async` interface with its synchronous methods: each is one short
/// GRDB transaction on a local file, as before the interface existed.
extension AnketaStore: SurveyStore {}
