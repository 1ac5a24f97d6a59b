/// Mustache templates of every page. They live in Swift so that the server is one binary with
/// nothing to install beside it. `{{x}}` is HTML-escaped; `{{{x}}}` is used only for HTML made here
/// (a rendered page body, an SVG QR code), never for anything a user typed.
enum Templates {
    static let all: [String: String] = ([
        "layout": layout, "login": login, "message": message,
    ] as [String: String]).merging(console) { first, _ in first }.merging(respondentPages) { first, _ in first }.merging(printPages) { first, _ in first }

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
        header.site nav.console { display: flex; gap: 1rem; flex-wrap: wrap; }
        header.site .who { font-size: .9rem; opacity: .9; }
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
        button.danger, .button.danger { background: var(--error); }
        button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid #f2b600; outline-offset: 2px; }
        .muted { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { border: 1px solid var(--line); padding: .4rem .6rem; text-align: left; vertical-align: top; }
        td.num { text-align: right; }
        .actions { display: flex; gap: .75rem; flex-wrap: wrap; margin: 1rem 0; }
        .link { word-break: break-all; font-family: ui-monospace, monospace; background: #eef2f8; padding: .4rem .6rem; border-radius: 6px; }
        .notice { border: 2px solid #2e7d32; background: #fff; border-radius: 10px; padding: .75rem 1rem; margin-bottom: 1rem; }
        .preview-banner { border: 2px dashed var(--accent); background: #eef2f8; border-radius: 10px; padding: .75rem 1rem; margin-bottom: 1rem; }
        .summary-q { margin: 0 0 1rem; }
        .summary-q h3 { font-size: 1rem; margin: 0 0 .25rem; }
        table.bars td { border: 0; border-bottom: 1px solid var(--line); }
        table.bars td.barcell { width: 40%; }
        svg.bar { width: 100%; height: .8rem; display: block; }
        .inline-form { display: flex; gap: .75rem; flex-wrap: wrap; align-items: flex-end; }
        .inline-form .field { flex: 1 1 14rem; margin: 0; }
        .password { font: 700 1.3rem ui-monospace, monospace; letter-spacing: .05em; }
        pre.problem { white-space: pre-wrap; overflow-wrap: anywhere; margin: .25rem 0; }
        @media (max-width: 40rem) {
          table.stack thead { display: none; }
          table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
          table.stack tr { border: 1px solid var(--line); border-radius: 10px; margin: 0 0 .75rem; padding: .25rem 0; background: #fff; }
          table.stack td { border: 0; padding: .2rem .75rem; }
          table.stack td.num { text-align: left; }
          table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
          header.site { padding: .4rem .75rem; gap: .25rem .75rem; }
          header.site button { min-height: 36px; padding: .35rem .8rem; }
          table.bars tr { display: grid; grid-template-columns: 1fr auto auto; border-bottom: 1px solid var(--line); }
          table.bars td { border: 0; }
          table.bars td.barcell { grid-column: 1 / -1; width: auto; padding-top: 0; }
        }
        details.groups { margin: 0 0 1rem; }
        details.groups summary { cursor: pointer; font-weight: 600; padding: .4rem 0; }
        .banner { border: 2px solid var(--error); background: #fff4f3; border-radius: 10px; padding: .75rem 1rem; margin: 0 0 1rem; }
        code.flag, code .flag { white-space: nowrap; }
        code.command { display: block; margin: .35rem 0; padding: .3rem .5rem; background: #fff; border: 1px solid #e3c9c6; border-radius: 6px; }
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
          {{#admin}}{{^passwordPending}}<nav class="console"><a href="/admin">Опросы</a> <a href="/admin/questionnaires">Анкеты</a>{{#isMethodist}} <a href="/admin/users">Пользователи</a>{{/isMethodist}} <a href="/admin/password">Пароль</a></nav>{{/passwordPending}}
          <span class="who">{{login}} · {{roleTitle}}</span>
          <form method="post" action="/logout"><input type="hidden" name="csrf" value="{{csrf}}"><button class="secondary" type="submit">Выйти</button></form>{{/admin}}
        </header>
        <main{{#wide}} class="wide"{{/wide}}>
        {{#banner}}<div class="banner no-print" role="alert"><p class="error">{{problem}}</p><p>{{{hint}}}</p></div>{{/banner}}
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

    static let message = """
        <div class="card">
          <h1>{{heading}}</h1>
          <p>{{text}}</p>
          {{#linkHref}}<p><a class="button secondary" href="{{linkHref}}">{{linkText}}</a></p>{{/linkHref}}
        </div>
        """
}
