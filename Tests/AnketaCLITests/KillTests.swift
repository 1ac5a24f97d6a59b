import Foundation
import Testing
import AnketaTestSupport

/// A CSV of the mini questionnaire with `rows` distinct rows (Google Forms shape).
private func bigCSV(rows: Int) -> String {
    let header = "Отметка времени,Насколько вы удовлетворены [Питанием в школе],Насколько вы удовлетворены [Безопасностью ребёнка],"
        + "Отношением педагогов к ребёнку,Откуда вы узнаёте о жизни школы?,Сколько часов в день ребёнок тратит на домашние задания?,"
        + "Класс ребёнка,Ваши предложения"
    let labels = ["Полностью удовлетворён", "Скорее удовлетворён", "Скорее не удовлетворён", "Не удовлетворён"]
    var lines = [header]
    for index in 0..<rows {
        let second = index % 60, minute = (index / 60) % 60, hour = 8 + (index / 3600) % 12
        let time = String(format: "12.04.2026 %02d:%02d:%02d", hour, minute, second)
        lines.append("\(time),\(labels[index % 4]),\(labels[(index / 4) % 4]),\(labels[(index / 16) % 4]),Сайт школы,\(index % 12),\(1 + index % 11)А,Строка \(index)")
    }
    return lines.joined(separator: "\n") + "\n"
}


@Suite("Killing an ingest")
struct KillTests {
    /// The stores the test runs on: the workspace's SQLite file, and the PostgreSQL server of
    /// ANKETA_TEST_POSTGRES_URL when it is set (waves named uniquely there).
    static let stores: [String] = ["sqlite"] + (ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"].map { _ in ["postgres"] } ?? [])

    private func database(_ store: String, _ workspace: Workspace) -> String {
        store == "sqlite" ? workspace.db : ProcessInfo.processInfo.environment["ANKETA_TEST_POSTGRES_URL"] ?? ""
    }

    /// Responses of a wave as `export` sees them; 0 when the wave does not exist yet.
    private func stored(_ workspace: Workspace, wave: String, db: String) throws -> Int {
        let result = try workspace.run(["export", "mini", "--wave", wave, "-o", "count.csv", "--db", db], useDB: false)
        if result.status != 0 {
            #expect(result.stderr.contains("нет волны") || result.stderr.contains("нет в базе"), "\(result)")
            return 0
        }
        return SimpleCSV.parse(String(decoding: try workspace.bytes("count.csv"), as: UTF8.self)).count - 1
    }

    @Test("SIGKILL at random moments of a 3,000-row ingest: the store has all rows or none, never part; the next ingest completes it exactly",
          arguments: stores)
    func killAtRandomTimes(_ store: String) throws {
        let workspace = try Workspace()
        let db = database(store, workspace)
        // On a shared server the test's waves are its own.
        let prefix = store == "sqlite" ? "" : "kill-\(UUID().uuidString.prefix(8))-"
        func ingest(_ wave: String) throws -> RunResult {
            let result = try workspace.run(["ingest", "mini.yaml", "big.csv", "--wave", wave, "--db", db], useDB: false)
            #expect(result.status == 0, "\(result)")
            return result
        }
        let rows = 3_000
        try Data(bigCSV(rows: rows).utf8).write(to: workspace.url("big.csv"))
        // How long a whole ingest takes here: kill times are drawn from 0 to 1.2 times that.
        let start = Date()
        _ = try ingest(prefix + "эталон")
        let full = Date().timeIntervalSince(start)
        #expect(try stored(workspace, wave: prefix + "эталон", db: db) == rows)

        var generator = SeededRandom(seed: 20_261_202)
        var outcomes: [String] = []
        for trial in 0..<6 {
            let wave = prefix + "убит-\(trial)"
            let delay = Double.random(in: 0...(1.2 * full), using: &generator)
            let process = Process()
            process.executableURL = workspace.executable
            process.arguments = ["ingest", "mini.yaml", "big.csv", "--wave", wave, "--db", db]
            process.currentDirectoryURL = workspace.folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let killed = process.terminationReason == .uncaughtSignal
            let count = try stored(workspace, wave: wave, db: db)
            #expect(count == 0 || count == rows, "trial \(trial), killed after \(delay) s: \(count) of \(rows) rows visible")
            outcomes.append(String(format: "%.2f s: %@", delay, killed ? (count == 0 ? "before" : "after") : "finished"))
            // The next ingest removes what the killed one left and stores exactly the missing rows.
            let again = try ingest(wave)
            #expect(try stored(workspace, wave: wave, db: db) == rows, "trial \(trial)")
            if count == 0 { #expect(!again.stdout.contains("уже были в базе"), "trial \(trial): leftovers counted as duplicates\n\(again)") }
        }
        print("kill during ingest (\(store), \(rows) rows, full run \(String(format: "%.2f", full)) s): \(outcomes.joined(separator: "; "))")
    }
}
