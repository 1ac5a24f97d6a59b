/// Mustache templates of every page. They live in Swift so that the server is one binary with
/// nothing to install beside it. `{{x}}` is HTML-escaped; `{{{x}}}` is used only for HTML made here
/// (a rendered page body, an SVG QR code), never for anything a user typed.
enum Templates {
    static let all: [String: String] = [
        "layout": layout, "login": login, "admin": admin, "run_new": runNew, "run": run, "message": message,
    ].merging(respondentPages) { first, _ in first }.merging(printPages) { first, _ in first }

    static let layout = """
        <!doctype html>
        <html lang="ru">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        {{#refresh}}<meta http-equiv="refresh" content="{{refresh}}">{{/refresh}}
        <title>{{title}}</title>
        <style>
        :root { --ink: #1d2430; --muted: #5b6575; --accent: #2458a6; --error: #b3261e; --line: #d5dae3; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #f4f6f9; }
        header.site { background: var(--accent); color: #fff; padding: .6rem 1rem; display: flex; justify-content: space-between; align-items: center; gap: 1rem; flex-wrap: wrap; }
        header.site a { color: #fff; }
        header.site form { margin: 0; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        main.wide { max-width: 70rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 1rem; }
        h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 1rem; margin: 0 0 1rem; }
        fieldset { border: 1px solid var(--line); border-radius: 10px; background: #fff; margin: 0 0 1rem; padding: .75rem 1rem 1rem; }
        fieldset.invalid, .card.invalid { border-color: var(--error); border-width: 2px; }
        legend { font-weight: 600; padding: 0; float: left; width: 100%; margin-bottom: .25rem; }
        legend + * { clear: both; }
        .grid-title { font-weight: 600; color: var(--muted); margin: 1.5rem 0 .5rem; }
        .req { color: var(--error); }
        label.option { display: flex; gap: .6rem; align-items: flex-start; padding: .45rem .25rem; min-height: 44px; cursor: pointer; }
        label.option input { margin-top: .3rem; width: 1.2rem; height: 1.2rem; flex: none; }
        label.option.na { color: var(--muted); }
        input[type=text], input[type=number], input[type=password], input[type=datetime-local], select, textarea {
          font: inherit; width: 100%; padding: .6rem; border: 1px solid #9aa3b2; border-radius: 8px; background: #fff; }
        textarea { min-height: 7rem; }
        .field { margin: 0 0 1rem; }
        .field label { display: block; font-weight: 600; margin-bottom: .3rem; }
        .error { color: var(--error); font-weight: 600; margin: .25rem 0; }
        .summary { border: 2px solid var(--error); background: #fff; border-radius: 10px; padding: .75rem 1rem; margin-bottom: 1rem; }
        .summary a { color: var(--error); }
        button, .button { font: inherit; font-weight: 600; background: var(--accent); color: #fff; border: 0; border-radius: 8px; padding: .75rem 1.25rem; cursor: pointer; text-decoration: none; display: inline-block; min-height: 44px; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); border: 2px solid var(--accent); }
        button.danger { background: var(--error); }
        button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid #f2b600; outline-offset: 2px; }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; }
        .actions { display: flex; gap: .75rem; flex-wrap: wrap; margin: 1rem 0; }
        .link { word-break: break-all; font-family: ui-monospace, monospace; background: #eef2f8; padding: .4rem .6rem; border-radius: 6px; }
        .banner { border: 2px solid var(--error); background: #fff4f3; border-radius: 10px; padding: .75rem 1rem; margin: 0 0 1rem; }
        .progress-text { margin: 0 0 .3rem; color: var(--muted); font-weight: 600; }
        .progress { height: .5rem; background: #dfe4ec; border-radius: 999px; overflow: hidden; margin: 0 0 1rem; }
        .progress span { display: block; height: 100%; background: var(--accent); }
        .nav { display: flex; flex-direction: row-reverse; justify-content: space-between; gap: .75rem; flex-wrap: wrap; margin: 1.5rem 0 1rem; }
        .review dl { margin: 0; }
        .review dt { font-weight: 600; margin-top: .6rem; }
        .review dd { margin: .1rem 0 0; }
        .review dd.missing { color: var(--muted); font-style: italic; }
        .review h2 { display: flex; justify-content: space-between; gap: 1rem; align-items: baseline; margin-top: 0; }
        .review h2 a { font-size: 1rem; font-weight: 400; white-space: nowrap; }
        .anon { background: #eef6ee; border: 1px solid #9cc59c; border-radius: 10px; padding: .75rem 1rem; }
        \(printStyle)
        @media print { header.site, .no-print { display: none; } body { background: #fff; } main { max-width: none; padding: 0; } }
        </style>
        </head>
        <body>
        <header class="site">
          <span>{{#admin}}<a href="/admin">Анкета · консоль</a>{{/admin}}{{^admin}}{{site}}{{/admin}}</span>
          {{#admin}}<form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button class="secondary" type="submit">Выйти</button></form>{{/admin}}
        </header>
        <main{{#wide}} class="wide"{{/wide}}>
        {{#banner}}<div class="banner no-print" role="alert"><p class="error">{{problem}}</p><p>{{hint}}</p></div>{{/banner}}
        {{{body}}}
        </main>
        </body>
        </html>
        """

