#!/usr/bin/env python3
"""Generate the synthetic sample responses in Samples/ (stdlib only, deterministic).

    python3 Samples/generate.py          # rewrites the four CSV files next to this script

Every respondent is invented: no row describes a real person. The question texts and answer
labels below are copied from Questionnaires/parents-satisfaction.yaml and
Questionnaires/teachers-brs-readiness.yaml (this script cannot read YAML without PyYAML);
when those files change, change the tables here too.

What it produces
----------------
parents-satisfaction-2025.csv   320 rows, Google Forms shape
parents-satisfaction-2026.csv   350 rows, Google Forms shape, 3 deliberately bad rows (below)
    UTF-8 without BOM, comma-delimited, CRLF, fields quoted only where needed.
    Column 1 is `Отметка времени` with values like `12.04.2026 19:03:11`; then one column per
    question headed by its text; grid questions are headed `Grid title [Question text]`;
    the checkbox question has the chosen labels joined with ", " in one cell (several labels
    contain commas themselves); the class is typed by parents in free form («5А», «5 а», «10Б»,
    «3 "В"», «7-Б», «11 «А»», «8в класс» …). A few suggestions span several lines.
teachers-brs-readiness-2025.csv  96 rows, Russian Excel shape (paper forms typed in by hand)
    Windows-1251, `;`-delimited, CRLF, no timestamp column. Headers are numbered
    `1. Текст вопроса` and typed without «ё». Answers are labels with occasional lowercase,
    extra spaces, a trailing full stop, feminine forms («Скорее согласна»), «3-10 лет» with a
    hyphen and short forms of the level («ООО»). Teachers of five schools of one municipality.
teachers-brs-readiness-2026.csv  112 rows, Google Forms shape (as the parents' files).
students-motivation-2024.csv, -2025.csv, -2026.csv  about 270 pupils of grades 5–11 each, Google
    Forms shape with answers typed as codes; three school years for the trend справка (see
    make_motivation below).

The model
---------
Each respondent has a general attitude g ~ N(0, 1); each indicator k has a factor
f_k = 0.67·g + 0.74·e_k (so indicators correlate at about 0.45). An item's latent value is
z = μ_k(wave) + item offset + group effect + 0.75·f_k + 0.66·ε and is cut into the scale's
categories; reverse-keyed items are answered with the categories mirrored. This gives
Cronbach's alpha of about 0.7–0.9 per indicator. Group effects: school class (parents) and
school / experience (teachers). About 3 % of cells are blank; «Затрудняюсь ответить» is
frequent for accessibility and specialists, rare elsewhere.

Intended picture (share of positive answers for parents, index 0–100 for teachers):
parents 2025: openness ~78 (средний), comfort ~58 (низкий, deficit), accessibility ~55
(низкий, deficit), staff ~90 (высокий), teaching ~74 (средний), satisfaction ~80 (средний, just
under the border); 2026: openness (~84, высокий) and comfort (~68, средний) better, the rest
unchanged within sampling noise. Primary-school parents are more satisfied than those of
grades 10–11; classes differ by a few points.
teachers 2025: motivational ~64, cognitive ~59, operational ~46 (низкий, deficit), reflective
~52; 2026: all higher, operational ~56 (средний). The school that ran the project (Гимназия № 2)
scores highest; young teachers are the most motivated and the least informed.

Deliberately bad rows in parents-satisfaction-2026.csv (data rows counted from 1 after the
header; a file line number would differ because some suggestions span several lines):
    row  57: «Скорее удовлитворен» (typo) in the grid column
             «Насколько вы удовлетворены условиями в школе? [Качество и разнообразие блюд в школьной столовой]»
    row 183: a missing column: the cell for «Насколько вы удовлетворены информацией на стендах
             в здании школы?» is dropped, so the row has one field fewer and the rest shift left
    row 301: «Скорее да» (a label of the recommendation scale, not of satisfaction4) in the grid
             column «Насколько вы удовлетворены доброжелательностью и вежливостью работников школы? [Учителя-предметники]»
"""

import csv
import datetime
import math
import os
import random

SEED = 20260412
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# Parents: parents-satisfaction.yaml
# ---------------------------------------------------------------------------------------------

SAT4 = ["Полностью удовлетворён", "Скорее удовлетворён", "Скорее не удовлетворён", "Не удовлетворён"]
REC4 = ["Да, безусловно", "Скорее да", "Скорее нет", "Нет"]
NO_ANSWER = "Затрудняюсь ответить"

