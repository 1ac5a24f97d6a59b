import AnketaCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the first worksheet of an Excel workbook (`.xlsx`, as Yandex Forms exports answers) as
/// records: shared and inline strings, numbers as written, empty cells filled in. `line` is the
/// spreadsheet's row number, so messages point at the row a user sees in Excel.
///
/// The worksheet is streamed: decompressed into a temporary file and parsed as a stream of
/// elements, each row handed on as soon as it is read, so memory stays small for any number of
/// rows. A workbook must read to its end — a part cut short, a reference to a string that does not
/// exist or a cell beyond Excel's last column is an error naming the part and the row, never
/// a silently shorter file. Sizes are capped against zip bombs.
public final class XLSXReader: RecordSource {
    public let url: URL
    private let sheetName: String
    private let sheetPath: String
    private let archive: Archive
    private var path: String { url.relativePath }

    /// The largest decompressed worksheet (the XML, which is several times the answers' size).
    public static let maximumSheetBytes: UInt64 = 512 << 20
    /// The largest decompressed shared-strings part (held in memory while the sheet is read).
    public static let maximumSharedStringsBytes: UInt64 = 128 << 20
    /// The largest workbook and relationships parts (a few kilobytes in real workbooks).
    public static let maximumSmallPartBytes: UInt64 = 8 << 20
    /// Excel's last column, XFD.
    public static let maximumColumns = 16_384

    private let limits: Limits

    /// Size caps; the defaults suit any real form export.
    public struct Limits: Sendable, Equatable {
        public var sheetBytes: UInt64
        public var sharedStringsBytes: UInt64

        public init(sheetBytes: UInt64 = XLSXReader.maximumSheetBytes, sharedStringsBytes: UInt64 = XLSXReader.maximumSharedStringsBytes) {
            self.sheetBytes = sheetBytes
            self.sharedStringsBytes = sharedStringsBytes
        }
    }

