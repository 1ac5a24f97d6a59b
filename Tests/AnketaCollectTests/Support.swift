import AnketaCore
import Foundation
import Testing

/// A file in the test bundle's Fixtures folder.
func fixture(_ name: String, _ ext: String, in subdirectory: String = "Fixtures") throws -> URL {
    try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: subdirectory),
                 "fixture \(subdirectory)/\(name).\(ext) is missing from the test bundle")
}

/// The mini questionnaire of Fixtures/mini.yaml.
func miniQuestionnaire() throws -> Questionnaire {
    try DefinitionLoader().load(contentsOf: try fixture("mini", "yaml"))
}

/// A fresh temporary folder, removed by the caller with `defer`.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("anketa-collect-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes bytes to a file in a folder and returns its URL.
func write(_ bytes: [UInt8], named name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
}
