#!/usr/bin/env python3
"""Generate the synthetic samples of the instruments added after the first four (deterministic).

    pip install pyyaml                       # the only dependency
    python3 Samples/generate_instruments.py  # rewrites the CSV files listed in SAMPLES

Unlike Samples/generate.py, this script reads the question texts, grids and answer labels from
the YAML definitions themselves, so a sample can never drift from its questionnaire: change a
definition, run the script, commit both.

Every respondent is invented. Names in the named samples (teachers, observers, experts) are put
together at random from common Russian first names, patronymics and surnames; they describe no
real person.

The model (as in generate.py): each respondent has a general attitude g ~ N(0, 1); each
indicator k a factor f_k = 0.67·g + 0.74·e_k; an item's latent value
z = μ_k + Σ group effects + 0.75·f_k + 0.66·ε is cut into the scale's options (highest score
first); reverse-keyed items are mirrored. About 2 % of cells are blank and 3 % «no answer»
where the scale has one. All files are Google Forms shaped: UTF-8, comma, CRLF, `Отметка
времени` first, grid questions headed `Grid [Question]`, checkbox labels joined with ", ".

Intended pictures
-----------------
teachers-professional-deficits-2026.csv  140 teachers of five schools: digital tools high;
    formative assessment, external results, individual routes and special needs are deficits
    (below 70 %); СОО teachers are better at external results, the gymnasium better overall.
teachers-professional-deficits-named-2026.csv  18 teachers of one school, named: 16 consent,
    one declines, one left the name blank (so `anketa iom` writes 16 profiles and explains 2).
administration-vsoko-2026.csv  4 members of the management team (non-anonymous): assessment tools
    and the use of results in management are low, the normative base high.
teachers-pd-programme-2026.csv  64 teachers: organisation high, support after training low.
teachers-seminar-evaluation-2026.csv  48 participants of three seminars of a series.
lesson-observation-2026.csv  32 observation sheets by 6 observers: self- and peer-assessment is
    the weak point, goals and criteria fair.
assessment-materials-expertise-2026.csv  24 expert sheets by 5 experts: documents (specification,
    codifier) and scoring criteria short, alignment good.
teachers-innovation-readiness-2026.csv  78 teachers: open to innovation, wary of «зачёт /
    незачёт» (attitude low-medium), binary-assessment skills low; project members more ready.
"""

import csv
import datetime
import os
import random

import yaml

SEED = 20260905
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

SCHOOLS = [("Школа № 1", 0.0, 3), ("Гимназия № 2", 0.35, 3), ("Школа № 3", -0.2, 2), ("Лицей № 4", 0.15, 2), ("Школа № 5", -0.3, 2)]

MALE = (["Андрей", "Сергей", "Дмитрий", "Алексей", "Михаил", "Павел", "Игорь", "Олег"],
        ["Андреевич", "Сергеевич", "Викторович", "Николаевич", "Петрович", "Юрьевич"],
        ["Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Волков", "Зайцев", "Павлов"])
FEMALE = (["Елена", "Ольга", "Наталья", "Ирина", "Светлана", "Татьяна", "Марина", "Анна", "Юлия", "Людмила"],
          ["Андреевна", "Сергеевна", "Викторовна", "Николаевна", "Петровна", "Юрьевна", "Ивановна"],
          ["Смирнова", "Кузнецова", "Попова", "Соколова", "Лебедева", "Новикова", "Морозова", "Волкова", "Зайцева", "Павлова",
           "Васильева", "Фёдорова", "Егорова", "Белова"])


def invent_name(rng, used, initials=False):
    while True:
        first, middle, last = FEMALE if rng.random() < 0.8 else MALE
        f, m, l = rng.choice(first), rng.choice(middle), rng.choice(last)
        name = f"{l} {f[0]}. {m[0]}." if initials else f"{l} {f} {m}"
        if name not in used:
            used.add(name)
            return name


def cuts(k):
    return {2: [0.0], 3: [0.4, -0.6], 4: [1.0, 0.0, -1.0], 5: [1.0, 0.2, -0.5, -1.3]}[k]