G_COND = "Насколько вы удовлетворены условиями в школе?"
G_STAFF = "Насколько вы удовлетворены доброжелательностью и вежливостью работников школы?"

# (question id, column header, indicator, item offset, share of «Затрудняюсь ответить»)
PARENT_ITEMS = [
    ("info_site", "Насколько вы удовлетворены полнотой и актуальностью информации на официальном сайте школы?", "openness", 0.1, 0.05),
    ("info_stands", "Насколько вы удовлетворены информацией на стендах в здании школы?", "openness", 0.0, 0.07),
    ("info_news", "Насколько вы удовлетворены своевременностью сообщений об изменениях в расписании, о собраниях и мероприятиях?", "openness", 0.1, 0.02),
    ("info_assessment", "Насколько вы удовлетворены разъяснениями о том, как оцениваются знания учеников и как проходят ВПР, ОГЭ и ЕГЭ?", "openness", -0.35, 0.06),
    ("info_feedback", "Насколько вы удовлетворены возможностью задать вопрос администрации школы и получить ответ (по телефону, электронной почте, через сайт)?", "openness", 0.1, 0.05),
    ("cond_sanitary", G_COND + " [Чистота, освещение и температура в помещениях]", "comfort", 0.35, 0.01),
    ("cond_hygiene", G_COND + " [Состояние туалетов и доступность питьевой воды]", "comfort", -0.3, 0.03),
    ("cond_equipment", G_COND + " [Оснащённость кабинетов (компьютеры, интерактивное и лабораторное оборудование)]", "comfort", 0.0, 0.05),
    ("food_quality", G_COND + " [Качество и разнообразие блюд в школьной столовой]", "comfort", -0.55, 0.03),
    ("food_organisation", G_COND + " [Организация питания (время на еду, очереди, чистота в столовой)]", "comfort", -0.25, 0.04),
    ("safety_entry", G_COND + " [Охрана здания и пропускной режим]", "comfort", 0.55, 0.02),
    ("safety_peers", G_COND + " [Безопасность ребёнка среди сверстников (отсутствие травли, драк, грубости)]", "comfort", 0.1, 0.05),
    ("access_building", "Насколько вы удовлетворены оборудованием территории и здания школы для людей с инвалидностью (пандусы, поручни, широкие дверные проёмы, специальные санитарные комнаты)?", "accessibility", -0.2, 0.30),
    ("access_info", "Насколько вы удовлетворены доступностью информации для людей с нарушениями зрения и слуха (версия сайта для слабовидящих, дублирующие надписи, звуковые сигналы)?", "accessibility", -0.1, 0.38),
    ("access_support", "Насколько вы удовлетворены условиями обучения детей с ограниченными возможностями здоровья (адаптированные программы, помощь тьютора, психолога, логопеда, дефектолога)?", "accessibility", 0.2, 0.33),
    ("staff_entry", G_STAFF + " [Охрана, вахта, секретарь]", "staff", -0.1, 0.02),
    ("staff_class_teacher", G_STAFF + " [Классный руководитель]", "staff", 0.35, 0.01),
    ("staff_teachers", G_STAFF + " [Учителя-предметники]", "staff", 0.0, 0.02),
    ("staff_specialists", G_STAFF + " [Педагог-психолог, социальный педагог, логопед]", "staff", 0.05, 0.22),
    ("staff_admin", G_STAFF + " [Администрация школы (директор, заместители директора)]", "staff", 0.05, 0.06),
    ("staff_remote", G_STAFF + " [Работники школы при общении по телефону, в мессенджерах и через электронный дневник]", "staff", -0.15, 0.03),
    ("teach_quality", "Насколько вы удовлетворены качеством преподавания учебных предметов?", "teaching", 0.2, 0.02),
    ("teach_knowledge", "Насколько вы удовлетворены уровнем знаний, которые получает ваш ребёнок?", "teaching", 0.1, 0.02),
    ("teach_exams", "Насколько вы удовлетворены подготовкой к ВПР, ОГЭ и ЕГЭ?", "teaching", -0.2, 0.10),
    ("grade_fairness", "Насколько вы удовлетворены объективностью и справедливостью отметок, которые получает ваш ребёнок?", "teaching", 0.0, 0.03),
    ("grade_criteria", "Насколько вы удовлетворены понятностью критериев оценивания (вы и ребёнок знаете, за что ставится отметка)?", "teaching", -0.2, 0.04),
    ("teach_support", "Насколько вы удовлетворены помощью, которую ребёнок получает при трудностях в учёбе (консультации, индивидуальные занятия)?", "teaching", -0.1, 0.06),
    ("teach_load", "Насколько вы удовлетворены учебной нагрузкой ребёнка (количество уроков, объём домашних заданий)?", "teaching", -0.15, 0.02),
    ("gen_schedule", "Насколько вы удовлетворены режимом работы школы и расписанием уроков?", "satisfaction", 0.0, 0.01),
    ("gen_activities", "Насколько вы удовлетворены выбором кружков, секций и внеурочных занятий?", "satisfaction", -0.3, 0.04),
    ("gen_overall", "Насколько вы в целом удовлетворены условиями обучения вашего ребёнка в школе?", "satisfaction", 0.15, 0.01),
    ("gen_recommend", "Готовы ли вы рекомендовать нашу школу родственникам и знакомым?", "satisfaction", 0.2, 0.05),
]