    static let login = """
        <h1>Вход в консоль</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="login">Логин</label><input id="login" name="login" type="text" autocomplete="username" required value="{{login}}"></div>
          <div class="field"><label for="password">Пароль</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
          <button type="submit">Войти</button>
        </form>
        """

    static let admin = """
        <h1>Опросы</h1>
        <div class="actions"><a class="button" href="/admin/runs/new">Новый опрос</a></div>
        {{#hasRuns}}
        <table>
          <thead><tr><th>Анкета</th><th>Волна</th><th>Сроки</th><th>Состояние</th><th>Ответов</th></tr></thead>
          <tbody>
          {{#runs}}<tr><td><a href="/admin/runs/{{id}}">{{title}}</a></td><td>{{wave}}</td><td>{{period}}</td><td>{{state}}</td><td class="num">{{responses}}</td></tr>{{/runs}}
          </tbody>
        </table>
        {{/hasRuns}}
        {{^hasRuns}}<p class="muted">Опросов пока нет. Создайте первый: выберите анкету, волну и сроки — и получите ссылку для участников.</p>{{/hasRuns}}
        """

    static let runNew = """
        <h1>Новый опрос</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/runs" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="questionnaire">Анкета</label>
            <select id="questionnaire" name="questionnaire" required>
            {{#questionnaires}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}} ({{audience}})</option>{{/questionnaires}}
            </select></div>
          <div class="field"><label for="wave">Волна</label><input id="wave" name="wave" type="text" required placeholder="2026-весна" value="{{wave}}"></div>
          <div class="field"><label for="unit">Школа или подразделение</label><input id="unit" name="unit" type="text" placeholder="МБОУ СОШ № 1" value="{{unit}}"></div>
          <div class="field"><label for="opens">Начало</label><input id="opens" name="opens" type="datetime-local" required value="{{opens}}"></div>
          <div class="field"><label for="closes">Окончание</label><input id="closes" name="closes" type="datetime-local" required value="{{closes}}"></div>
          <div class="field"><label class="option"><input type="checkbox" name="codes" value="1"{{#codes}} checked{{/codes}}> Только по одноразовым кодам доступа (закрытая группа, например педагоги школы)</label></div>
          <button type="submit">Создать</button>
        </form>
        """

    static let run = """
        <h1>{{title}}</h1>
        <p class="muted">Волна «{{wave}}»{{#unit}}, {{unit}}{{/unit}}. Сроки: {{period}}. Состояние: <strong>{{state}}</strong>.</p>
        <div class="card">
          <p><strong>Ссылка для участников:</strong></p>
          <p class="link">{{link}}</p>
          {{#linkWarning}}<p class="error" role="alert">{{.}}</p>{{/linkWarning}}
          <div class="actions">
            <a class="button secondary" href="/admin/runs/{{id}}/poster">Листовка с QR-кодом</a>
            {{#requiresCode}}<a class="button secondary" href="/admin/runs/{{id}}/codes">Коды доступа ({{codesFree}} свободно из {{codesTotal}})</a>{{/requiresCode}}
          </div>
        </div>
        <h2>Ответы: {{responses}}</h2>
        <p class="muted">Страница обновляется каждые 30 секунд.</p>
        {{#groups}}
        <table><caption class="muted">{{groupTitle}}</caption><thead><tr><th>Группа</th><th>Ответов</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{name}}</td><td class="num">{{count}}</td></tr>{{/rows}}</tbody></table>
        {{/groups}}
        <h2>Скачать</h2>
        <div class="actions">
          <a class="button secondary" href="/admin/runs/{{id}}/responses.csv">Ответы (CSV)</a>
        </div>
        <form method="get" action="/admin/runs/{{id}}/report.html" class="card">
          {{#hasGroupings}}<div class="field"><label for="by">Разбивка по группам в справке</label>
          <select id="by" name="by"><option value="">все группировки анкеты</option>{{#groupings}}<option value="{{groupingID}}">{{groupingTitle}}</option>{{/groupings}}</select></div>{{/hasGroupings}}
          <p class="muted">Справка сравнивается с прошлым запуском этой анкеты для той же школы, если он был.</p>
          <div class="actions">
            <button type="submit" class="secondary">Справка (HTML)</button>
            <button type="submit" class="secondary" formaction="/admin/runs/{{id}}/report.docx">Справка (DOCX)</button>
          </div>
        </form>
        {{#requiresCode}}
        <h2>Коды доступа</h2>
        <form method="post" action="/admin/runs/{{id}}/codes" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="count">Сколько кодов добавить</label><input id="count" name="count" type="number" min="1" max="500" value="30" required></div>
          <button type="submit">Добавить коды</button>
        </form>
        {{/requiresCode}}
        {{#isOpen}}
        <h2>Завершить опрос</h2>
        <form method="post" action="/admin/runs/{{id}}/close">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <button class="danger" type="submit">Завершить сейчас</button>
        </form>
        {{/isOpen}}
        """

    static let message = """
        <div class="card">
          <h1>{{heading}}</h1>
          <p>{{text}}</p>
          {{#linkHref}}<p><a class="button secondary" href="{{linkHref}}">{{linkText}}</a></p>{{/linkHref}}
        </div>
        """
}
