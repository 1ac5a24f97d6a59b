/// One record (row) of a CSV file: its decoded fields and the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based physical line where the record starts.
    public var line: Int
    public var fields: [String]
    /// Why the record cannot be trusted as a row (an unclosed quote), when it cannot; such a record is rejected.
    public var problem: String?

    public init(line: Int, fields: [String], problem: String? = nil) {
        self.line = line
        self.fields = fields
        self.problem = problem
    }
}

/// How a CSV file is laid out. `nil` members are detected from the file.
public struct CSVFormat: Sendable, Equatable {
    public var encoding: TextEncoding?
    public var delimiter: UInt8?

    public init(encoding: TextEncoding? = nil, delimiter: UInt8? = nil) {
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// The delimiter as text, for messages.
    public static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ","): "запятая"
        case UInt8(ascii: ";"): "точка с запятой"
        case UInt8(ascii: "\t"): "табуляция"
        default: "«\(Character(Unicode.Scalar(delimiter)))»"
        }
    }
}
