import AnketaCollect
import AnketaCore
import Foundation
import FuzzSupport
import ZIPFoundation

/// XLSX reading. An input that starts with `PK` is a whole workbook; any other input is the
/// worksheet XML, optionally followed by `\n--sharedStrings--\n` and the shared-strings XML, zipped
/// here (stored, so the fuzzer's mutations reach the XML instead of failing the zip's checksums).
/// Limits are lowered so that one input cannot take seconds. Reading must end in records or a
/// CollectError — never a crash — and no row may be wider than Excel's last column.
func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    let url: URL
    if bytes.starts(with: Data("PK".utf8)) {
        url = FuzzHarness.file(data, size, extension: "xlsx")
    } else {
        url = FuzzHarness.scratch.appendingPathExtension("xlsx")
        try? FileManager.default.removeItem(at: url)
        var parts = ["xl/worksheets/sheet1.xml": bytes]
        if let range = bytes.range(of: Data("\n--sharedStrings--\n".utf8)) {
            parts["xl/worksheets/sheet1.xml"] = bytes[..<range.lowerBound]
            parts["xl/sharedStrings.xml"] = bytes[range.upperBound...]
        }
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (path, part) in parts {
                let part = Data(part)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(part.count), compressionMethod: .none) { position, count in
                    part.subdata(in: Int(position)..<Int(position) + count)
                }
            }
        } catch {
            FuzzHarness.fail("cannot zip the input: \(error)")
        }
    }
    do {
        let reader = try XLSXReader(url: url, limits: XLSXReader.Limits(sheetBytes: 4 << 20, sharedStringsBytes: 1 << 20))
        try reader.forEachRecord(warning: { _ in }) { record in
            if record.fields.count > XLSXReader.maximumColumns { FuzzHarness.fail("\(record.fields.count) fields in a row") }
        }
    } catch is CollectError {
    } catch {
        FuzzHarness.fail("unexpected error type: \(error)")
    }
    return 0
}

@main
enum Main {
    static func main() {
        FuzzHarness.main(fuzzXLSX)
    }
}
