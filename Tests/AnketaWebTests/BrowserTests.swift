import Foundation
import Testing

/// The end-to-end check in a real browser: scripts/browser-test.sh builds anketa, starts the server
/// and drives headless Chromium through a form. Slow and needs Chromium, so it runs only on request.
@Suite("Browser end-to-end")
struct BrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var chromiumOnPath: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/chromium")
        }
    }

    static var requested: Bool { ProcessInfo.processInfo.environment["ANKETA_BROWSER_TEST"] == "1" }

    @Test("a respondent fills the form in headless Chromium and reaches the thank-you page",
          .enabled(if: BrowserTests.requested, "set ANKETA_BROWSER_TEST=1 to run the browser test (it builds anketa and starts a server)"),
          .enabled(if: BrowserTests.chromiumOnPath, "chromium is not on PATH (apt-get install chromium chromium-driver)"),
          .timeLimit(.minutes(20)))
    func browser() throws {
        try Self.runScript("scripts/browser-test.sh")
    }

    @Test("the console in headless Chromium: users, forced password change, summary, close and reopen, preview, upload errors",
          .enabled(if: BrowserTests.requested, "set ANKETA_BROWSER_TEST=1 to run the browser test (it builds anketa and starts a server)"),
          .enabled(if: BrowserTests.chromiumOnPath, "chromium is not on PATH (apt-get install chromium chromium-driver)"),
          .timeLimit(.minutes(20)))
    func console() throws {
        try Self.runScript("scripts/browser-console-test.sh")
    }

    static func runScript(_ script: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.repository.appendingPathComponent(script).path]
        process.currentDirectoryURL = Self.repository
        // `swift test` holds the build folder's lock, so the script cannot build: hand it the anketa
        // built beside this test bundle.
        var environment = ProcessInfo.processInfo.environment
        if let folder = Bundle.main.executableURL?.deletingLastPathComponent(),
           FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("anketa").path) {
            environment["ANKETA_BIN"] = folder.appendingPathComponent("anketa").path
        }
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(script) failed; see its output above")
    }
}
