import AnketaCore
import Foundation
import FuzzSupport

/// The definition loader: the bytes are a questionnaire YAML. `check` must return a questionnaire
/// or diagnostics — never crash; a questionnaire it returns must have no error diagnostics.
@main
enum FuzzDefinition {
    static func main() {
        FuzzHarness.main { data, size in
            let yaml = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
            let (questionnaire, diagnostics) = DefinitionLoader().check(yaml: yaml, file: "fuzz.yaml")
            let errors = diagnostics.filter { $0.severity == .error }
            if questionnaire != nil, !errors.isEmpty { FuzzHarness.fail("a questionnaire with errors: \(errors)") }
            if questionnaire == nil, errors.isEmpty { FuzzHarness.fail("no questionnaire and no error") }
            return 0
        }
    }
}
