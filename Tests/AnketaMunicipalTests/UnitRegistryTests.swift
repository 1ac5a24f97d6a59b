import AnketaCollect
import AnketaCore
import AnketaStore
import Foundation
import Testing

@Suite struct UnitRegistryTests {
    static let sosh7 = SchoolUnit(code: "sosh7", shortName: "СОШ № 7", fullName: "МБОУ «Средняя общеобразовательная школа № 7»",
                                  kind: .secondarySchool, levels: [.primary, .basic, .secondary], contingent: [.students: 75], aliases: ["Школа № 7"])
    static let licey = SchoolUnit(code: "licey1", shortName: "Лицей № 1", fullName: "МАОУ «Лицей № 1»", kind: .lyceum)

    @Test(arguments: ["СОШ № 7", "сош №7", "  МБОУ СОШ № 7 ", "Школа №7", "школа № 7.", "СОШ N 7", "sosh7", "мбоу «средняя общеобразовательная школа № 7»"])
    func matchesTypedNames(_ typed: String) throws {
        let registry = try UnitRegistry([Self.sosh7, Self.licey])
        #expect(registry.match(typed)?.code == "sosh7")
    }

    @Test(arguments: ["СОШ № 77", "Школа 7", "", "Лицей № 2"])
    func refusesUnknownNames(_ typed: String) throws {
        let registry = try UnitRegistry([Self.sosh7, Self.licey])
        #expect(registry.match(typed) == nil)
    }

    @Test func refusesTheSameNameForTwoUnits() {
        var other = Self.licey
        other.aliases = ["школа №7"]
        #expect(throws: DiagnosticsError.self) { try UnitRegistry([Self.sosh7, other], file: "units.csv", lines: [2, 3]) }
        do {
            _ = try UnitRegistry([Self.sosh7, other], file: "units.csv", lines: [2, 3])
        } catch let error as DiagnosticsError {
            #expect(error.description.contains("units.csv:3"))
            #expect(error.description.contains("«школа №7»"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [("СОШ", UnitKind.secondarySchool), ("лицей", .lyceum), ("Гимназия", .gymnasium), ("ОЦ", .educationCentre),
                      ("образовательный центр", .educationCentre), ("С(К)ОШИ", .specialSchool), ("НОШ", .primarySchool)])
    func readsUnitKinds(_ text: String, _ kind: UnitKind) {
        #expect(UnitKind(text: text) == kind)
    }

    func write(_ text: String, name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("units-\(UUID().uuidString)-\(name)")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func readsCSVAndReportsEveryBadCellWithLineAndColumn() throws {
        let good = try write("""
            code;short_name;full_name;type;levels;students;parents;teachers;aliases
            sosh7;СОШ № 7;МБОУ СОШ № 7;СОШ;НОО, ООО, СОО;75;75;34;Школа № 7|Седьмая школа
            licey1;Лицей № 1;;лицей;ООО, СОО;110;;48;

            """, name: "good.csv")
        let units = try UnitRegistryLoader().load(contentsOf: good, displayPath: "units.csv")
        #expect(units.count == 2)
        #expect(units[0].aliases == ["Школа № 7", "Седьмая школа"])
        #expect(units[0].levels == [.primary, .basic, .secondary])
        #expect(units[1].fullName == "Лицей № 1")
        #expect(units[1].contingent == [.students: 110, .teachers: 48])

        let bad = try write("""
            code;short_name;type;levels;students
            sosh 7;СОШ № 7;школа;ООО;75
            ok;Лицей;лицей;ВУЗ;много

            """, name: "bad.csv")
        do {
            _ = try UnitRegistryLoader().load(contentsOf: bad, displayPath: "units.csv")
            Issue.record("bad registry accepted")
        } catch let error as DiagnosticsError {
            let text = error.description
            #expect(text.contains("units.csv:2:1"))  // code with a space
            #expect(text.contains("units.csv:2:3"))  // unknown type
            #expect(text.contains("units.csv:3:4"))  // unknown level
            #expect(text.contains("units.csv:3:5"))  // not a number
            #expect(error.diagnostics.filter { $0.severity == .error }.count == 4)
        }
    }

    @Test func readsYAMLWithPositions() throws {
        let url = try write("""
            units:
              - code: sosh7
                short_name: СОШ № 7
                type: СОШ
                levels: [НОО, ООО, СОО]
                contingent: {students: 75, teachers: 34}
                aliases: [Школа № 7]
              - code: x
                short_name: Школа
                type: колледж
            """, name: "units.yaml")
        do {
            _ = try UnitRegistryLoader().load(contentsOf: url, displayPath: "units.yaml")
            Issue.record("unknown type accepted")
        } catch let error as DiagnosticsError {
            #expect(error.description.contains("units.yaml:10"))
            #expect(error.description.contains("колледж"))
        }
    }

    @Test func storeImportIsIdempotentAndEditsByCode() throws {
        let store = try AnketaStore()
        #expect(try store.importUnits([Self.sosh7, Self.licey]) == UnitImportCounts(added: 2))
        #expect(try store.importUnits([Self.sosh7, Self.licey]) == UnitImportCounts(unchanged: 2))
        var renamed = Self.licey
        renamed.contingent = [.teachers: 50]
        #expect(try store.importUnits([renamed]) == UnitImportCounts(changed: 1))
        let units = try store.units()
        #expect(units.map(\.code) == ["sosh7", "licey1"])
        #expect(units[0] == Self.sosh7)
        #expect(units[1].contingent == [.teachers: 50])
        // A name that would belong to two units is refused and nothing changes.
        var clash = Self.licey
        clash.aliases = ["СОШ № 7"]
        #expect(throws: (any Error).self) { try store.importUnits([clash]) }
        #expect(try store.units()[1].aliases.isEmpty)
    }
}
