/// A row of a results file that was not taken, as it was, with its line and the reasons.
public struct ResultsRejectedRow: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
    public var reasons: [String]

    public init(line: Int, fields: [String], reasons: [String]) {
        self.line = line
        self.fields = fields
        self.reasons = reasons
    }
}
