import Foundation
import Testing

@Suite("report: organisation profile, the decisions draft edited and read back, last period's decisions")
struct ReportDecisionsTests {
    static let profile = """
        organization:
          full_name: МБОУ «Школа № 7 г. Энска»
          place: г. Энск
        signatory: {position: заместитель директора по УВР, name: А. Б. Петрова}
        basis: приказ от 01.04.2026 № 12 «Об анкетировании»
        contingent: {parents: 20}
        """

    func text(_ workspace: Workspace, _ name: String) throws -> String {
        String(decoding: try workspace.bytes(name), as: UTF8.self)
    }

    @Test("The heading, основание, охват and signature come from --org; decisions.yaml is drafted once and then read back")
    func profileAndDecisions() throws {
        let workspace = try Workspace()
        try Self.profile.write(to: workspace.url("org.yaml"), atomically: true, encoding: .utf8)
        let first = try workspace.run(["report", "mini.yaml", "google-forms.csv", "--min-group", "2", "--org", "org.yaml", "-o", "out"], useDB: false)
        #expect(first.status == 0, "\(first)")
        let md = try text(workspace, "out/spravka.md")
        for needle in ["МБОУ «Школа № 7 г. Энска»", "2025/2026 учебный год", "г. Энск", "приказ от 01.04.2026 № 12", "из 20; охват —",
                       "А. Б. Петрова", "Рассмотрено на заседании педагогического совета, протокол №"] {
            #expect(md.contains(needle), "\(needle) missing")
        }
        #expect(workspace.exists("out/decisions.yaml") && workspace.exists("out/findings.json"))

        // The deputy director replaces the draft with her own decision; the same command uses it.
        let edited = [
            "decisions:",
            "  - problem: \"Питание: мало времени на обед\"",
            "    action: \"Удлинить большую перемену до 20 минут\"",
            "    deadline: \"до 1 сентября 2026 г.\"",
            "    responsible: директор",
            "    document: приказ о режиме дня",
        ].joined(separator: "\n") + "\n"
        try edited.write(to: workspace.url("out/decisions.yaml"), atomically: true, encoding: .utf8)
        let second = try workspace.run(["report", "mini.yaml", "google-forms.csv", "--min-group", "2", "--org", "org.yaml", "-o", "out"], useDB: false)
        #expect(second.status == 0, "\(second)\n\(edited)")
        #expect(second.stderr.contains("decisions.yaml"))
        #expect(try text(workspace, "out/spravka.md").contains("Удлинить большую перемену до 20 минут"))
        #expect(try text(workspace, "out/decisions.yaml") == edited, "the edited file must never be overwritten")

        // A year later the same file is last period's decisions.
        let third = try workspace.run(["report", "mini.yaml", "google-forms.csv", "--min-group", "2", "--previous-decisions", "out/decisions.yaml",
                                       "--compare-file", "by-hand.csv", "-o", "next"], useDB: false)
        #expect(third.status == 0, "\(third)")
        #expect(try text(workspace, "next/spravka.md").contains("Выполнение управленческих решений прошлого периода"))
    }

    @Test("More respondents than the profile's contingent: no охват over 100 %, a note on what to check")
    func contingentSmallerThanRespondents() throws {
        let workspace = try Workspace()
        try Self.profile.replacingOccurrences(of: "{parents: 20}", with: "{parents: 2}")
            .write(to: workspace.url("org.yaml"), atomically: true, encoding: .utf8)
        let run = try workspace.run(["report", "mini.yaml", "google-forms.csv", "--min-group", "2", "--org", "org.yaml", "-o", "out"], useDB: false)
        #expect(run.status == 0, "\(run)")
        let md = try text(workspace, "out/spravka.md")
        #expect(md.contains("охват не рассчитан: ответов больше, чем указано в контингенте (2), — проверьте контингент в профиле школы"))
        #expect(!md.contains("охват —"))
    }

    @Test("A broken profile or decisions file, or a bad --year, exits 1 with where and what", arguments: [
        (["--org", "bad.yaml"], "bad.yaml:"), (["--decisions", "bad.yaml"], "bad.yaml:"), (["--year", "2026"], "--year"),
    ])
    func badInput(arguments: [String], needle: String) throws {
        let workspace = try Workspace()
        try "organization: [1, 2".write(to: workspace.url("bad.yaml"), atomically: true, encoding: .utf8)
        let run = try workspace.run(["report", "mini.yaml", "google-forms.csv", "--min-group", "2", "-o", "out"] + arguments, useDB: false)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains(needle), "\(run)")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack"))
    }
}
