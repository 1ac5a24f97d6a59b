import AnketaDocument

/// A string written to break out of every format.
let hostile = "<script>alert(1)</script> & \"=cmd|' /C calc'!A0\""

/// A document using every block kind, with Russian text and hostile respondent text.
let sampleDocument = Document(
    title: "Аналитическая справка по итогам анкетирования родителей",
    subtitle: ["МБОУ «Средняя общеобразовательная школа № 5»", "Ёлкино, апрель 2025 г."],
    blocks: [
        .heading("1. Общие сведения", level: 1),
        .paragraph([
            .text("В анкетировании приняли участие "), .strong("412 родителей"),
            .text(" обучающихся 1–11 классов. Удовлетворены качеством образования "),
            .strong("82,4\u{00A0}%"), .text(" опрошенных; ещё "), .emphasis("ёмкая"),
            .text(" часть ответов — в свободной форме."),
        ]),
        .heading("1.1. Карта дефицитов", level: 2),
        .table(Table(
            caption: "Таблица 1 – Удовлетворённость по направлениям",
            header: ["Направление", "Ответили", "Доля довольных, %", "Уровень"],
            rows: [
                ["Качество преподавания", "398", Cell("86,2", tone: .good), Cell("высокий", tone: .good)],
                ["Питание в столовой", "405", Cell("54,1", tone: .fair), Cell("средний", tone: .fair)],
                ["Безопасность | охрана", "377", Cell("31,0", tone: .poor, bold: true), Cell("низкий (дефицит)", tone: .poor)],
                [Cell("Дополнительное образование"), "3", Cell("—", tone: .muted), Cell("группа меньше 5", tone: .muted)],
                [Cell(hostile), "1", "0,0", "—"],
            ],
            columnWidths: [4, 1.5, 2, 2.5],
            numericColumns: [1, 2]
        )),
        .note([.text("Группы менее 5 человек не показаны. Источник: анкета «Удовлетворённость», n = 412.")]),
        .chart(Chart(
            kind: .bars,
            title: "Рисунок 1 – Доля удовлетворённых родителей, %",
            categories: ["Качество преподавания", "Питание в столовой", "Безопасность и охрана образовательного учреждения", "Дополнительное образование"],
            series: [.init(name: "Доля, %", values: [86.2, 54.1, 31.0, nil], color: "#4472C4")],
            tones: [.good, .fair, .poor, .muted],
            maxValue: 100, unit: "%"
        )),
        .heading("1.2. Отношение к утверждениям", level: 2),
        .chart(Chart(
            kind: .divergingStacked(neutralSeries: 2),
            title: "Рисунок 2 – Согласие с утверждениями, % ответивших",
            categories: ["Ребёнок с удовольствием ходит в школу", "Учителя объективно оценивают знания", "В школе безопасно", "Мне хватает информации о жизни класса"],
            series: [
                .init(name: "Совсем не согласен", values: [4, 8, 12, 3], color: "#C0504D"),
                .init(name: "Скорее не согласен", values: [10, 14, 20, 7], color: "#F4A582"),
                .init(name: "Затрудняюсь ответить", values: [16, 20, 18, 10], color: "#D9D9D9"),
                .init(name: "Скорее согласен", values: [40, 38, 32, 45], color: "#92C5DE"),
                .init(name: "Полностью согласен", values: [30, 20, 18, 35], color: "#2166AC"),
            ],
            maxValue: 100, unit: "%"
        )),
        .chart(Chart(
            kind: .groupedBars,
            title: "Рисунок 3 – Сравнение волн опроса, %",
            categories: ["Качество преподавания", "Питание", "Безопасность"],
            series: [
                .init(name: "2024 г.", values: [80.5, 50, 35.5], color: "#A5A5A5"),
                .init(name: "2025 г.", values: [86.2, 54.1, 31], color: "#4472C4"),
            ],
            maxValue: 100, unit: "%"
        )),
        .heading("Выводы и рекомендации", level: 3),
        .list([
            [.text("Сохранить высокий уровень преподавания.")],
            [.strong("Питание: "), .text("провести опрос о меню, ёмкость столовой — 120 мест.")],
            [.text("Комментарий респондента: " + hostile)],
        ], ordered: true),
        .list([
            [.text("# не заголовок")],
            [.text("- не вложенный список")],
        ], ordered: false),
        .pageBreak,
        .heading("Приложение. Ответы на открытый вопрос", level: 1),
        .paragraph([.text("Ответ респондента: "), .emphasis(hostile)]),
        .paragraph([.text("1. Строка, похожая на пункт списка,\nс переносом и управляющим символом \u{0007}.")]),
    ]
)
