/// The console's page templates (runs, questionnaires, accounts). As in ``Templates``, `{{x}}` is
/// HTML-escaped and `{{{x}}}` is used only for markup made here (the SVG bars).
extension Templates {
    static let console: [String: String] = [
        "admin": runs, "run_new": runNew, "run": run, "run_close": runClose, "password": password, "users": users,
        "questionnaires": questionnaires, "preview_banner": previewBanner,
    ]

    static let runs = """
        <h1>Опросы{{#unit}} · {{unit}}{{/unit}}</h1>
        {{#notice}}<div class="notice" role="status">{{.}}</div>{{/notice}}
        {{#catalogProblem}}<div class="summary" role="alert"><p class="error">Анкет для новых опросов нет.</p><p>{{.}}</p></div>{{/catalogProblem}}
        <div class="actions"><a class="button" href="/admin/runs/new">Новый опрос</a><a class="button secondary" href="/admin/questionnaires">Анкеты</a></div>
        {{#hasRuns}}
        <table class="stack">
          <thead><tr><th>Анкета</th><th>Волна</th><th>Сроки</th><th>Состояние</th><th>Ответов</th></tr></thead>
          <tbody>
          {{#runs}}<tr><td><a href="/admin/runs/{{id}}">{{title}}</a></td><td data-label="Волна">{{wave}}</td><td data-label="Сроки">{{period}}</td><td data-label="Состояние">{{state}}</td><td class="num" data-label="Ответов">{{responses}}</td></tr>{{/runs}}
          </tbody>
        </table>
        {{/hasRuns}}
        {{^hasRuns}}<p class="muted">Опросов пока нет. Создайте первый: выберите анкету, волну и сроки — и получите ссылку для участников.</p>{{/hasRuns}}
        """

    static let runNew = """
        <h1>Новый опрос</h1>
        {{#copiedFrom}}<p class="muted">Копия опроса {{copiedFrom}}: та же анкета, новая волна и новые сроки. Ответы прошлого опроса не переносятся — с ними справка сравнит новые.</p>{{/copiedFrom}}
        {{#catalogProblem}}<div class="summary" role="alert"><p>{{catalogProblem}}</p></div>{{/catalogProblem}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/runs" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="questionnaire">Анкета</label>
            <select id="questionnaire" name="questionnaire" required>
            {{#questionnaires}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}} ({{audience}})</option>{{/questionnaires}}
            </select></div>
          <div class="field"><label for="wave">Волна</label><input id="wave" name="wave" type="text" required placeholder="2026-весна" value="{{wave}}"></div>
          {{#unitFixed}}<div class="field"><span class="muted">Школа:</span> <strong>{{unit}}</strong></div>{{/unitFixed}}
          {{^unitFixed}}<div class="field"><label for="unit">Школа или подразделение</label><input id="unit" name="unit" type="text" placeholder="МБОУ СОШ № 1" value="{{unit}}"></div>{{/unitFixed}}
          <div class="field"><label for="opens">Начало ({{zone}})</label><input id="opens" name="opens" type="datetime-local" required value="{{opens}}"></div>
          <div class="field"><label for="closes">Окончание ({{zone}})</label><input id="closes" name="closes" type="datetime-local" required value="{{closes}}"></div>
          <div class="field"><label class="option"><input type="checkbox" name="codes" value="1"{{#codes}} checked{{/codes}}> Только по одноразовым кодам доступа (закрытая группа, например педагоги школы)</label></div>
          <button type="submit">Создать</button>
        </form>
        """

