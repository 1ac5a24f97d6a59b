import AnketaCollect
import AnketaCore
import AnketaStore
import ArgumentParser
import Foundation

/// Standard error, for messages and progress.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Whether standard error is a terminal (progress is shown only there).
    static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Rewrites the current terminal line.
    static func progress(_ text: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + text).utf8))
    }

    static func endProgress() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

/// Runs a command's body, turning the errors users cause into clear messages and exit code 1 —
/// never a backtrace.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw userFacing(error)
    }
}

/// The same for a command that works with the store (whose interface is `async`).
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        throw userFacing(error)
    }
}

/// Prints what went wrong for the user and gives the exit code to throw instead (an `ExitCode`
/// passes through as it is).
private func userFacing(_ error: any Error) -> any Error {
    switch error {
    case let exit as ExitCode:
        return exit
    case let error as DiagnosticsError:
        Console.error(error.description)
        let count = error.diagnostics.filter { $0.severity == .error }.count
        Console.error("\(RussianPlural.problem(count)) — исправьте и запустите снова.")
    case let error as ValidationError:
        Console.error("ошибка: \(error.message)")
    case let error as any CustomStringConvertible & Error:
        Console.error(error.description)
    default:
        Console.error("ошибка: \(error.localizedDescription)")
    }
    return ExitCode.failure
}

/// Loads a questionnaire named by a YAML path or, failing that, by its id in the store.
func loadQuestionnaire(_ reference: String, store: (any SurveyStore)?) async throws -> (Questionnaire, source: String?) {
    let url = URL(fileURLWithPath: reference)
    if FileManager.default.fileExists(atPath: url.path) {
        let questionnaire = try DefinitionLoader().load(contentsOf: url, displayPath: reference)
        let source = try String(contentsOf: url, encoding: .utf8)
        return (questionnaire, source)
    }
    if let store, !reference.hasSuffix(".yaml"), !reference.hasSuffix(".yml") {
        return (try await store.questionnaire(id: reference, version: nil), nil)
    }
    throw DiagnosticsError([Diagnostic(at: SourceLocation(file: reference), "файл определения анкеты не найден",
                                       hint: "укажите путь к YAML (например Questionnaires/parents-satisfaction.yaml) или id анкеты из базы")])
}