def cut(z, k):
    for index, threshold in enumerate(cuts(k)):
        if z > threshold:
            return index
    return k - 1


def header(q):
    return f"{q['grid']} [{q['text']}]" if q.get("grid") else q["text"]


def timestamps(rng, n, start):
    times = sorted(start + datetime.timedelta(days=rng.randint(0, 9), seconds=rng.randint(8 * 3600, 20 * 3600)) for _ in range(n))
    return [t.strftime("%d.%m.%Y %H:%M:%S") for t in times]


def generate(spec):
    definition = yaml.safe_load(open(os.path.join(ROOT, "Questionnaires", spec["yaml"]), encoding="utf-8"))
    rng = random.Random(f"{SEED}-{spec['out']}")
    scales = definition["scales"]
    questions = definition["questions"]
    indicator_of = {}
    for indicator in definition.get("indicators", []):
        for item in indicator["questions"]:
            indicator_of[item if isinstance(item, str) else item["id"]] = indicator["id"]
    mu = spec["mu"]
    names_used = set()
    people = {key: [invent_name(rng, names_used, initials=True) for _ in range(count)] for key, count in spec.get("people", {}).items()}
    rows = []
    for n in range(spec["n"]):
        answers = {}
        # Groups first: their effects shift the scored items.
        effect = {k: 0.0 for k in mu}
        for qid, chooser in spec.get("groups", {}).items():
            value, shift = chooser(rng, n)
            answers[qid] = value
            for k, v in shift.items():
                effect[k] = effect.get(k, 0.0) + v
        g = rng.gauss(0, 1) + spec.get("shared", 0.0) * spec.get("_team", 0.0)
        factors = {k: 0.67 * g + 0.74 * rng.gauss(0, 1) for k in mu}
        for q in questions:
            qid = q["id"]
            if qid in answers:
                continue
            kind = q["type"]
            if qid in spec.get("fixed", {}):
                answers[qid] = spec["fixed"][qid](rng, n, names_used, people)
                continue
            if kind == "single" and qid in indicator_of:
                scale = scales[q["scale"]]
                options = scale["options"]
                if rng.random() < 0.02:
                    answers[qid] = ""
                    continue
                if scale.get("no_answer") and rng.random() < spec.get("no_answer", 0.03):
                    answers[qid] = scale["no_answer"][0]
                    continue
                k = indicator_of[qid]
                z = mu[k] + spec.get("offsets", {}).get(qid, 0.0) + effect.get(k, 0.0) + 0.75 * factors[k] + 0.66 * rng.gauss(0, 1)
                index = cut(z, len(options))
                if q.get("reverse"):
                    index = len(options) - 1 - index
                answers[qid] = options[index]["label"]
            elif kind == "single":
                options = scales[q["scale"]]["options"]
                answers[qid] = rng.choice(options)["label"] if rng.random() > 0.02 else ""
            elif kind == "multiple":
                options = scales[q["scale"]]["options"]
                chosen = sorted(rng.sample(range(len(options)), rng.randint(1, min(3, len(options)))))
                answers[qid] = ", ".join(options[i]["label"] for i in chosen)
            elif kind == "long_text":
                texts = spec.get("texts", {}).get(qid, [])
                answers[qid] = rng.choice(texts) if texts and rng.random() < 0.35 else ""
            else:
                answers[qid] = ""
        rows.append([answers[q["id"]] for q in questions])
    times = timestamps(rng, len(rows), spec["start"])
    path = os.path.join(HERE, spec["out"])
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(["Отметка времени"] + [header(q) for q in questions])
        for t, row in zip(times, rows):
            w.writerow([t] + row)
    return path


def label(yaml_name, scale, code):
    definition = yaml.safe_load(open(os.path.join(ROOT, "Questionnaires", yaml_name), encoding="utf-8"))
    return next(o["label"] for o in definition["scales"][scale]["options"] if str(o["code"]) == str(code))


def weighted(pairs):
    """A group chooser: pairs of (value, weight, {indicator: effect})."""
    def choose(rng, _n):
        value, _w, shift = rng.choices(pairs, weights=[p[1] for p in pairs])[0]
        return value, shift
    return choose