    static let run = """
        <h1>{{title}}</h1>
        <p class="muted">Волна «{{wave}}»{{#unit}}, {{unit}}{{/unit}}. Сроки: {{period}}. Состояние: <strong>{{state}}</strong>.</p>
        {{#closedEarly}}<p class="muted">{{.}}</p>{{/closedEarly}}
        <div class="card">
          <p><strong>Ссылка для участников:</strong></p>
          <p class="link">{{link}}</p>
          <div class="actions">
            <a class="button secondary" href="/admin/runs/{{id}}/poster">Листовка с QR-кодом</a>
            {{#requiresCode}}<a class="button secondary" href="/admin/runs/{{id}}/codes">Коды доступа ({{codesFree}} свободно из {{codesTotal}})</a>{{/requiresCode}}
          </div>
        </div>
        <h2>Ответы: {{responses}}</h2>
        <p class="muted">Страница обновляется каждые 30 секунд.</p>
        {{#groups}}
        <details class="groups"><summary>По группам: {{groupTitle}}</summary>
        <table><thead><tr><th>Группа</th><th>Ответов</th></tr></thead>
        <tbody>{{#rows}}<tr><td>{{name}}</td><td class="num">{{count}}</td></tr>{{/rows}}</tbody></table>
        </details>
        {{/groups}}
        <h2>Скачать</h2>
        <div class="actions">
          <a class="button secondary" href="/admin/runs/{{id}}/responses.xlsx">Ответы (Excel, XLSX)</a>
          <a class="button secondary" href="/admin/runs/{{id}}/responses-excel.csv">Ответы (CSV для Excel: Windows-1251, «;»)</a>
          <a class="button secondary" href="/admin/runs/{{id}}/responses.csv">Ответы (CSV, UTF-8)</a>
        </div>
        <form method="get" action="/admin/runs/{{id}}/report.html" class="card">
          {{#hasGroupings}}<div class="field"><label for="by">Разбивка по группам в справке</label>
          <select id="by" name="by"><option value="">все группировки анкеты</option>{{#groupings}}<option value="{{groupingID}}">{{groupingTitle}}</option>{{/groupings}}</select></div>{{/hasGroupings}}
          {{#previous}}<p class="muted">{{.}}</p>{{/previous}}
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
        <h2>Сроки</h2>
        <form method="post" action="/admin/runs/{{id}}/dates" class="card inline-form">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="opens">Начало ({{zone}})</label><input id="opens" name="opens" type="datetime-local" required value="{{opensInput}}"></div>
          <div class="field"><label for="closes">Окончание ({{zone}})</label><input id="closes" name="closes" type="datetime-local" required value="{{closesInput}}"></div>
          <button type="submit" class="secondary">Сохранить сроки</button>
        </form>
        <div class="actions">
          <form method="post" action="/admin/runs/{{id}}/extend"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="days" value="7">
            <button type="submit" class="secondary">Продлить на неделю</button></form>
          {{#isClosed}}<form method="post" action="/admin/runs/{{id}}/reopen"><input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit">Возобновить опрос</button></form>{{/isClosed}}
          {{#isOpen}}<a class="button danger" href="/admin/runs/{{id}}/close">Завершить сейчас…</a>{{/isOpen}}
          <a class="button secondary" href="/admin/runs/new?from={{id}}">Повторить опрос (новая волна)</a>
        </div>
        <h2>Сводка по вопросам</h2>
        {{#summaryHidden}}<p class="muted">{{.}}</p>{{/summaryHidden}}
        {{#summary}}
        <div class="card summary-q">
          <h3>{{text}}</h3>
          <p class="muted">{{answered}}</p>
          {{#hasRows}}<table class="bars"><tbody>
          {{#rows}}<tr><td>{{label}}</td><td class="num">{{count}}</td><td class="num">{{percent}}</td><td class="barcell">{{{bar}}}</td></tr>{{/rows}}
          </tbody></table>{{/hasRows}}
          {{#note}}<p class="muted">{{note}}</p>{{/note}}
        </div>
        {{/summary}}
        """

    static let runClose = """
        <div class="card">
          <h1>Завершить опрос?</h1>
          <p>«{{title}}», волна «{{wave}}». Получено ответов: {{responses}}. По плану опрос идёт до {{closes}}.</p>
          <p>После завершения ссылка перестанет принимать ответы. Полученные ответы сохранятся; опрос можно будет возобновить на его странице.</p>
          <div class="actions">
            <form method="post" action="/admin/runs/{{id}}/close">
              <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="confirm" value="yes">
              <button class="danger" type="submit">Да, завершить</button>
            </form>
            <a class="button secondary" href="/admin/runs/{{id}}">Нет, вернуться к опросу</a>
          </div>
        </div>
        """

    static let password = """
        <h1>Смена пароля</h1>
        {{#forced}}<div class="summary" role="alert"><p>Вы вошли с одноразовым паролем. Придумайте свой пароль, чтобы продолжить работу в консоли.</p></div>{{/forced}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/password" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="current">Текущий пароль</label><input id="current" name="current" type="password" autocomplete="current-password" required></div>
          <div class="field"><label for="new">Новый пароль (не короче {{minimum}} символов)</label><input id="new" name="new" type="password" autocomplete="new-password" minlength="{{minimum}}" required></div>
          <div class="field"><label for="repeat">Новый пароль ещё раз</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="{{minimum}}" required></div>
          <button type="submit">Сменить пароль</button>
        </form>
        """