H_CLASS = "В каком классе учится ваш ребёнок?"
H_SOURCES = "Откуда вы обычно узнаёте о жизни школы? (можно выбрать несколько вариантов)"
H_SUGGESTIONS = "Что, по вашему мнению, школе нужно изменить или улучшить в первую очередь?"

# Column order of the form (= question order of the definition).
PARENT_COLUMNS = (
    [("class", H_CLASS)]
    + [(q, h) for q, h, *_ in PARENT_ITEMS[:5]]
    + [("info_sources", H_SOURCES)]
    + [(q, h) for q, h, *_ in PARENT_ITEMS[5:]]
    + [("suggestions", H_SUGGESTIONS)]
)

# (label, probability of being ticked); listed in the form's order
INFO_SOURCES = [
    ("Официальный сайт школы", 0.40),
    ("Электронный дневник, электронный журнал", 0.68),
    ("Родительский чат, мессенджеры", 0.74),
    ("Страница школы в социальной сети (ВКонтакте, Телеграм)", 0.22),
    ("Родительские собрания", 0.45),
    ("Классный руководитель", 0.50),
    ("Информационные стенды в школе", 0.08),
    ("От ребёнка", 0.33),
    ("От других родителей", 0.18),
]

# Latent means by wave: 2026 is better on openness and comfort.
PARENT_MU = {
    2025: {"openness": 0.62, "comfort": 0.05, "accessibility": 0.02, "staff": 1.05, "teaching": 0.50, "satisfaction": 0.68},
    2026: {"openness": 0.95, "comfort": 0.35, "accessibility": 0.02, "staff": 1.05, "teaching": 0.50, "satisfaction": 0.64},
}

# Suggestions: (text, indicator it complains about or None). Some have commas, quotes, line breaks.
SUGGESTIONS = [
    ("Улучшить питание: больше овощей и фруктов, меньше выпечки.", "comfort"),
    ("Разобраться с очередями в столовой, дети не успевают поесть за перемену.", "comfort"),
    ("Отремонтировать туалеты на втором этаже и поставить питьевые фонтанчики.", "comfort"),
    ("Сделать нормальный пандус у главного входа.", "accessibility"),
    ("Нужен лифт или хотя бы подъёмник, у нас в классе ребёнок на коляске.", "accessibility"),
    ("Чаще обновлять сайт, там до сих пор расписание прошлой четверти.", "openness"),
    ("Заранее сообщать о датах ВПР и контрольных работ.", "openness"),
    ("Объяснить родителям, как считается средневзвешенный балл в электронном журнале.", "openness"),
    ("Информацию присылать в одном месте, а не в трёх разных чатах.", "openness"),
    ("Больше бесплатных кружков для начальной школы.", "satisfaction"),
    ("Добавить спортивные секции по вечерам.", "satisfaction"),
    ("Меньше домашних заданий на выходные.", "teaching"),
    ("Отметки по одному предмету у разных учителей ставятся по-разному, нужны единые требования.", "teaching"),
    ("Больше консультаций перед ОГЭ.", "teaching"),
    ("Хотелось бы больше индивидуального подхода к детям, которые отстают.", "teaching"),
    ("Вежливее разговаривать с родителями на вахте.", "staff"),
    ("Спасибо классному руководителю за внимание к детям!", None),
    ("Всё устраивает, спасибо.", None),
    ("Всё хорошо", None),
    ("Нет", None),
    ("-", None),
    ("Затрудняюсь", None),
    ("1) Починить раздевалку\n2) Больше экскурсий\n3) Убрать вторую смену", None),
    ("Поставить камеры во дворе школы.\nПосле уроков там собираются старшеклассники из других школ.", "comfort"),
    ("Провести «день открытых дверей» для родителей первоклассников, показать столовую и кабинеты.", "openness"),
    ("Разобраться с травлей в классе, обращались к классному руководителю, но ничего не изменилось.", "comfort"),
    ("Чтобы психолог был доступен не только один день в неделю.", "accessibility"),
    ('Сделать кружок робототехники, как в школе "по соседству".', "satisfaction"),
]