def pd_spec(named):
    y = "teachers-professional-deficits-named.yaml" if named else "teachers-professional-deficits.yaml"
    levels = [(label(y, "level_taught", "noo"), 0.22, {}), (label(y, "level_taught", "ooo"), 0.45, {"external_results": -0.1}),
              (label(y, "level_taught", "soo"), 0.13, {"external_results": 0.4}), (label(y, "level_taught", "several"), 0.2, {})]
    groups = {"level": weighted(levels)}
    if not named:
        groups["school"] = weighted([(s, w, {k: e for k in PD_MU}) for s, e, w in SCHOOLS])
    spec = dict(yaml=y, out=("teachers-professional-deficits-named-2026.csv" if named else "teachers-professional-deficits-2026.csv"),
                n=18 if named else 140, start=datetime.datetime(2026, 9, 14), mu=PD_MU, groups=groups,
                texts={"pd_topics": ["Критерии оценивания проектов и устных ответов.", "Как работать с результатами ВПР по заданиям.",
                                     "Адаптация заданий для детей с ОВЗ.", "Формирующее оценивание в начальной школе.",
                                     "Электронный журнал: веса отметок.", "Работа с детьми-инофонами на уроках."]})
    if named:
        def full_name(rng, n, used, _people):
            return "" if n == 11 else invent_name(rng, used)
        def consent(rng, n, _used, _people):
            return label(y, "consent2", "decline") if n == 6 else label(y, "consent2", "agree")
        def position(rng, n, _used, _people):
            return rng.choice(["учитель математики", "учитель русского языка и литературы", "учитель начальных классов",
                               "учитель истории и обществознания", "учитель английского языка", "учитель биологии"])
        spec["fixed"] = {"full_name": full_name, "consent": consent, "position": position}
    return spec


PD_MU = {"criterion_assessment": 0.6, "formative_assessment": 0.3, "assessment_objectivity": 0.9, "external_results": 0.2,
         "digital": 1.25, "individual_routes": 0.1, "special_needs": 0.35}


