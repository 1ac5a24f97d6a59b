import CFuzzDriver
import Foundation

/// What the harnesses share. Built with `-sanitize=fuzzer -DFUZZING` (scripts/fuzz.sh), ``main(_:)``
/// hands the harness to libFuzzer; built normally, it replays the files and folders given as
/// arguments once each — so a saved corpus or crash stays a cheap check without the fuzzer.
///
/// (SwiftPM links an executable's `main` to its own entry point, so libFuzzer's `main` cannot be
/// used; its `LLVMFuzzerRunDriver` runs the fuzzer from ours.)
public enum FuzzHarness {
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    public static func main(_ callback: Callback) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, callback))
        #else
        replay(callback)
        #endif
    }

    /// Calls the harness once for each file given as an argument (folders: each file in them).
    public static func replay(_ callback: Callback) -> Never {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            for file in files(at: path) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                    exit(2)
                }
                _ = data.withUnsafeBytes { raw in callback(raw.bindMemory(to: UInt8.self).baseAddress, raw.count) }
                count += 1
            }
        }
        print("replayed \(count) inputs without a crash")
        exit(0)
    }

    /// A file, or the files of a folder (not recursive), sorted.
    private static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }

    /// A scratch file for harnesses whose reader takes a path; in /dev/shm when there is one.
    public static let scratch: URL = {
        let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        return folder.appendingPathComponent("anketa-fuzz-\(getpid())")
    }()

    /// Writes the input to a scratch file with the given extension and returns its URL.
    public static func file(_ data: UnsafePointer<UInt8>?, _ size: Int, extension ext: String) -> URL {
        let url = scratch.appendingPathExtension(ext)
        let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
        _ = FileManager.default.createFile(atPath: url.path, contents: bytes)
        return url
    }

    /// Stops the process loudly: an invariant broke (libFuzzer records the input as a crash).
    public static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("invariant broken: \(message)\n".utf8))
        abort()
    }
}
