import AnketaCore
import Testing

@Suite struct LevelWordingTests {
    /// Adjectives agree with «уровень»; noun phrases are quoted as the level's name.
    @Test(arguments: [
        ("высокий", "высокий уровень"),
        ("средний", "средний уровень"),
        ("хороший", "хороший уровень"),
        ("умеренная", "умеренный уровень"),
        ("выраженная", "выраженный уровень"),
        ("слабая", "слабый уровень"),
        ("средняя", "средний уровень"),
        ("высокая", "высокий уровень"),
        ("хорошая", "хороший уровень"),
        ("очень высокий", "очень высокий уровень"),
        ("внешняя мотивация", "уровень «внешняя мотивация»"),
        ("дезадаптация", "уровень «дезадаптация»"),
        ("базовый уровень", "базовый уровень"),
    ])
    func phrase(_ name: String, _ expected: String) {
        #expect(LevelWording.phrase(name) == expected)
    }

    /// Never «… уровень» after a word that does not agree with it.
    @Test func neverGluesANounToUroven() {
        for name in ["внешняя мотивация", "дезадаптация", "норма", "умеренная", "выраженная"] {
            let text = LevelWording.phrase(name)
            #expect(!text.hasSuffix("ая уровень") && !text.hasSuffix("ия уровень") && !text.hasSuffix("а уровень"), "\(text)")
        }
    }
}
