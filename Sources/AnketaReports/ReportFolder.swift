import AnketaCollect
import AnketaCore
import AnketaDocument
import Foundation

/// A report folder being written: every file goes to a temporary name and is moved into place, so
/// an interrupted run never leaves a half-written file; the folder remembers what it wrote.
///
/// ```swift
/// var folder = try ReportFolder(URL(fileURLWithPath: "Results/x"))
/// try folder.saveDocument(document)            // spravka.html, spravka.docx, spravka.md
/// try folder.saveJSON("figures.json", figures)
/// try folder.keepOrCreate("decisions.yaml") { Data(draft.yaml().utf8) }
/// ```
public struct ReportFolder {
    public let url: URL
    /// Files written (or kept) so far, in order.
    public private(set) var written: [URL] = []

    /// Creates the folder if needed.
    public init(_ url: URL) throws {
        self.url = url
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw CollectError.cannotWrite(url.relativePath)
        }
    }

    public mutating func save(_ name: String, _ data: Data) throws {
        let file = url.appendingPathComponent(name)
        do {
            try data.write(to: file, options: .atomic)
        } catch {
            throw CollectError.cannotWrite(file.relativePath)
        }
        written.append(file)
    }

    /// `spravka.html`, `spravka.docx` and `spravka.md`.
    public mutating func saveDocument(_ document: Document) throws {
        try save("spravka.html", Data(HTMLRenderer().render(document).utf8))
        try save("spravka.docx", try DOCXRenderer().render(document))
        try save("spravka.md", Data(MarkdownRenderer().render(document).utf8))
    }

    /// Pretty, key-sorted JSON at full precision.
    public mutating func saveJSON(_ name: String, _ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try save(name, try encoder.encode(value))
    }

    /// Writes the file only if it is not there yet: after that it is a person's file (the
    /// decisions draft), never overwritten.
    public mutating func keepOrCreate(_ name: String, _ contents: () -> Data) throws {
        let file = url.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) {
            written.append(file)
        } else {
            try save(name, contents())
        }
    }

    /// Records a file written by someone else (a CSV writer).
    public mutating func add(_ files: [URL]) {
        written += files
    }
}
