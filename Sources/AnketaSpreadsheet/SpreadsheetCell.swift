/// One cell of a worksheet row: text is always stored as text (never run as a formula), numbers as numbers.
public enum SpreadsheetCell: Sendable, Equatable {
    case empty
    case text(String)
    case number(Double)
}
