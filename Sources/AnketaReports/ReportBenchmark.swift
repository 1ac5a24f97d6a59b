/// Figures a school's справка sets beside its own: in a municipal monitoring, the municipal value
/// of each indicator («муниципальное значение»), with where the school stands.
public struct ReportBenchmark: Sendable, Equatable {
    /// The column's title: «Муниципальное значение».
    public var title: String
    /// What the figures are, in one sentence (how the municipal value is computed).
    public var note: String
    public var indicators: [Entry]

    public struct Entry: Sendable, Equatable {
        public var id: String
        public var figure: Double?
        /// «значимо выше», «значимо ниже» or «без значимых отличий» (Holm-corrected across schools), if tested.
        public var verdict: String?

        public init(id: String, figure: Double?, verdict: String? = nil) {
            self.id = id
            self.figure = figure
            self.verdict = verdict
        }
    }

    public init(title: String = "Муниципальное значение", note: String, indicators: [Entry]) {
        self.title = title
        self.note = note
        self.indicators = indicators
    }
}
