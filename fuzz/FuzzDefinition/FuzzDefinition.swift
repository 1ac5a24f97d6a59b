import AnketaCore
import Foundation
import FuzzSupport

/// The definition loader: the bytes are a questionnaire YAML. `check` must never crash, and when it
/// returns no questionnaire it must say why (at least one error, every one placed in the file).
func fuzzDefinition(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let yaml = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    let (questionnaire, diagnostics) = DefinitionLoader().check(yaml: yaml, file: "fuzz.yaml")
    let errors = diagnostics.filter { $0.severity == .error }
    if questionnaire == nil, errors.isEmpty { FuzzHarness.fail("no questionnaire and no error") }
    if let stray = diagnostics.first(where: { $0.location.file != "fuzz.yaml" }) { FuzzHarness.fail("a diagnostic elsewhere: \(stray)") }
    return 0
}

@main
enum Main {
    static func main() {
        FuzzHarness.main(fuzzDefinition)
    }
}