def pick_class_text(rng, grade, letter):
    """A class as a parent types it."""
    r = rng.random()
    if r < 0.45:
        return f"{grade}{letter}"
    if r < 0.58:
        return f"{grade} {letter.lower()}"
    if r < 0.66:
        return f"{grade}{letter.lower()}"
    if r < 0.72:
        return f'{grade} "{letter}"'
    if r < 0.78:
        return f"{grade}-{letter}"
    if r < 0.82:
        return f"{grade} «{letter}»"
    if r < 0.87:
        return f"{grade}{letter.lower()} класс"
    if r < 0.91:
        return f"{grade} {letter}"
    if r < 0.94:
        return f" {grade}{letter} "
    if r < 0.97:
        return f"{grade} класс {letter}"
    return str(grade)  # no letter


def cut4(z):
    """Latent value -> index into a 4-option scale (0 = best)."""
    if z > 1.0:
        return 0
    if z > 0.0:
        return 1
    if z > -1.0:
        return 2
    return 3


def timestamps(rng, n, start):
    """n sorted Google Forms timestamps spread over two weeks, mostly in the evening."""
    out = []
    for _ in range(n):
        day = start + datetime.timedelta(days=min(13, int(rng.expovariate(1 / 4.0))))
        hour = rng.choices(range(24), weights=[1, 0, 0, 0, 0, 0, 1, 3, 4, 3, 2, 2, 3, 3, 2, 2, 3, 4, 6, 8, 9, 8, 5, 2])[0]
        out.append(day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60)))
    out.sort()
    return [t.strftime("%d.%m.%Y %H:%M:%S") for t in out]


def parent_classes(rng):
    classes = []
    for grade in range(1, 12):
        for letter in ("АБВ" if grade <= 9 else "АБ"):
            level_effect = 0.25 if grade <= 4 else (-0.1 if grade >= 10 else 0.0)
            weight = 1.4 if grade <= 4 else (1.0 if grade <= 9 else 0.6)
            classes.append((grade, letter, level_effect + rng.gauss(0, 0.22), weight))
    return classes


def make_parents(year, n, start, bad_rows=None):
    rng = random.Random(f"{SEED}-parents-{year}")
    classes = parent_classes(random.Random(f"{SEED}-parents-classes"))  # same classes both years
    mu = PARENT_MU[year]
    times = timestamps(rng, n, start)
    header = ["Отметка времени"] + [h for _, h in PARENT_COLUMNS]
    rows = []
    for i in range(n):
        grade, letter, class_effect, _ = rng.choices(classes, weights=[c[3] for c in classes])[0]
        g = rng.gauss(0, 1)
        factors = {k: 0.67 * g + 0.74 * rng.gauss(0, 1) for k in mu}
        answers = {}
        for qid, _h, ind, offset, na in PARENT_ITEMS:
            r = rng.random()
            if r < 0.03:
                answers[qid] = ""
                continue
            if r < 0.03 + na:
                answers[qid] = NO_ANSWER
                continue
            z = mu[ind] + offset + class_effect + 0.75 * factors[ind] + 0.66 * rng.gauss(0, 1)
            k = cut4(z)
            answers[qid] = (REC4 if qid == "gen_recommend" else SAT4)[k]
        if rng.random() < 0.02:
            answers["info_sources"] = ""
        else:
            chosen = [label for label, p in INFO_SOURCES if rng.random() < p]
            if not chosen:
                chosen = [rng.choice(INFO_SOURCES)[0]]
            answers["info_sources"] = ", ".join(chosen)
        answers["class"] = "" if rng.random() < 0.01 else pick_class_text(rng, grade, letter)
        if rng.random() < 0.33:
            # complaints are more likely about the indicator the respondent is least happy with
            worst = min(factors, key=factors.get)
            pool = [s for s, k in SUGGESTIONS if k == worst] or [s for s, _ in SUGGESTIONS]
            answers["suggestions"] = rng.choice(pool if rng.random() < 0.6 else [s for s, _ in SUGGESTIONS])
        else:
            answers["suggestions"] = ""
        rows.append([times[i]] + [answers[q] for q, _ in PARENT_COLUMNS])
    for row_no, kind in (bad_rows or {}).items():
        row = rows[row_no - 1]
        if kind == "typo":
            row[1 + [q for q, _ in PARENT_COLUMNS].index("food_quality")] = "Скорее удовлитворен"
        elif kind == "missing_column":
            del row[1 + [q for q, _ in PARENT_COLUMNS].index("info_stands")]
        elif kind == "wrong_scale":
            row[1 + [q for q, _ in PARENT_COLUMNS].index("staff_teachers")] = "Скорее да"
    return header, rows


