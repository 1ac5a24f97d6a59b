import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an Excel workbook (`.xlsx`, as Yandex Forms exports answers) as
/// records: shared and inline strings, numbers as written, empty cells filled in. `line` is the
/// spreadsheet's row number, so messages point at the row a user sees in Excel.
///
/// A worksheet is XML inside a zip; it is decompressed into memory (form exports are small) and
/// parsed as a stream of elements, without building a tree.
public final class XLSXReader: RecordSource {
    public let url: URL
    private let sheetName: String
    private let sheetPath: String
    private let archive: Archive

    public init(url: URL) throws {
        self.url = url
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw CollectError.cannotRead(url.relativePath)
        }
        (sheetName, sheetPath) = XLSXReader.firstSheet(in: archive)
        guard archive[sheetPath] != nil else { throw CollectError.unsupportedEncoding(url.relativePath, "XLSX без листов") }
    }

    public var summary: String { "Excel (XLSX), лист «\(sheetName)»" }
    public var rejectsFormat: RejectsFile.Format { RejectsFile.Format() }

    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        let strings = try sharedStrings()
        let sheet = try data(at: sheetPath)
        let delegate = SheetParser(strings: strings)
        let parser = XMLParser(data: sheet)
        parser.delegate = delegate
        guard parser.parse() else { throw CollectError.parserFailure("\(url.relativePath): лист Excel повреждён") }
        for record in delegate.records { try body(record) }
    }

    private func data(at path: String) throws -> Data {
        guard let entry = archive[path] else { return Data() }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw CollectError.cannotRead(url.relativePath)
        }
        return data
    }

    private func sharedStrings() throws -> [String] {
        let xml = try data(at: "xl/sharedStrings.xml")
        guard !xml.isEmpty else { return [] }
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.strings
    }

    /// The first sheet's name and part, from the workbook and its relationships.
    private static func firstSheet(in archive: Archive) -> (String, String) {
        func read(_ path: String) -> Data? {
            guard let entry = archive[path] else { return nil }
            var data = Data()
            _ = try? archive.extract(entry) { data.append($0) }
            return data
        }
        let fallback = ("Лист1", "xl/worksheets/sheet1.xml")
        guard let workbook = read("xl/workbook.xml"), let rels = read("xl/_rels/workbook.xml.rels") else { return fallback }
        let sheets = AttributeCollector(element: "sheet")
        let workbookParser = XMLParser(data: workbook)
        workbookParser.delegate = sheets
        workbookParser.shouldProcessNamespaces = false
        _ = workbookParser.parse()
        let relations = AttributeCollector(element: "Relationship")
        let relsParser = XMLParser(data: rels)
        relsParser.delegate = relations
        _ = relsParser.parse()
        guard let first = sheets.found.first, let name = first["name"],
              let id = first["r:id"] ?? first.first(where: { $0.key.hasSuffix(":id") })?.value,
              let target = relations.found.first(where: { $0["Id"] == id })?["Target"] else { return fallback }
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        return (name, path)
    }
}

/// Collects the attributes of every element with a given name.
private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) {
        self.element = element
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is one string, possibly split into rich-text runs.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// A worksheet's rows: `<row r="2"><c r="B2" t="s"><v>3</v></c>…</row>`.
private final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    var records: [CSVRecord] = []
    private var row: [String] = []
    private var rowNumber = 0
    private var column = 0
    private var type = ""
    private var value = ""
    private var collecting = false

    init(strings: [String]) {
        self.strings = strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            row = []
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
        case "c":
            column = attributes["r"].map(SheetParser.columnIndex) ?? row.count
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            collecting = false
        case "c":
            let text: String
            switch type {
            case "s": text = Int(value).flatMap { $0 < strings.count ? strings[$0] : nil } ?? ""
            case "b": text = value == "1" ? "ИСТИНА" : "ЛОЖЬ"
            default: text = value
            }
            while row.count < column { row.append("") }
            if row.count == column { row.append(text) } else if column < row.count { row[column] = text }
        case "row":
            // Excel omits empty cells at the end of a row: pad to the header's width, drop empty extras.
            if let width = records.first?.fields.count {
                while row.count < width { row.append("") }
                while row.count > width, row.last?.isEmpty == true { row.removeLast() }
            }
            records.append(CSVRecord(line: rowNumber, fields: row))
        default: break
        }
    }

    /// `B12` → 1.
    static func columnIndex(_ reference: String) -> Int {
        var index = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
        }
        return max(0, index - 1)
    }
}