def specs():
    vsoko = "administration-vsoko.yaml"
    positions = ["director", "deputy_academic", "deputy_upbringing", "smo_head"]
    obs = "lesson-observation.yaml"
    exp = "assessment-materials-expertise.yaml"
    inn = "teachers-innovation-readiness.yaml"
    sem = "teachers-seminar-evaluation.yaml"

    def team_position(rng, n, _used, _people):
        return label(vsoko, "position", positions[n % len(positions)])

    def observer(rng, n, _used, people):
        return people["observers"][n % len(people["observers"])]

    def observer_role(rng, n, _used, _people):
        return label(obs, "observer_role", ["teacher", "teacher", "smo_head", "deputy", "teacher", "mentor"][n % 6])

    def observed(rng, n, _used, people):
        return people["observed"][(n * 5) % len(people["observed"])]

    def lesson_class(rng, n, _used, _people):
        return rng.choice(["2А", "3Б", "4В", "5А", "5Б", "6А", "7В", "8А", "8Б", "9А", "10А", "11Б"])

    def expert(rng, n, _used, people):
        return people["experts"][n % len(people["experts"])]

    def expert_role(rng, n, _used, _people):
        return label(exp, "expert_role", ["smo_head", "teacher", "teacher", "council", "deputy"][n % 5])

    def grade(rng, n, _used, _people):
        return str(rng.choice([4, 5, 6, 7, 8, 9, 10, 11]))

    return [
        pd_spec(named=False),
        pd_spec(named=True),
        dict(yaml=vsoko, out="administration-vsoko-2026.csv", n=4, start=datetime.datetime(2026, 9, 21), no_answer=0.02,
             mu={"normative_base": 0.9, "procedures_schedule": 0.3, "assessment_tools": -0.6, "results_monitoring": 0.2,
                 "conditions_monitoring": 0.0, "process_monitoring": 0.5, "management_use": -0.45, "openness": 0.6},
             fixed={"position": team_position},
             texts={"priorities": ["Фонд оценочных средств по предметам учебного плана и его экспертиза на ШМО.",
                                   "Карта дефицитов и ИОМ педагогов по её итогам; нужна помощь методического центра.",
                                   "Контроль выполнения управленческих решений по итогам мониторингов."]}),
        dict(yaml="teachers-pd-programme.yaml", out="teachers-pd-programme-2026.csv", n=64, start=datetime.datetime(2026, 5, 18),
             mu={"relevance": 0.75, "organisation": 1.2, "applicability": 0.6, "impact": 0.45, "support": -0.1},
             texts={"useful": ["Практикум по критериям оценивания — сразу применила в 7 классе.", "Взаимопосещение уроков с разбором.",
                               "Разбор заданий ВПР по умениям.", "Работа с наставником."],
                    "next_topics": ["Функциональная грамотность на уроках.", "Больше практики и меньше лекций.",
                                    "Работа с детьми с ОВЗ.", "Цифровые инструменты для проверки работ."]}),
        dict(yaml=sem, out="teachers-seminar-evaluation-2026.csv", n=48, start=datetime.datetime(2026, 11, 9),
             mu={"content": 0.9, "form": 0.4, "value": 0.7, "organisation": 1.1},
             groups={"topic": weighted([(label(sem, "seminar_topic", "criteria"), 0.35, {"form": 0.3}),
                                        (label(sem, "seminar_topic", "formative"), 0.35, {"form": 0.5, "value": 0.2}),
                                        (label(sem, "seminar_topic", "weighted"), 0.3, {"form": -0.5, "value": -0.3})])},
             texts={"best": ["Примеры критериев по моему предмету.", "Работа в группах над заданиями.", "Приёмы обратной связи."],
                    "improve": ["Меньше слайдов, больше практики.", "Раздавать материалы заранее.", "Начинать вовремя."]}),
        dict(yaml=obs, out="lesson-observation-2026.csv", n=32, start=datetime.datetime(2026, 10, 5), no_answer=0.05,
             people={"observers": 6, "observed": 12},
             mu={"goals_criteria": 0.45, "formative_feedback": 0.2, "self_peer": -0.55, "marks_objectivity": 0.35, "results_use": -0.1},
             fixed={"observer": observer, "observer_role": observer_role, "observed_teacher": observed, "class": lesson_class},
             texts={"strengths": ["Лист самооценки в конце урока.", "Критерии на доске до начала работы.", "Комментарий к каждой отметке."],
                    "advice": ["Называть критерии до начала работы.", "Оставлять время на взаимооценку.",
                               "Давать задания разного уровня по итогам проверочной работы."]}),
        dict(yaml=exp, out="assessment-materials-expertise-2026.csv", n=24, start=datetime.datetime(2026, 10, 19), no_answer=0.04,
             people={"experts": 5},
             mu={"alignment": 0.8, "documents": -0.5, "tasks_quality": 0.3, "scoring_criteria": -0.2, "conditions": 0.5},
             fixed={"expert": expert, "expert_role": expert_role, "grade": grade},
             texts={"remarks": ["Добавить спецификацию и кодификатор.", "Критерии для задания 5 неоднозначны.",
                                "Варианты неравноценны по трудности.", "Сократить объём: не укладывается в 40 минут."]}),
        dict(yaml=inn, out="teachers-innovation-readiness-2026.csv", n=78, start=datetime.datetime(2026, 4, 13),
             mu={"innovation_attitude": 0.55, "innovation_skills": 0.3, "binary_attitude": -0.15, "binary_skills": -0.45},
             groups={"project": weighted([(label(inn, "project_role", "lead"), 0.2, {"innovation_skills": 0.5, "binary_skills": 0.4, "binary_attitude": 0.3}),
                                          (label(inn, "project_role", "participant"), 0.5, {}),
                                          (label(inn, "project_role", "none"), 0.3, {"innovation_attitude": -0.3, "binary_attitude": -0.2})])},
             texts={"support_needed": ["Примеры критериев «зачёта» по моему предмету.", "Объяснение для родителей от администрации.",
                                       "Время на разработку материалов.", "Как вести зачёт в электронном журнале."]}),
    ]


def main():
    for spec in specs():
        print(generate(spec))


if __name__ == "__main__":
    main()