# ---------------------------------------------------------------------------------------------
# Teachers: teachers-brs-readiness.yaml
# ---------------------------------------------------------------------------------------------

AGREE5 = ["Полностью согласен", "Скорее согласен", "Отчасти согласен, отчасти нет", "Скорее не согласен", "Полностью не согласен"]
AGREE5_FEM = ["Полностью согласна", "Скорее согласна", "Отчасти согласна, отчасти нет", "Скорее не согласна", "Полностью не согласна"]

EXPERIENCE = [("до 3 лет", 0.12), ("3–10 лет", 0.25), ("11–20 лет", 0.28), ("более 20 лет", 0.35)]
EXPERIENCE_PAPER = {"3–10 лет": "3-10 лет", "11–20 лет": "11-20 лет"}
SUBJECTS = [
    ("Начальные классы", 0.20),
    ("Русский язык, литература, родной язык", 0.15),
    ("Иностранные языки", 0.11),
    ("Математика, информатика", 0.15),
    ("Естественные науки (физика, химия, биология, география)", 0.14),
    ("Общественные науки (история, обществознание)", 0.08),
    ("Искусство, технология, физическая культура, ОБЗР", 0.12),
    ("Другое (педагог-психолог, педагог дополнительного образования и др.)", 0.05),
]
LEVELS = ["Начальное общее образование (1–4 классы)", "Основное общее образование (5–9 классы)",
          "Среднее общее образование (10–11 классы)", "Работаю на нескольких уровнях"]
LEVELS_PAPER = {LEVELS[0]: "НОО", LEVELS[1]: "ООО", LEVELS[2]: "СОО"}

# (name, effect on readiness, share of teachers); the first school ran the project
SCHOOLS = [("Гимназия № 2", 0.45, 0.24), ("СОШ № 3", 0.0, 0.20), ("СОШ № 11", -0.2, 0.20),
           ("Лицей № 7", 0.2, 0.18), ("СОШ № 24", -0.35, 0.18)]

