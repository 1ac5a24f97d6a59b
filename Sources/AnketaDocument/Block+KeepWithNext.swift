/// Which blocks stay on the same page as the block after them, the same rule in DOCX and HTML.
extension Block {
    /// Blocks a paragraph can introduce: tables, charts and lists.
    var isFigure: Bool {
        switch self {
        case .table, .chart, .list: return true
        default: return false
        }
    }

    /// A paragraph introduces what follows when it ends with a colon or is all strong text (a
    /// run-in caption such as a question's text above its answer table).
    static func introduces(_ inlines: [Inline]) -> Bool {
        isRunInCaption(inlines) || plainText(inlines).trimmingWhitespace().hasSuffix(":")
    }

    /// A paragraph of strong text only: set like a caption (no indent, not justified) when it
    /// introduces a figure.
    static func isRunInCaption(_ inlines: [Inline]) -> Bool {
        var allStrong = false
        for inline in inlines {
            switch inline {
            case .strong(let t): if !t.trimmingWhitespace().isEmpty { allStrong = true }
            case .text(let t), .emphasis(let t): if !t.trimmingWhitespace().isEmpty { return false }
            }
        }
        return allStrong
    }

    private static func plainText(_ inlines: [Inline]) -> String {
        var text = ""
        for inline in inlines {
            switch inline {
            case .text(let t), .emphasis(let t), .strong(let t): text += t
            }
        }
        return text
    }
}
