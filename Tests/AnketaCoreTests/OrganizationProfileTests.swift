import AnketaCore
import Foundation
import Testing

@Suite("Organisation profile and school years")
struct OrganizationProfileTests {
    @Test("The shipped example profile loads, with the survey's own basis overriding the organisation's")
    func sample() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Samples/organization.yaml").standardized
        let profile = try OrganizationLoader().load(contentsOf: url)
        #expect(profile.fullName.hasPrefix("Муниципальное бюджетное"))
        #expect(profile.contingent(for: "parents-satisfaction", audience: .parents) == 480)
        #expect(profile.basis(for: "teachers-brs-readiness")?.contains("балльно-рейтинговой") == true)
        #expect(profile.review(for: "teachers-brs-readiness") == "на заседании методического совета")
        #expect(profile.person(holding: "Заместитель директора по АХЧ") != nil)
        #expect(profile.style.bodySize == 14 && profile.style.tableSize == 12)
    }

    @Test("Mistakes are reported together, each with its line and column")
    func errors() throws {
        let yaml = """
        organization:
          full_name: Школа
        contingent:
          parents: много
        document:
          body_size: 40
        signatory: {position: директор}
        """
        do {
            _ = try OrganizationLoader().load(yaml: yaml, file: "org.yaml")
            Issue.record("expected errors")
        } catch let error as DiagnosticsError {
            let text = error.description
            #expect(text.contains("org.yaml:4:"))
            #expect(text.contains("org.yaml:6:"))
            #expect(text.contains("name"))
        }
    }

    @Test("School year from a date: September starts a new one", arguments: [
        ("2026-04-06 08:30:52", "2025/2026 учебный год"), ("2025-09-01", "2025/2026 учебный год"), ("2025-08-31", "2024/2025 учебный год"),
    ])
    func academicYear(date: String, title: String) {
        #expect(AcademicYear(containing: date)?.title == title)
    }
}
