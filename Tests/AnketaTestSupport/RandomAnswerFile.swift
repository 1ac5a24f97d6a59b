import AnketaCore
import Foundation

/// Random CSV exports of a questionnaire's answers, as bytes, for tests that compare two ways of
/// reading the same file: cells made of the scales' texts changed the ways people and exports change
/// them, and of everything a reader must notice — bytes of another encoding, NUL bytes, blank rows,
/// rows with a missing cell, numbers out of range, answers that match no option, dates it cannot read.
public enum RandomAnswerFile {
    /// A file of `rows` data rows (UTF-8, comma-separated, a header of question texts and a timestamp column).
    public static func csv(_ questionnaire: Questionnaire, rows: Int, random: inout SeededRandom) -> [UInt8] {
        let headers = ["Отметка времени"] + questionnaire.questions.map(\.header) + ["Электронная почта"]
        var lines: [[UInt8]] = [line(headers.map { Array($0.utf8) })]
        for _ in 0..<rows {
            switch random.int(below: 40) {
            case 0:
                lines.append([])                                             // an empty line (no record)
                continue
            case 1:
                lines.append(line(headers.map { _ in Array("  ".utf8) }))    // a row of blank cells
                continue
            default: break
            }
            var cells: [[UInt8]] = [timestamp(&random)]
            for question in questionnaire.questions { cells.append(cell(question, questionnaire, &random)) }
            cells.append(random.int(below: 4) == 0 ? Array("родитель@школа.рф".utf8) : [])
            if random.int(below: 60) == 0 { cells.removeLast() }             // a cell short
            if random.int(below: 200) == 0 { cells[random.int(below: cells.count)] += [0xC4, 0xE0] }  // Windows-1251 «Да»
            lines.append(line(cells))
        }
        return lines.flatMap { $0 + [0x0A] }
    }

    static func line(_ cells: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if cell.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
                out.append(UInt8(ascii: "\""))
                for byte in cell {
                    if byte == UInt8(ascii: "\"") { out.append(byte) }
                    out.append(byte)
                }
                out.append(UInt8(ascii: "\""))
            } else {
                out += cell
            }
        }
        return out
    }

    static func timestamp(_ random: inout SeededRandom) -> [UInt8] {
        let day = 1 + random.int(below: 28), hour = random.int(below: 24)
        let shapes = [
            String(format: "%02d.04.2026 %02d:03:11", day, hour),
            String(format: "2026-04-%02d %02d:15:00", day, hour),
            String(format: "2026/04/%02d 7:03:11 PM GMT+3", day),
            "", "  ", "вчера", String(format: "%02d.13.2026 10:00:00", day),
        ]
        return Array(shapes[random.int(below: 100) < 85 ? random.int(below: 2) : random.int(below: shapes.count)].utf8)
    }

    static func cell(_ question: Question, _ questionnaire: Questionnaire, _ random: inout SeededRandom) -> [UInt8] {
        let roll = random.int(below: 100)
        if roll < 8 { return [] }
        if roll < 10 { return Array(" \u{A0}".utf8) }
        if roll == 10 { return Array("'=1".utf8) }
        if roll == 11 { return [UInt8(ascii: "a"), 0x00] }
        if roll == 12 { return [0xFF, 0x41] }
        switch question.kind {
        case .single, .multiple:
            guard let scale = questionnaire.scale(of: question) else { return [] }
            let texts = scale.options.flatMap { [$0.label] + $0.aliases + [$0.code] } + scale.noAnswer
            func one() -> String { varied(texts[random.int(below: texts.count)], &random) }
            if roll == 13 { return Array("ничего из этого".utf8) }
            if question.kind == .single { return Array(one().utf8) }
            let count = 1 + random.int(below: 3)
            return Array((0..<count).map { _ in one() }.joined(separator: random.int(below: 5) == 0 ? ";" : ", ").utf8)
        case .number:
            let values = ["2", "2,5", " 3.25 ", "100", "-1", "пять", "0"]
            return Array(values[random.int(below: values.count)].utf8)
        case .shortText, .longText:
            let values = ["5А", "5 «Б»", "11в", "Больше кружков\nи секций", "ничего, всё хорошо", "«Спасибо»", "ёлка", "Ё"]
            return Array(values[random.int(below: values.count)].utf8)
        }
    }

    /// A text as a person might type it: another case, extra spaces, «ё» for «е», a full stop.
    static func varied(_ text: String, _ random: inout SeededRandom) -> String {
        switch random.int(below: 10) {
        case 0: return text.uppercased()
        case 1: return "  " + text.lowercased() + " "
        case 2: return text.replacingOccurrences(of: "е", with: "ё")
        case 3: return text + "."
        case 4: return "«" + text + "»"
        default: return text
        }
    }
}