# (question id, text, indicator, item offset, reverse)
BRS_ITEMS = [
    ("mot_interest", "Мне интересно осваивать новые подходы к оцениванию образовательных результатов.", "motivational", 0.4, False),
    ("mot_objectivity", "Балльно-рейтинговая система делает оценивание более объективным и прозрачным.", "motivational", 0.1, False),
    ("mot_students", "Рейтинг помогает ученикам видеть свой прогресс и повышает их учебную мотивацию.", "motivational", 0.0, False),
    ("mot_burden", "Балльно-рейтинговая система — лишняя нагрузка на учителя, которая не приносит пользы ученикам.", "motivational", -0.2, True),
    ("mot_traditional", "Для меня предпочтительнее привычная пятибалльная система без рейтинга.", "motivational", -0.35, True),
    ("mot_innovation", "Мне хотелось бы участвовать в следующих инновационных проектах школы.", "motivational", 0.0, False),
    ("cog_regulations", "Я знаю локальные акты школы о системе оценивания (положение о ВСОКО, положение о балльно-рейтинговой системе).", "cognitive", 0.2, False),
    ("cog_calculation", "Я понимаю, как рассчитываются рейтинг ученика и средневзвешенный балл.", "cognitive", 0.1, False),
    ("cog_approaches", "Я могу объяснить, чем различаются критериальное, формирующее и балльно-рейтинговое оценивание.", "cognitive", -0.2, False),
    ("cog_explain", "Я могу понятно объяснить ученикам и родителям, как складывается итоговая отметка.", "cognitive", 0.25, False),
    ("cog_external", "Я знаю, как соотнести критерии текущего оценивания с критериями ВПР, ОГЭ и ЕГЭ.", "cognitive", -0.1, False),
    ("cog_gaps", "Мне не хватает знаний, чтобы самостоятельно разработать критерии оценивания по своему предмету.", "cognitive", -0.25, True),
    ("op_criteria", "Я разрабатываю таблицы критериев и показателей для оценивания работ по своему предмету.", "operational", -0.2, False),
    ("op_regular", "Я регулярно применяю балльно-рейтинговую систему на уроках и во внеурочной деятельности.", "operational", -0.1, False),
    ("op_weights", "Я назначаю разный вес видам работ (контрольная, проект, устный ответ) при выставлении отметок.", "operational", 0.1, False),
    ("op_journal", "Я без затруднений веду учёт баллов и рейтинга в электронном журнале.", "operational", 0.2, False),
    ("op_formative", "Я использую приёмы формирующего оценивания (обратная связь, самооценка и взаимооценка учеников).", "operational", 0.3, False),
    ("op_common", "Мне сложно договориться с коллегами по ШМО о единых критериях оценивания.", "operational", -0.3, True),
    ("ref_analysis", "Я анализирую результаты рейтинга, чтобы корректировать свою работу с классом.", "reflective", 0.0, False),
    ("ref_external", "Я сравниваю свои отметки с результатами ВПР, ОГЭ и ЕГЭ и ищу причины расхождений.", "reflective", -0.1, False),
    ("ref_deficits", "Я могу назвать свои профессиональные дефициты в вопросах оценивания.", "reflective", -0.2, False),
    ("ref_sharing", "Я обсуждаю опыт применения балльно-рейтинговой системы с коллегами (на ШМО, при взаимопосещении уроков, на семинарах).", "reflective", 0.25, False),
    ("ref_feedback", "Обратная связь коллег и администрации о том, как я оцениваю учеников, помогает мне в работе.", "reflective", 0.15, False),
    ("ref_route", "Я могу наметить шаги своего профессионального развития в вопросах оценивания (индивидуальный образовательный маршрут).", "reflective", -0.1, False),
]

H_SCHOOL = "Ваша образовательная организация (номер или краткое название)"
H_EXPERIENCE = "Ваш педагогический стаж"
H_SUBJECT = "Ваша предметная область"
H_LEVEL = "На каком уровне образования вы преимущественно работаете?"
H_SUPPORT = "Какая поддержка нужна вам, чтобы увереннее применять балльно-рейтинговую систему?"

BRS_COLUMNS = ([("school", H_SCHOOL), ("experience", H_EXPERIENCE), ("subject", H_SUBJECT), ("level", H_LEVEL)]
               + [(q, t) for q, t, *_ in BRS_ITEMS] + [("support_needed", H_SUPPORT)])

BRS_MU = {
    2025: {"motivational": 0.40, "cognitive": 0.05, "operational": -0.30, "reflective": -0.10},
    2026: {"motivational": 0.60, "cognitive": 0.40, "operational": 0.00, "reflective": 0.15},
}

# Effect of experience on the components: the young are keen but know less; veterans know the
# rules but prefer the traditional five-point system.
EXPERIENCE_EFFECT = {
    "до 3 лет": {"motivational": 0.3, "cognitive": -0.35, "operational": -0.3, "reflective": -0.1},
    "3–10 лет": {"motivational": 0.2, "cognitive": 0.0, "operational": 0.1, "reflective": 0.1},
    "11–20 лет": {"motivational": 0.0, "cognitive": 0.15, "operational": 0.1, "reflective": 0.1},
    "более 20 лет": {"motivational": -0.3, "cognitive": 0.05, "operational": -0.1, "reflective": -0.1},
}

SUPPORT = [
    "Готовые шаблоны таблиц критериев по предметам.",
    "Автоматический расчёт рейтинга в электронном журнале, сейчас всё считаю вручную.",
    "Семинар-практикум по расчёту средневзвешенного балла.",
    "Больше времени: на разработку критериев к каждой работе уходит много вечеров.",
    "Консультации методиста по моему предмету.",
    "Единые требования внутри ШМО, чтобы у всех было одинаково.",
    "Примеры из опыта коллег, открытые уроки.",
    "Разъяснения для родителей от администрации, а не от каждого учителя отдельно.",
    "Курсы повышения квалификации по формирующему оцениванию.",
    "Пока не знаю.",
    "Никакой, всё понятно.",
    "Меньше отчётов по рейтингу — их заполнение отнимает время у подготовки к урокам.",
]


