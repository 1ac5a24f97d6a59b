import AnketaCore

/// A file of answers read record by record: a CSV export or an Excel workbook (XLSX).
public protocol RecordSource: AnyObject {
    /// How the file was read, for the user: «utf-8, разделитель — запятая», «Excel (XLSX), лист «Ответы»».
    var summary: String { get }
    /// How the rejects file beside this input is written, so that it opens the same way.
    var rejectsFormat: RejectsFile.Format { get }
    /// Calls `body` for every record, the header first. Errors thrown by `body` stop the reading.
    /// `warning` hears about cells read with a doubt (another encoding, replaced bytes).
    func forEachRecord(warning: (Diagnostic) -> Void, _ body: (CSVRecord) throws -> Void) throws
}

extension CSVReader: RecordSource {
    /// «windows-1251 (байты, недопустимые в UTF-8, в начале файла (впервые в строке 2)), разделитель — точка с запятой».
    public var summary: String {
        "\(encoding.rawValue) (\(encodingGuess.reason)), разделитель — \(CSVFormat.name(ofDelimiter: delimiter))"
    }

    public var rejectsFormat: RejectsFile.Format {
        RejectsFile.Format(encoding: encoding, delimiter: delimiter, bom: encoding == .utf8, crlf: usesCRLF || encoding == .windows1251)
    }
}
