import AnketaCore
import AnketaStore
import Foundation
import Logging

extension WebApp {
    /// Said when the questionnaires folder has no definition the console can offer: where it looked
    /// and how to fix it (the usual cause: `anketa serve` started outside the project folder).
    func emptyCatalogMessage(logger: Logger) -> String? {
        guard catalog(logger: logger).isEmpty else { return nil }
        let folder = configuration.questionnairesFolder.standardizedFileURL.path
        let exists = FileManager.default.fileExists(atPath: folder)
        return (exists ? "В папке анкет \(folder) нет ни одной анкеты, которая проходит проверку (файлы .yaml)." : "Папки анкет \(folder) нет.")
            + " Запустите сервер из папки проекта (там, где папка Questionnaires) или укажите папку явно: "
            + "anketa serve --questionnaires /путь/к/Questionnaires. Анкету можно и загрузить на странице «Анкеты»."
    }

    /// The earlier waves of the same questionnaire and unit that have answers, oldest first: the last
    /// is what the справка's dynamics compare with; with two or more the справка shows the trend.
    func earlierWaves(of wave: Wave) async throws -> [Wave] {
        try await store.waves().filter {
            $0.wave.questionnaireID == wave.questionnaireID && $0.wave.unit == wave.unit && ($0.wave.id ?? 0) < (wave.id ?? 0) && $0.responses > 0
        }.map(\.wave).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
    }

    /// The latest earlier wave of the same questionnaire and unit that has answers.
    func previousWave(of wave: Wave) async throws -> Wave? {
        try await earlierWaves(of: wave).last
    }
}
