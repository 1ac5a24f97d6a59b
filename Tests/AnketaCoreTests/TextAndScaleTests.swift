import AnketaCore
import Testing

@Suite("TextKey normalisation")
struct TextKeyTests {
    @Test("Equal keys", arguments: [
        ("Полностью удовлетворён", "полностью удовлетворен"),
        ("ПОЛНОСТЬЮ УДОВЛЕТВОРЁН", "полностью удовлетворён"),
        ("  Скорее   удовлетворён  ", "скорее удовлетворён"),
        ("Скорее\u{00A0}удовлетворён", "скорее удовлетворён"),
        ("Скорее\tудовлетворён", "скорее удовлетворён"),
        ("Затрудняюсь ответить.", "затрудняюсь ответить"),
        ("Затрудняюсь ответить!!", "Затрудняюсь ответить"),
        ("Класс ребёнка:", "класс ребенка"),
        ("Ваше мнение?", "ваше мнение"),
        ("Обязательный вопрос *", "обязательный вопрос"),
        ("«Да, безусловно»", "Да, безусловно"),
        ("Ёлка", "елка"),
    ])
    func equal(_ a: String, _ b: String) {
        #expect(TextKey(a) == TextKey(b), "«\(TextKey(a).value)» vs «\(TextKey(b).value)»")
    }

    @Test("Different keys", arguments: [
        ("Скорее удовлетворён", "Скорее не удовлетворён"),
        ("Удовлетворён", "Удовлетворена"),
        ("5. Питание", "Питание"), // numbering stays unless asked to strip it
        ("Да, безусловно", "Да безусловно"), // an inner comma is not trailing punctuation
    ])
    func different(_ a: String, _ b: String) {
        #expect(TextKey(a) != TextKey(b))
    }

    @Test("Numbering prefixes are stripped from headers", arguments: [
        "5. Питание в школе", "5) Питание в школе", "12. Питание в школе", "5.1. Питание в школе",
        "№5 Питание в школе", "№ 5 Питание в школе", "5.  ПИТАНИЕ В ШКОЛЕ.", "Питание в школе",
    ])
    func numbering(_ header: String) {
        #expect(TextKey(header, stripNumbering: true).value == "питание в школе")
    }

    @Test("Numbers that are not a numbering prefix stay", arguments: [
        ("10 минут на дорогу", "10 минут на дорогу"),
        ("2025 год", "2025 год"),
        ("1234. Слишком длинный номер", "1234. слишком длинный номер"),
        ("5", "5"),
    ])
    func notNumbering(_ header: String, _ expected: String) {
        #expect(TextKey(header, stripNumbering: true).value == expected)
    }

    @Test("Exact normalised value")
    func value() {
        #expect(TextKey("  Ёжик   В ТУМАНЕ…  ").value == "ежик в тумане")
        #expect(TextKey("   ").isEmpty)
        #expect(TextKey("...").isEmpty)
        #expect(TextKey("Ok").description == "ok")
    }
}

@Suite("Scale matching and scoring")
struct ScaleTests {
    static let satisfaction = Scale(name: "sat4", options: [
        .init(code: "4", label: "Полностью удовлетворён", aliases: ["Полностью удовлетворена"], score: 3, positive: true),
        .init(code: "3", label: "Скорее удовлетворён", score: 2, positive: true),
        .init(code: "2", label: "Скорее не удовлетворён", score: 1),
        .init(code: "1", label: "Не удовлетворён", score: 0),
    ], noAnswer: ["Затрудняюсь ответить", "Не знаю"])

    /// A scale with no explicit positive marks: above the middle of the score range counts.
    static let unmarked = Scale(name: "agree5", options: [
        .init(code: "5", label: "Полностью согласен", score: 5),
        .init(code: "4", label: "Скорее согласен", score: 4),
        .init(code: "3", label: "Не уверен", score: 3),
        .init(code: "2", label: "Скорее не согласен", score: 2),
        .init(code: "1", label: "Не согласен", score: 1),
    ])