def cut5(z):
    """Latent value -> index into the 5-option agreement scale (0 = Полностью согласен)."""
    if z > 1.0:
        return 0
    if z > 0.2:
        return 1
    if z > -0.5:
        return 2
    if z > -1.3:
        return 3
    return 4


def paper_noise(rng, label):
    """How a label looks after a tired colleague has typed it from a paper form."""
    r = rng.random()
    if r < 0.08:
        return label.lower()
    if r < 0.11:
        return label.replace(" ", "  ", 1)
    if r < 0.13:
        return label + " "
    if r < 0.15:
        return label + "."
    if r < 0.17:
        return label[0].lower() + label[1:] + "  "
    return label


def make_teachers(year, n, paper):
    rng = random.Random(f"{SEED}-teachers-{year}")
    mu = BRS_MU[year]
    rows = []
    for _ in range(n):
        school, school_effect, _ = rng.choices(SCHOOLS, weights=[s[2] for s in SCHOOLS])[0]
        experience = rng.choices([e for e, _ in EXPERIENCE], weights=[w for _, w in EXPERIENCE])[0]
        subject = rng.choices([s for s, _ in SUBJECTS], weights=[w for _, w in SUBJECTS])[0]
        if subject == "Начальные классы":
            level = LEVELS[0]
        elif subject.startswith("Другое") or subject.startswith("Искусство"):
            level = LEVELS[3]
        else:
            level = rng.choices(LEVELS[1:], weights=[0.55, 0.12, 0.33])[0]
        g = rng.gauss(0, 1)
        factors = {k: 0.67 * g + 0.74 * rng.gauss(0, 1) for k in mu}
        feminine = paper and rng.random() < 0.35  # paper forms: some typed as circled by the teacher
        scale = AGREE5_FEM if feminine else AGREE5
        answers = {}
        for qid, _t, ind, offset, reverse in BRS_ITEMS:
            if rng.random() < 0.03:
                answers[qid] = ""
                continue
            z = mu[ind] + offset + school_effect + EXPERIENCE_EFFECT[experience][ind] + 0.68 * factors[ind] + 0.73 * rng.gauss(0, 1)
            k = cut5(z)
            if reverse:
                k = 4 - k
            answers[qid] = paper_noise(rng, scale[k]) if paper else scale[k]
        school_text = school
        if paper:
            r = rng.random()
            if r < 0.15:
                school_text = school.upper() if r < 0.05 else school.lower()
            elif r < 0.22:
                school_text = school.replace(" № ", "  № ")
            experience = EXPERIENCE_PAPER.get(experience, experience) if rng.random() < 0.5 else experience
            level = LEVELS_PAPER.get(level, level) if rng.random() < 0.4 else level
        answers["school"] = "" if rng.random() < 0.03 else school_text
        answers["experience"] = "" if rng.random() < 0.02 else experience
        answers["subject"] = "" if rng.random() < 0.02 else subject
        answers["level"] = "" if rng.random() < 0.02 else level
        answers["support_needed"] = rng.choice(SUPPORT) if rng.random() < 0.4 else ""
        rows.append([answers[q] for q, _ in BRS_COLUMNS])
    return rows



# ---------------------------------------------------------------------------------------------
# Students' learning motivation (Questionnaires/students-motivation.yaml), three school years.
#
# students-motivation-2024.csv, -2025.csv, -2026.csv: Google Forms shape, ~270 pupils of grades
# 5–11 each spring. Question texts are read from the YAML (simple line matching, no PyYAML);
# answers are the options' codes as a class teacher types paper forms into a spreadsheet
# (1 = the most motivated answer of the school block; 4 … 1 for agreement).
# Intended picture: the share of pupils at the «низкий» and «дезадаптация» levels falls from
# about 35 % (2024) through about 28 % (2025) to about 22 % (2026), mean sum 18 → 21; class 7Б
# stays the weakest (its share above 20 % every year); internal motivation rises a little and
# external motivation falls (lower is better there).

MOTIVATION_MU = {2024: 0.30, 2025: 0.45, 2026: 0.65}
MOTIVATION_EXTERNAL_MU = {2024: 0.55, 2025: 0.40, 2026: 0.20}


