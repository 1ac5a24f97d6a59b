import AnketaAnalysis
import AnketaCore

/// Seeded random surveys for the disclosure checker: a class typed by hand (grouped as class,
/// parallel and level at once), teaching experience as a choice, a school typed in several
/// spellings; tiny groups of every size under the minimum, blanks, «затрудняюсь ответить» and
/// texts that are no class at all.
public enum DisclosureCases {
    public static let yaml = """
        id: gen
        version: 1
        title: Проверка анонимности
        audience: parents
        scales:
          agree4:
            options:
              - {code: 1, label: Нет, score: 1}
              - {code: 2, label: Скорее нет, score: 2}
              - {code: 3, label: Скорее да, score: 3, positive: true}
              - {code: 4, label: Да, score: 4, positive: true}
            no_answer: [Затрудняюсь ответить]
          years:
            options:
              - {code: a, label: до 3 лет, score: 1}
              - {code: b, label: 3–10 лет, score: 2}
              - {code: c, label: 10–20 лет, score: 3}
              - {code: d, label: более 20 лет, score: 4}
            no_answer: [Не хочу отвечать]
        sections:
          - {id: s, title: Раздел}
        questions:
          - {id: cls, section: s, text: Класс, type: short_text}
          - {id: exp, section: s, text: Стаж, type: single, scale: years}
          - {id: school, section: s, text: Школа, type: short_text}
          - {id: q1, section: s, text: Первый, type: single, scale: agree4}
          - {id: q2, section: s, text: Второй, type: single, scale: agree4}
          - {id: q3, section: s, text: Третий, type: single, scale: agree4, reverse: true}
        groupings:
          - {id: class, title: Класс, question: cls}
          - {id: parallel, title: Параллель, question: cls, derive: class_number}
          - {id: level, title: Уровень, question: cls, derive: level}
          - {id: exp, title: Стаж, question: exp}
          - {id: school, title: Школа, question: school}
        indicators:
          - id: share
            title: Доля
            method: positive_share
            questions: [q1, q2, q3]
            levels: [{name: высокий, from: 80}, {name: средний, from: 60}, {name: низкий, from: 0, deficit: true}]
          - id: index
            title: Индекс
            method: mean_index
            questions: [q1, q2, q3]
            levels: [{name: высокий, from: 75}, {name: средний, from: 50}, {name: низкий, from: 0, deficit: true}]
        """

    public static func questionnaire() throws -> Questionnaire {
        try DefinitionLoader().load(yaml: yaml, file: "gen.yaml")
    }

    /// One generated survey.
    public struct Case: Sendable {
        public var seed: UInt64
        public var responses: [Response]
        public var options: AnalysisOptions

        public init(seed: UInt64, responses: [Response], options: AnalysisOptions) {
            self.seed = seed
            self.responses = responses
            self.options = options
        }
    }

    /// Class names and the ways people type them.
    static let classes: [[String]] = [
        ["1А", "1 а"], ["2Б", "2б"], ["3В", "3-В"], ["4А", "4 А класс"], ["5А", "5 \"А\""], ["5Б", "5б"], ["6А", "6а"], ["6Б", "6 Б"],
        ["7А", "7А"], ["8В", "8в"], ["9А", "9 а"], ["10А", "10а"], ["10Б", "10 Б"], ["11А", "11 а класс"],
        ["пятый", "Пятый"], ["кружок", "Кружок"],
    ]
    static let schools: [[String]] = [
        ["Лицей «Звёздный»", "лицей «звездный»", "Лицей \"Звёздный\""], ["Гимназия № 2", "Гимназия №2", "гимназия  № 2"],
        ["Школа № 5", "школа №5"], ["Центр образования"],
    ]

    /// The case of one seed.
    public static func make(seed: UInt64) -> Case {
        var random = SeededRandom(seed: seed)
        let minimum = [3, 5, 5, 5, 10][random.int(below: 5)]
        /// A group size: tiny (every size under the minimum) or ordinary.
        func size() -> Int {
            random.int(below: 2) == 0 ? 1 + random.int(below: max(1, minimum - 1)) : minimum + random.int(below: 25)
        }
        var classAnswers: [Answer?] = []
        for names in classes where random.int(below: 3) > 0 {
            for _ in 0..<size() { classAnswers.append(.text(names[random.int(below: names.count)])) }
        }
        for _ in 0..<random.int(below: max(2, minimum + 2)) { classAnswers.append(random.int(below: 3) == 0 ? .noAnswer : nil) }
        let count = max(classAnswers.count, minimum)
        while classAnswers.count < count { classAnswers.append(nil) }
        random.shuffle(&classAnswers)

        /// Answers of a grouping question: groups of random sizes, the rest blank or «затрудняюсь».
        func answers(_ make: [() -> Answer]) -> [Answer?] {
            var list: [Answer?] = []
            for item in make where random.int(below: 4) > 0 {
                for _ in 0..<size() { list.append(item()) }
            }
            let unanswered = random.int(below: max(2, minimum + 1))
            list = Array(list.prefix(count - min(unanswered, count)))
            while list.count < count { list.append(random.int(below: 3) == 0 ? .noAnswer : nil) }
            random.shuffle(&list)
            return list
        }
        let experience = answers(["a", "b", "c", "d"].map { code in { () -> Answer in .option(code) } })
        let school = answers(schools.map { names in { () -> Answer in .text(names[random.int(below: names.count)]) } })

        var responses: [Response] = []
        for index in 0..<count {
            var response = Response()
            response["cls"] = classAnswers[index]
            response["exp"] = experience[index]
            response["school"] = school[index]
            for id in ["q1", "q2", "q3"] {
                let roll = random.int(below: 10)
                response[id] = roll == 0 ? nil : roll == 1 ? .noAnswer : .option(String(1 + random.int(below: 4)))
            }
            responses.append(response)
        }
        let all = ["class", "parallel", "level", "exp", "school"]
        let chosen = all.filter { _ in random.int(below: 3) > 0 }
        let groupings: [String]? = random.int(below: 3) == 0 || chosen.isEmpty ? nil : chosen
        return Case(seed: seed, responses: responses, options: AnalysisOptions(minGroupSize: minimum, groupings: groupings))
    }

    public static func analyze(_ item: Case, questionnaire: Questionnaire) -> AnalysisResult {
        var analyzer = Analyzer(questionnaire: questionnaire, wave: "gen-\(item.seed)", options: item.options)
        for response in item.responses { analyzer.add(response) }
        return analyzer.finish()
    }
}

/// SplitMix64: a small seeded generator, so that every case can be rerun from its seed.
public struct SeededRandom: RandomNumberGenerator {
    var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound.
    public mutating func int(below bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(index, int(below: index + 1))
        }
    }
}
