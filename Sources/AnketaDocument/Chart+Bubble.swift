extension Chart {
    /// One cell of a `.bubble` chart: its column (`x`, an index into `categories`), its row
    /// (`y`, an index into the kind's `yCategories`), how many cases fall in it, and the series
    /// (group) that names and colours it.
    public struct Bubble: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var count: Double
        public var series: Int

        public init(x: Int, y: Int, count: Double, series: Int = 0) {
            self.x = x
            self.y = y
            self.count = count
            self.series = series
        }
    }

    /// A `.bubble` chart of counts per (x, y) cell.
    ///
    /// ```swift
    /// Chart.bubble(title: "Отметки", xTitle: "Школа", yTitle: "ВПР", xCategories: ["2", "3"],
    ///              yCategories: ["2", "3"], series: [Chart.Series(name: "Совпали", values: [], color: "#BFBFBF")],
    ///              bubbles: [Chart.Bubble(x: 1, y: 1, count: 12)])
    /// ```
    public static func bubble(title: String, xTitle: String, yTitle: String, xCategories: [String], yCategories: [String],
                              series: [Series], bubbles: [Bubble]) -> Chart {
        var chart = Chart(kind: .bubble(xTitle: xTitle, yTitle: yTitle, yCategories: yCategories), title: title,
                          categories: xCategories, series: series)
        chart.bubbles = bubbles
        return chart
    }

    /// The bubbles that can be drawn: inside both axes, with a positive finite count.
    var drawableBubbles: [Bubble] {
        guard case .bubble(_, _, let yCategories) = kind else { return [] }
        return bubbles.filter { $0.count.isFinite && $0.count > 0 && categories.indices.contains($0.x) && yCategories.indices.contains($0.y) }
    }

    /// The count in a cell (summed over series), `nil` when empty.
    func bubbleCount(x: Int, y: Int) -> Double? {
        let cell = drawableBubbles.filter { $0.x == x && $0.y == y }
        return cell.isEmpty ? nil : cell.reduce(0) { $0 + $1.count }
    }

    /// Whether the two axes carry the same labels, so a diagonal means agreement.
    var bubbleDiagonal: Bool {
        guard case .bubble(_, _, let yCategories) = kind else { return false }
        return !categories.isEmpty && categories == yCategories
    }
}