    public init(url: URL, limits: Limits = Limits()) throws {
        self.url = url
        self.limits = limits
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            if !FileManager.default.isReadableFile(atPath: url.path) { throw CollectError.cannotRead(url.relativePath) }
            throw CollectError.notAWorkbook(url.relativePath)
        }
        (sheetName, sheetPath) = try XLSXReader.firstSheet(in: archive, path: url.relativePath)
        guard archive[sheetPath] != nil else { throw CollectError.noWorksheet(url.relativePath) }
    }

    public var summary: String { "Excel (XLSX), лист «\(sheetName)»" }
    public var rejectsFormat: RejectsFile.Format { RejectsFile.Format() }

    public func forEachRecord(warning: (Diagnostic) -> Void = { _ in }, _ body: (CSVRecord) throws -> Void) throws {
        let strings = try sharedStrings()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-sheet-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
              let output = try? FileHandle(forWritingTo: temporary) else { throw CollectError.cannotWrite(temporary.path) }
        do {
            defer { try? output.close() }
            var validator = UTF8Validator()
            try extract(sheetPath, limit: limits.sheetBytes) { chunk in
                guard validator.feed(chunk) else { throw XLSXReader.notUTF8(path, part: sheetPath, at: validator.firstInvalidOffset) }
                do { try output.write(contentsOf: chunk) } catch { throw CollectError.cannotWrite(temporary.path) }
            }
            guard validator.finish() else { throw XLSXReader.notUTF8(path, part: sheetPath, at: validator.firstInvalidOffset) }
        }
        try XLSXReader.refuseDocumentType(in: (try? FileHandle(forReadingFrom: temporary).read(upToCount: 64 * 1024)) ?? nil,
                                          file: path, part: sheetPath)
        guard let stream = InputStream(url: temporary) else { throw CollectError.cannotRead(temporary.path) }
        let delegate = SheetParser(strings: strings, file: path, part: sheetPath)
        let parser = XMLParser(stream: stream)
        parser.delegate = delegate
        try withoutActuallyEscaping(body) { body in
            delegate.body = body
            defer { delegate.body = nil }
            let parsed = parser.parse()
            if let failure = delegate.failure { throw failure }
            // FoundationXML returns true for a document cut short; the error and the closing tag tell.
            guard parsed, parser.parserError == nil, delegate.finished else {
                let reached = delegate.lastRow.map { "после строки \($0) листа" } ?? "до первой строки листа"
                throw CollectError.damagedWorkbook(path, part: sheetPath, row: delegate.lastRow.map { $0 + 1 },
                                                   "XML обрывается или испорчен \(reached)\(XLSXReader.detail(parser))")
            }
        }
    }

    /// Decompresses a part chunk by chunk, refusing it past `limit` bytes.
    private func extract(_ part: String, limit: UInt64, into consumer: (Data) throws -> Void) throws {
        guard let entry = archive[part] else { return }
        var total: UInt64 = 0
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                total += UInt64(chunk.count)
                if total > limit { throw PartTooLarge() }
                try consumer(chunk)
            }
        } catch is PartTooLarge {
            throw CollectError.workbookLimit(path, part: part, "больше \(limit >> 20) МиБ после распаковки")
        } catch let error as CollectError {
            throw error
        } catch {
            throw CollectError.damagedWorkbook(path, part: part, "архив не распаковывается (\(error))")
        }
    }

    private struct PartTooLarge: Error {}

    private func sharedStrings() throws -> [String] {
        let part = "xl/sharedStrings.xml"
        guard archive[part] != nil else { return [] }
        var xml = Data()
        try extract(part, limit: limits.sharedStringsBytes) { xml.append($0) }
        try XLSXReader.requireUTF8(xml, file: path, part: part)
        try XLSXReader.refuseDocumentType(in: xml.prefix(64 * 1024), file: path, part: part)
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        let parsed = parser.parse()
        guard parsed, parser.parserError == nil, delegate.finished else {
            throw CollectError.damagedWorkbook(path, part: part,
                                               "XML обрывается или испорчен, прочитано общих строк: \(delegate.strings.count)\(XLSXReader.detail(parser))")
        }
        if let expected = delegate.uniqueCount, expected != delegate.strings.count {
            throw CollectError.damagedWorkbook(path, part: part, "заявлено строк: \(expected), прочитано: \(delegate.strings.count)")
        }
        return delegate.strings
    }

    /// Excel writes its XML in UTF-8; FoundationXML traps (SIGILL) on some bytes that are not, in
    /// element names — so every part is checked before it is parsed.
    private static func requireUTF8(_ data: Data, file: String, part: String) throws {
        var validator = UTF8Validator()
        guard validator.feed(data), validator.finish() else { throw notUTF8(file, part: part, at: validator.firstInvalidOffset) }
    }

    private static func notUTF8(_ file: String, part: String, at offset: Int?) -> CollectError {
        CollectError.damagedWorkbook(file, part: part, "XML не в кодировке UTF-8" + (offset.map { " (байт \($0 + 1))" } ?? ""))
    }

    /// Excel never writes a document type; one in a part declares entities — expansion bombs, external
    /// files, or references the parser drops silently with the text after them.
    private static func refuseDocumentType(in head: Data?, file: String, part: String) throws {
        guard let head, head.range(of: Data("<!DOCTYPE".utf8)) != nil else { return }
        throw CollectError.damagedWorkbook(file, part: part, "XML объявляет тип документа (<!DOCTYPE>) — книги Excel так не пишут")
    }

    /// « (код ошибки XML 5, строка XML 12)».
    private static func detail(_ parser: XMLParser) -> String {
        guard let error = parser.parserError as NSError? else { return "" }
        return " (код ошибки XML \(error.code), строка XML \(parser.lineNumber))"
    }

    /// The first sheet's name and part, from the workbook and its relationships.
    private static func firstSheet(in archive: Archive, path: String) throws -> (String, String) {
        func read(_ part: String) throws -> Data? {
            guard let entry = archive[part] else { return nil }
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    data.append(chunk)
                    if UInt64(data.count) > maximumSmallPartBytes { throw PartTooLarge() }
                }
            } catch is PartTooLarge {
                throw CollectError.workbookLimit(path, part: part, "больше \(maximumSmallPartBytes >> 20) МиБ после распаковки")
            } catch {
                throw CollectError.damagedWorkbook(path, part: part, "архив не распаковывается (\(error))")
            }
            return data
        }
        let fallback = ("Лист1", "xl/worksheets/sheet1.xml")
        guard let workbook = try read("xl/workbook.xml"), let rels = try read("xl/_rels/workbook.xml.rels") else { return fallback }
        try requireUTF8(workbook, file: path, part: "xl/workbook.xml")
        try requireUTF8(rels, file: path, part: "xl/_rels/workbook.xml.rels")
        let sheets = AttributeCollector(element: "sheet")
        let workbookParser = XMLParser(data: workbook)
        workbookParser.delegate = sheets
        guard workbookParser.parse(), workbookParser.parserError == nil else {
            throw CollectError.damagedWorkbook(path, part: "xl/workbook.xml", "XML обрывается или испорчен\(detail(workbookParser))")
        }
        let relations = AttributeCollector(element: "Relationship")
        let relsParser = XMLParser(data: rels)
        relsParser.delegate = relations
        guard relsParser.parse(), relsParser.parserError == nil else {
            throw CollectError.damagedWorkbook(path, part: "xl/_rels/workbook.xml.rels", "XML обрывается или испорчен\(detail(relsParser))")
        }
        guard let first = sheets.found.first else { throw CollectError.noWorksheet(path) }
        guard let name = first["name"],
              let id = first["r:id"] ?? first.first(where: { $0.key.hasSuffix(":id") })?.value,
              let target = relations.found.first(where: { $0["Id"] == id })?["Target"] else { return fallback }
        let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        return (name, part)
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
    /// The `uniqueCount` the part declares (the number of `<si>`), when it does.
    var uniqueCount: Int?
    /// Whether the closing `</sst>` was read: the part is whole.
    var finished = false
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch localName(name) {
        case "sst": uniqueCount = attributes["uniqueCount"].flatMap { Int($0) }
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
        switch localName(name) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": inPhonetic = false
        case "sst": finished = true
        default: break
        }
    }
}

