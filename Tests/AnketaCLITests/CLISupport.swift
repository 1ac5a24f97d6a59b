import Foundation
import Testing

/// The package root, from this file's path (Tests/AnketaCLITests/<file>).
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `anketa` executable: in the products folder the test bundle was built into
/// (`<scratch>/debug`, whatever the scratch path), or, failing that, in the package's usual build folders.
func anketaExecutable() throws -> URL {
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["ANKETA_EXECUTABLE"] {
        candidates.append(URL(fileURLWithPath: override))
    }
    // The resources bundle of this test target sits in the products folder, next to `anketa`.
    if let resources = Bundle.module.resourceURL {
        candidates += ancestors(of: resources, levels: 3).map { $0.appendingPathComponent("anketa") }
    }
    candidates += ancestors(of: Bundle.main.bundleURL, levels: 4).map { $0.appendingPathComponent("anketa") }
    candidates += ancestors(of: Bundle.main.executableURL ?? Bundle.main.bundleURL, levels: 4).map { $0.appendingPathComponent("anketa") }
    for scratch in [".build-tests", ".build"] {
        candidates.append(packageRoot.appendingPathComponent(scratch).appendingPathComponent("debug/anketa"))
    }
    let found = candidates.first { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
    return try #require(found, "the anketa executable was not found; looked in:\n\(candidates.map(\.path).joined(separator: "\n"))")
}

private func ancestors(of url: URL, levels: Int) -> [URL] {
    var result: [URL] = []
    var current = url.standardizedFileURL
    for _ in 0..<levels {
        current = current.deletingLastPathComponent()
        result.append(current)
    }
    return result
}

/// What a run of the command printed and returned.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var description: String { "exit \(status)\n--- stdout:\n\(stdout)--- stderr:\n\(stderr)" }
}

/// A temporary working folder with the fixtures copied in, where `anketa` is run as a user would.
final class Workspace {
    let folder: URL
    let executable: URL
    let db = "test.sqlite"

    init() throws {
        executable = try anketaExecutable()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures missing from the test bundle")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) where !name.hasPrefix(".") {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

    func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(name))) }

    /// Runs `anketa` with these arguments in the workspace.
    @discardableResult
    func run(_ arguments: [String], useDB: Bool = true, environment: [String: String] = [:]) throws -> RunResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments + (useDB ? ["--db", db] : [])
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        process.currentDirectoryURL = folder
        let id = UUID().uuidString
        let outURL = folder.appendingPathComponent(".out-\(id)"), errURL = folder.appendingPathComponent(".err-\(id)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        return RunResult(status: process.terminationStatus,
                         stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                         stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// `anketa ingest mini.yaml <files> --wave <wave>`, expected to succeed.
    @discardableResult
    func ingest(_ files: [String], wave: String, extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) throws -> RunResult {
        let result = try run(["ingest", "mini.yaml"] + files + ["--wave", wave] + extra)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// `anketa export mini --wave <wave> -o <file>`; returns the file's records.
    @discardableResult
    func export(wave: String, to file: String, excel: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> [[String]] {
        let result = try run(["export", "mini", "--wave", wave, "-o", file] + (excel ? ["--excel"] : []))
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        let data = try bytes(file)
        let text = excel ? try #require(String(data: Data(data), encoding: .windowsCP1251)) : String(decoding: data, as: UTF8.self)
        return SimpleCSV.parse(text, delimiter: excel ? ";" : ",")
    }
}

/// A small RFC 4180 reader for checking what the command wrote (the test does not link the app's modules).
enum SimpleCSV {
    static func parse(_ text: String, delimiter: Character = ",") -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var characters = Substring(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        var started = false
        while let c = characters.popFirst() {
            started = true
            if inQuotes {
                if c == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { inQuotes = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == delimiter {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field); field = ""
                records.append(record); record = []
                started = false
            } else {
                field.append(c)
            }
        }
        if started { record.append(field); records.append(record) }
        return records
    }
}