    static let users = """
        <h1>Пользователи консоли</h1>
        {{#issued}}<div class="notice" role="status">
          <p>{{#isNew}}Пользователь <strong>{{login}}</strong> создан.{{/isNew}}{{^isNew}}Пароль пользователя <strong>{{login}}</strong> сброшен, его сеансы завершены.{{/isNew}}
          Одноразовый пароль: <span class="password">{{password}}</span></p>
          <p>Передайте его лично (не по открытой почте). Пароль показан один раз; при первом входе консоль попросит сменить его.</p>
        </div>{{/issued}}
        <table class="stack">
          <thead><tr><th>Логин</th><th>Роль</th><th>Пароль</th><th></th></tr></thead>
          <tbody>
          {{#users}}<tr><td>{{login}}</td><td>{{role}}</td><td data-label="Пароль">{{#pending}}ждёт смены одноразового{{/pending}}{{^pending}}задан пользователем{{/pending}}</td>
            <td><form method="post" action="/admin/users/{{id}}/reset"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary">Сбросить пароль</button></form></td></tr>{{/users}}
          </tbody>
        </table>
        <h2>Новый пользователь</h2>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/admin/users" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="login">Логин</label><input id="login" name="login" type="text" autocomplete="off" required value="{{login}}" placeholder="zavuch-sosh1"></div>
          <fieldset><legend>Роль</legend>
          {{#roles}}<label class="option"><input type="radio" name="role" value="{{value}}"{{#checked}} checked{{/checked}}> <span>{{title}}</span></label>{{/roles}}
          </fieldset>
          <div class="field"><label for="unit">Школа (для администратора школы — как в опросах)</label><input id="unit" name="unit" type="text" list="units" value="{{unit}}" placeholder="МБОУ СОШ № 1">
          <datalist id="units">{{#units}}<option value="{{.}}">{{/units}}</datalist></div>
          <button type="submit">Создать и получить одноразовый пароль</button>
        </form>
        """

    static let questionnaires = """
        <h1>Анкеты</h1>
        {{#hasUploadProblems}}<div class="summary" role="alert" id="upload-errors"><p class="error">Анкета «{{uploadName}}» не загружена — исправьте ошибки в <a href="#yaml">тексте ниже</a> или в файле и загрузите снова:</p>
          <ul>{{#uploadProblems}}<li><pre class="problem">{{place}}: {{message}}{{#hint}}
        подсказка: {{hint}}{{/hint}}</pre></li>{{/uploadProblems}}</ul></div>{{/hasUploadProblems}}
        {{#notice}}<div class="notice" role="status">{{notice}}</div>{{/notice}}
        {{#catalogProblem}}<div class="summary" role="alert"><p>{{catalogProblem}}</p></div>{{/catalogProblem}}
        <p class="muted">Папка анкет: {{folder}}</p>
        {{#hasEntries}}
        <table class="stack">
          <thead><tr><th>Анкета</th><th>Кто отвечает</th><th>Вопросов</th><th>Версия</th><th></th></tr></thead>
          <tbody>
          {{#entries}}<tr><td>{{title}}<br><span class="muted">{{file}}</span></td><td data-label="Кто отвечает">{{audience}}</td><td>{{questions}}</td><td class="num" data-label="Версия">{{version}}</td>
            <td><a href="/admin/questionnaires/{{id}}/preview">Предпросмотр</a></td></tr>{{/entries}}
          </tbody>
        </table>
        {{/hasEntries}}
        {{#broken}}
        <div class="card invalid">
          <p><strong>{{file}}</strong> — не проходит проверку, в список не попадает:</p>
          <ul>{{#problems}}<li><pre class="problem">{{place}}: {{message}}{{#hint}}
        подсказка: {{hint}}{{/hint}}</pre></li>{{/problems}}</ul>
        </div>
        {{/broken}}
        {{#canUpload}}
        <h2>Загрузить анкету</h2>
        <form method="post" action="/admin/questionnaires" enctype="multipart/form-data" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="file">Файл определения (.yaml)</label><input id="file" name="file" type="file" accept=".yaml,.yml,text/yaml"></div>
          <div class="field"><label for="yaml">…или текст анкеты</label><textarea id="yaml" name="yaml" rows="12" spellcheck="false">{{yaml}}</textarea></div>
          <p class="muted">Формат описан в docs/questionnaire-format.md. Анкета с тем же id заменяется, только если её version больше.</p>
          <button type="submit">Проверить и загрузить</button>
        </form>
        {{/canUpload}}
        {{^canUpload}}<p class="muted">Загружать анкеты может муниципальный методист.</p>{{/canUpload}}
        """

    static let previewBanner = """
        <div class="preview-banner no-print" role="note">
          <p><strong>Предпросмотр.</strong> Так анкету увидят участники. Ответы здесь не сохраняются: кнопки внизу только проверяют заполнение и переходят между разделами — с последнего раздела ничего не отправляется.</p>
          {{#checked}}<p><strong>Проверка пройдена</strong> — всё обязательное заполнено, участник смог бы отправить такие ответы.</p>{{/checked}}
          <p><a href="/admin/questionnaires">← к анкетам</a></p>
        </div>
        """
}