    @Test("Matching typed text", arguments: [
        ("Полностью удовлетворён", "4"),
        ("полностью удовлетворен", "4"),
        ("  СКОРЕЕ  удовлетворён. ", "3"),
        ("Полностью удовлетворена", "4"), // alias
        ("полностью удовлетворена!", "4"),
        ("2", "2"), // code
        (" 1 ", "1"),
        ("Не удовлетворён", "1"),
    ])
    func matchOption(_ text: String, _ code: String) {
        #expect(Self.satisfaction.match(text) == .option(Self.satisfaction.option(code: code)!))
    }

    @Test("No-answer labels", arguments: ["Затрудняюсь ответить", "затрудняюсь ответить.", "НЕ ЗНАЮ"])
    func matchNoAnswer(_ text: String) {
        #expect(Self.satisfaction.match(text) == .noAnswer)
    }

    @Test("Text that matches nothing", arguments: ["Полностью удовлетворн", "5", "", "   ", "удовлетворён", "Скорее"])
    func noMatch(_ text: String) {
        #expect(Self.satisfaction.match(text) == nil)
    }

    @Test("Labels win over codes: a label that looks like another option's code")
    func labelBeforeCode() {
        let scale = Scale(name: "n", options: [.init(code: "1", label: "2", score: 0), .init(code: "2", label: "1", score: 1)])
        #expect(scale.match("1") == .option(scale.options[1]))
    }

    @Test("Explicitly marked positives, and reverse-keyed via the mirror option")
    func markedPositive() {
        let s = Self.satisfaction
        #expect(s.options.map { s.isPositive($0) } == [true, true, false, false])
        #expect(s.options.map { s.isPositive($0, reversed: true) } == [false, false, true, true])
    }

    @Test("Without marks, scores above the middle are positive; reversed below")
    func unmarkedPositive() {
        let s = Self.unmarked
        #expect(s.options.map { s.isPositive($0) } == [true, true, false, false, false])
        #expect(s.options.map { s.isPositive($0, reversed: true) } == [false, false, false, true, true])
    }

    @Test("Unscored unmarked options are never positive")
    func unscoredNotPositive() {
        let s = Scale(name: "x", options: [.init(code: "a", label: "A"), .init(code: "b", label: "B")])
        #expect(!s.isPositive(s.options[0]))
        #expect(!s.isScored)
        #expect(s.scoreRange == nil)
    }

    @Test("Scores and reverse-keyed scores")
    func scores() {
        let s = Self.satisfaction
        #expect(s.isScored)
        #expect(s.scoreRange == 0...3)
        #expect(s.options.map { s.score(of: $0) } == [3, 2, 1, 0])
        #expect(s.options.map { s.score(of: $0, reversed: true) } == [0, 1, 2, 3])
        #expect(Self.unmarked.score(of: Self.unmarked.options[0], reversed: true) == 1)
    }

    @Test("Matchable texts are ordered longest first")
    func matchableTexts() {
        let texts = Self.satisfaction.matchableTexts.map(\.key.value.count)
        #expect(texts == texts.sorted(by: >))
        #expect(Self.satisfaction.matchableTexts.contains { $0.key == TextKey("Не знаю") && $0.match == .noAnswer })
    }
}

@Suite("School levels and class names")
struct SchoolLevelTests {
    @Test("Level of a class", arguments: [
        ("5А", SchoolLevel.basic), ("10 б", .secondary), ("3", .primary), ("1", .primary), ("4В", .primary),
        ("9", .basic), ("11-а класс", .secondary), ("7 класс", .basic), ("класс 6", .basic), ("кл. 7Б", .basic), (" 2 А", .primary),
    ] as [(String, SchoolLevel)])
    func level(_ className: String, _ level: SchoolLevel) {
        #expect(SchoolLevel(className: className) == level)
    }