def motivation_texts():
    path = os.path.join(HERE, "..", "Questionnaires", "students-motivation.yaml")
    texts, grids, current = {}, {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith("- id: ") and line.startswith("  - id: "):
                current = stripped[6:]
            elif current and stripped.startswith("text: "):
                texts[current] = stripped[6:]
            elif current and stripped.startswith("grid: "):
                grids[current] = stripped[6:]
    return texts, grids


def pick_pupil_class(rng, grade, letter):
    """A class as a pupil types it on a phone: always with its letter, in a few spellings."""
    r = rng.random()
    if r < 0.6:
        return f"{grade}{letter}"
    if r < 0.8:
        return f"{grade}{letter.lower()}"
    if r < 0.92:
        return f"{grade} {letter}"
    return f"{grade}-{letter.lower()}"


def make_motivation(year, start):
    rng = random.Random(f"{SEED}-motivation-{year}")
    class_rng = random.Random(f"{SEED}-motivation-classes")
    classes = []
    for grade in range(5, 12):
        for letter in ("АБ" if grade <= 9 else "А"):
            effect = class_rng.gauss(0, 0.2) - 0.05 * (grade - 5)
            if (grade, letter) == (7, "Б"):
                effect -= 0.55
            classes.append((grade, letter, effect))
    texts, grids = motivation_texts()
    school = [f"m{i}" for i in range(1, 11)]
    reasons = [q for pair in zip([f"in{i}" for i in range(1, 7)], [f"ex{i}" for i in range(1, 7)]) for q in pair]
    header = ["Отметка времени", texts["class"]] + [texts[q] for q in school] + [f"{grids[q]} [{texts[q]}]" for q in reasons]
    rows = []
    for grade, letter, effect in classes:
        size = rng.randint(18, 26)
        for _ in range(size):
            g = rng.gauss(0, 1)
            row = [pick_pupil_class(rng, grade, letter)]
            for _ in school:
                z = MOTIVATION_MU[year] + effect + 0.85 * g + 0.75 * rng.gauss(0, 1)
                if rng.random() < 0.01:
                    row.append("")
                    continue
                row.append("1" if z > 0.1 else ("2" if z > -1.2 else "3"))
            for q in reasons:
                if q.startswith("in"):
                    z = 0.35 + 0.6 * (MOTIVATION_MU[year] + effect) + 0.7 * g + 0.8 * rng.gauss(0, 1)
                else:
                    z = MOTIVATION_EXTERNAL_MU[year] - 0.2 * g + 0.9 * rng.gauss(0, 1)
                if rng.random() < 0.03:
                    row.append("Затрудняюсь ответить")
                    continue
                row.append(str(4 - cut4(z)))
            rows.append(row)
    rng.shuffle(rows)
    times = timestamps(rng, len(rows), start)
    return header, [[t] + row for t, row in zip(times, rows)]

# ---------------------------------------------------------------------------------------------

def write_google(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def write_excel_1251(path, header, rows):
    with open(path, "w", encoding="cp1251", newline="") as f:
        w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    start25 = datetime.datetime(2025, 4, 7)
    start26 = datetime.datetime(2026, 4, 6)

    header, rows = make_parents(2025, 320, start25)
    write_google(os.path.join(HERE, "parents-satisfaction-2025.csv"), header, rows)

    bad = {57: "typo", 183: "missing_column", 301: "wrong_scale"}
    header, rows = make_parents(2026, 350, start26, bad_rows=bad)
    write_google(os.path.join(HERE, "parents-satisfaction-2026.csv"), header, rows)

    # 2025: paper forms typed into Excel; headers numbered and without «ё»
    rows = make_teachers(2025, 96, paper=True)
    header = [f"{i}. {t.replace('ё', 'е').replace('Ё', 'Е')}" for i, (_, t) in enumerate(BRS_COLUMNS, start=1)]
    write_excel_1251(os.path.join(HERE, "teachers-brs-readiness-2025.csv"), header,
                     [[cell.replace("ё", "е") for cell in row] for row in rows])

    # 2026: Google Forms
    rng = random.Random(f"{SEED}-teachers-2026-times")
    rows = make_teachers(2026, 112, paper=False)
    times = timestamps(rng, len(rows), datetime.datetime(2026, 3, 16))
    write_google(os.path.join(HERE, "teachers-brs-readiness-2026.csv"),
                 ["Отметка времени"] + [t for _, t in BRS_COLUMNS],
                 [[t] + row for t, row in zip(times, rows)])

    for year in (2024, 2025, 2026):
        header, rows = make_motivation(year, datetime.datetime(year, 3, 11))
        write_google(os.path.join(HERE, f"students-motivation-{year}.csv"), header, rows)


if __name__ == "__main__":
    main()
