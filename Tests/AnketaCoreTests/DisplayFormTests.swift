import AnketaCore
import Foundation
import Testing

/// The web form's options: `display` forms for both genders and `one_page`.
@Suite("Display forms and one-page forms")
struct DisplayFormTests {
    static func yaml(display: String = "display: Полностью удовлетворён(а), ", onePage: String = "") -> String {
        """
        id: display-test
        version: 1
        title: Проверка
        audience: parents
        \(onePage)
        scales:
          sat:
            options:
              - {code: 2, label: Полностью удовлетворён, \(display)aliases: [Полностью удовлетворена], score: 1}
              - {code: 1, label: Не удовлетворён, score: 0}
        sections:
          - {id: main, title: Основное}
        questions:
          - {id: q1, section: main, text: Питание, type: single, scale: sat}
        """
    }

    @Test("`display` is what respondents see; the label stays the stored and reported name")
    func displayForm() throws {
        let questionnaire = try DefinitionLoader().load(yaml: Self.yaml(), file: "display.yaml")
        let scale = try #require(questionnaire.scales["sat"])
        #expect(scale.options[0].label == "Полностью удовлетворён")
        #expect(scale.options[0].display == "Полностью удовлетворён(а)")
        #expect(scale.options[0].shown == "Полностью удовлетворён(а)")
        #expect(scale.options[1].display == nil)
        #expect(scale.options[1].shown == "Не удовлетворён")
        // Imported answers written in the display form (a form service showed it) match the option.
        #expect(scale.match("Полностью удовлетворён(а)") == .option(scale.options[0]))
        #expect(scale.match("полностью удовлетворен(а)") == .option(scale.options[0]))
        #expect(scale.match("Полностью удовлетворена") == .option(scale.options[0]))
    }

    @Test("a display form equal to another option's text is an error, as an alias would be")
    func displayClash() {
        let (_, diagnostics) = DefinitionLoader().check(yaml: Self.yaml(display: "display: Не удовлетворён, "), file: "display.yaml")
        #expect(diagnostics.contains { $0.description.contains("совпадает с вариантом") })
    }

    @Test("`one_page` is off unless the definition says true; anything else is an error", arguments: [
        ("", false), ("one_page: true", true), ("one_page: false", false),
    ])
    func onePage(line: String, expected: Bool) throws {
        #expect(try DefinitionLoader().load(yaml: Self.yaml(onePage: line), file: "one.yaml").onePage == expected)
    }

    @Test("`one_page: sometimes` is reported at its key")
    func onePageNotBool() {
        let (_, diagnostics) = DefinitionLoader().check(yaml: Self.yaml(onePage: "one_page: sometimes"), file: "one.yaml")
        #expect(diagnostics.contains { $0.description.contains("one.yaml:5:") && $0.description.contains("one_page") })
    }

    @Test("every «удовлетворён» and «согласен» option of the shipped questionnaires addresses both genders")
    func shippedDisplayForms() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("Questionnaires")
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let questionnaire = try DefinitionLoader().load(contentsOf: folder.appendingPathComponent(name), displayPath: name)
            for scale in questionnaire.scales.values {
                for option in scale.options where option.label.lowercased().contains("удовлетворён") || option.label.lowercased().contains("согласен") {
                    #expect(option.shown.contains("(а)") || option.shown.contains("(на)"), "\(name): «\(option.label)» is shown masculine only")
                    checked += 1
                }
            }
        }
        #expect(checked >= 25)
    }
}