    @Test("Not a class", arguments: ["кл", "", "12", "0", "нет", "учитель", "alert(1)", "кружок 2", "<script>alert(1)</script>"])
    func notAClass(_ text: String) {
        #expect(SchoolLevel(className: text) == nil)
        #expect(SchoolLevel.normalizedClass(text) == nil)
    }

    @Test("Normalised class names", arguments: [
        ("5 а", "5А"), ("5А", "5А"), ("5-а", "5А"), ("5 \"а\"", "5А"), ("5 «а»", "5А"), ("5а класс", "5А"),
        ("7 класс", "7"), ("7 кл.", "7"), ("7", "7"), ("10 Б", "10Б"), ("11", "11"),
    ])
    func normalized(_ className: String, _ expected: String) {
        #expect(SchoolLevel.normalizedClass(className) == expected)
    }

    @Test("Raw values are the Russian abbreviations")
    func rawValues() {
        #expect(SchoolLevel.allCases.map(\.rawValue) == ["НОО", "ООО", "СОО"])
        #expect(SchoolLevel.classNumber("10 б") == 10)
    }
}

@Suite("Russian numbers and plurals")
struct RussianNumberTests {
    @Test("Fixed decimals with a comma, rounded half away from zero", arguments: [
        (82.4567, 1, "82,5"), (0.5, 1, "0,5"), (0.25, 1, "0,3"), (1.25, 1, "1,3"), (2.5, 0, "3"), (-2.5, 0, "−3"),
        (0, 1, "0,0"), (100, 2, "100,00"), (-0.04, 1, "0,0"), (-1.25, 1, "−1,3"), (12345.6, 1, "12\u{202F}345,6"),
        (1234, 0, "1234"), (1234567, 0, "1\u{202F}234\u{202F}567"), (Double.nan, 1, "—"),
    ] as [(Double, Int, String)])
    func fixed(_ value: Double, _ digits: Int, _ expected: String) {
        #expect(RussianNumber.fixed(value, digits: digits) == expected)
    }

    @Test("Plain: the shortest form", arguments: [
        (80.0, "80"), (0.5, "0,5"), (2.0 / 3.0, "0,67"), (1.10, "1,1"), (0.004, "0"),
    ] as [(Double, String)])
    func plain(_ value: Double, _ expected: String) {
        #expect(RussianNumber.plain(value) == expected)
    }

    @Test("Percent with a no-break space before the sign")
    func percent() {
        #expect(RussianNumber.percent(82.4567) == "82,5\u{00A0}%")
        #expect(RussianNumber.percent(100, digits: 0) == "100\u{00A0}%")
        #expect(!RussianNumber.percent(5).contains(" "), "an ordinary space would let the sign wrap to the next line")
    }

    @Test("Signed changes")
    func signed() {
        #expect(RussianNumber.signed(3.21) == "+3,2")
        #expect(RussianNumber.signed(-1) == "−1,0")
        #expect(RussianNumber.signed(0.01) == "0,0")
    }

    @Test("Plural forms", arguments: [
        (1, "респондент"), (2, "респондента"), (5, "респондентов"), (11, "респондентов"), (12, "респондентов"),
        (14, "респондентов"), (21, "респондент"), (22, "респондента"), (25, "респондентов"), (111, "респондентов"),
        (101, "респондент"), (0, "респондентов"), (-1, "респондент"),
    ])
    func plural(_ count: Int, _ form: String) {
        #expect(RussianPlural.respondent.form(count) == form)
    }

    @Test("Count with its noun, no-break space between")
    func callAsFunction() {
        #expect(RussianPlural.respondent(21) == "21\u{00A0}респондент")
        #expect(RussianPlural.row(2) == "2\u{00A0}строки")
        #expect(RussianPlural.problem(111) == "111\u{00A0}ошибок")
        #expect(RussianPlural.person(12345) == "12\u{202F}345\u{00A0}человек")
    }
}
