/// Settings of an analysis.
public struct AnalysisOptions: Sendable, Equatable {
    /// Groups with fewer respondents are suppressed (anonymity). Default 5.
    public var minGroupSize: Int
    /// Grouping ids to break down by; `nil` means every grouping of the questionnaire.
    public var groupings: [String]?
    /// At most this many open answers per question are kept (the appendix).
    public var maxTexts: Int

    public init(minGroupSize: Int = 5, groupings: [String]? = nil, maxTexts: Int = 2000) {
        self.minGroupSize = minGroupSize
        self.groupings = groupings
        self.maxTexts = maxTexts
    }

    /// The options for a named instrument (`anonymous: false`): nobody is hidden, so every group
    /// of one or more respondents is shown.
    public func named() -> AnalysisOptions {
        var options = self
        options.minGroupSize = 1
        return options
    }
}