/// A worksheet's rows: `<row r="2"><c r="B2" t="s"><v>3</v></c>…</row>`, handed to `body` one by one.
private final class SheetParser: NSObject, XMLParserDelegate {
    let strings: [String]
    let file: String
    let part: String
    var body: ((CSVRecord) throws -> Void)?
    /// The first error: thrown by `body` or found in the sheet; parsing stops at it.
    var failure: (any Error)?
    /// Whether the closing `</worksheet>` was read: the sheet is whole.
    var finished = false
    /// The last row handed on.
    var lastRow: Int?
    private var headerWidth: Int?
    private var row: [String] = []
    private var rowNumber = 0
    private var column = 0
    private var reference = ""
    private var type = ""
    private var value = ""
    private var collecting = false

    init(strings: [String], file: String, part: String) {
        self.strings = strings
        self.file = file
        self.part = part
    }

    private func fail(_ parser: XMLParser, _ error: any Error) {
        guard failure == nil else { return }
        failure = error
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        switch localName(name) {
        case "row":
            row = []
            rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
        case "c":
            reference = attributes["r"] ?? ""
            if reference.isEmpty {
                column = row.count
            } else if let index = SheetParser.columnIndex(reference) {
                column = index
            } else {
                fail(parser, CollectError.damagedWorkbook(file, part: part, row: rowNumber,
                                                          "ячейка «\(reference.prefix(20))»: такой ячейки нет на листе Excel (последний столбец — XFD)"))
                return
            }
            if column >= XLSXReader.maximumColumns {
                fail(parser, CollectError.workbookLimit(file, part: part, row: rowNumber,
                                                        "ячейка «\(reference.prefix(20))» дальше последнего столбца Excel (XFD)"))
                return
            }
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting, failure == nil { value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch localName(name) {
        case "v", "t":
            collecting = false
        case "c":
            let text: String
            switch type {
            case "s":
                let trimmed = value.trimmed
                if trimmed.isEmpty {
                    text = ""
                } else if let index = Int(trimmed), strings.indices.contains(index) {
                    text = strings[index]
                } else {
                    fail(parser, CollectError.damagedWorkbook(file, part: part, row: rowNumber,
                                                              "ячейка «\(reference.prefix(20))» ссылается на общую строку «\(trimmed.prefix(20))», а их в книге \(strings.count)"))
                    return
                }
            case "b": text = value == "1" ? "ИСТИНА" : "ЛОЖЬ"
            default: text = value
            }
            while row.count < column { row.append("") }
            if row.count == column { row.append(text) } else { row[column] = text }
        case "row":
            // Excel omits empty cells at the end of a row: pad to the header's width, drop empty extras.
            if let width = headerWidth {
                while row.count < width { row.append("") }
                while row.count > width, row.last?.isEmpty == true { row.removeLast() }
            } else {
                headerWidth = row.count
            }
            lastRow = rowNumber
            do {
                try body?(CSVRecord(line: rowNumber, fields: row))
            } catch {
                fail(parser, error)
            }
        case "worksheet":
            finished = true
        default: break
        }
    }

    /// `B12` → 1; `nil` for a reference that is not letters then digits, or beyond three letters.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        var digits = 0
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where digits == 0:
                letters += 1
                guard letters <= 3 else { return nil }
                index = index * 26 + Int(scalar.value - 64)
            case 48...57 where letters > 0:
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0 else { return nil }
        return index - 1
    }
}

/// `x:row` → `row`: some writers prefix the spreadsheet namespace.
private func localName(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
    return name[name.index(after: colon)...]
}
