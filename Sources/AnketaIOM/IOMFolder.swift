import AnketaDocument
import Foundation

/// Writes the profiles of a wave into one folder, all or nothing: the files go into a fresh
/// temporary folder beside the target, which then takes the target's place. An interrupted run
/// leaves the previous folder as it was; a finished one never mixes old and new profiles.
///
/// ```swift
/// let files = try IOMFolder(URL(fileURLWithPath: "Results/iom-2026")).write(documents)
/// ```
public struct IOMFolder: Sendable {
    public let url: URL

    public init(_ url: URL) {
        self.url = url
    }

    /// Writes one DOCX per (name, document) and returns the files in the target folder.
    /// Names become file names (`ИОМ — Иванова Анна Петровна.docx`); a repeated name gets « (2)».
    @discardableResult
    public func write(_ documents: [(name: String, document: Document)]) throws(IOMError) -> [URL] {
        let manager = FileManager.default
        let parent = url.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(UUID().uuidString)")
        let previous = parent.appendingPathComponent(".\(url.lastPathComponent).previous-\(UUID().uuidString)")
        var names: [String] = []
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var used: Set<String> = []
            for (name, document) in documents {
                let base = "ИОМ — " + Self.fileName(name)
                var candidate = base
                var number = 2
                while used.contains(candidate.lowercased()) {
                    candidate = "\(base) (\(number))"
                    number += 1
                }
                used.insert(candidate.lowercased())
                let file = candidate + ".docx"
                try DOCXRenderer().render(document).write(to: staging.appendingPathComponent(file))
                names.append(file)
            }
            if manager.fileExists(atPath: url.path) {
                try manager.moveItem(at: url, to: previous)
            }
            do {
                try manager.moveItem(at: staging, to: url)
            } catch {
                if manager.fileExists(atPath: previous.path) { try? manager.moveItem(at: previous, to: url) }
                throw error
            }
            try? manager.removeItem(at: previous)
        } catch {
            try? manager.removeItem(at: staging)
            throw IOMError.cannotWrite(url.relativePath)
        }
        return names.map { url.appendingPathComponent($0) }
    }

    /// A person's name as a file name: characters no file system accepts become «-», spaces are
    /// collapsed, a leading dot is dropped, the length is bounded.
    static func fileName(_ name: String) -> String {
        let cleaned = name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline || $0.asciiValue.map({ $0 < 32 }) == true ? "-" : $0 }
        var text = String(cleaned).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while text.hasPrefix(".") { text.removeFirst() }
        if text.count > 80 { text = String(text.prefix(80)) }
        return text.isEmpty ? "без имени" : text
    }
}
