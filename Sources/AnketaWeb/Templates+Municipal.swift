/// The console's municipal pages: a new municipal run and a municipal run's page. As in
/// ``Templates``, `{{x}}` is HTML-escaped; nothing here is rendered unescaped.
extension Templates {
    static let municipal: [String: String] = [
        "municipal_new": municipalNew, "municipal_run": municipalRun, "municipal_list": municipalList, "municipal_close": municipalClose,
    ]

    /// The municipal runs on the methodist's list of runs (one line each).
    static let municipalList = """
        {{#hasMunicipal}}
        <h2>Муниципальные опросы</h2>
        <table class="stack">
          <thead><tr><th>Анкета</th><th>Волна</th><th>Школ</th><th>Ответов</th><th>Охват</th><th>Идёт</th></tr></thead>
          <tbody>
          {{#municipal}}<tr><td><a href="/admin/municipal/{{id}}">{{title}}</a></td><td data-label="Волна">{{wave}}</td><td class="num" data-label="Школ">{{schools}}</td>
            <td class="num" data-label="Ответов">{{responses}}{{#small}}<br><span class="muted">меньше {{minimum}} — в справке скрыта</span>{{/small}}</td><td class="num" data-label="Охват">{{coverage}}</td><td data-label="Идёт">{{open}}</td></tr>{{/municipal}}
          </tbody>
        </table>
        {{#hasRuns}}<h2>Опросы школ</h2>{{/hasRuns}}
        {{/hasMunicipal}}
        """

    static let municipalNew = """
        <h1>Муниципальный опрос</h1>
        <p class="muted">Одна анкета во всех отмеченных школах: у каждой школы будет своя ссылка{{#codes}} и свои коды доступа{{/codes}}, администратор школы увидит только опрос своей школы. Муниципальная справка соберёт ответы всех школ.</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{^hasSchools}}<div class="summary" role="alert"><p>Реестр организаций пуст. Загрузите его командой <code>anketa units import &lt;реестр.csv&gt;</code> (docs/municipal.md) и обновите страницу.</p></div>{{/hasSchools}}
        <form method="post" action="/admin/municipal" class="card">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <div class="field"><label for="questionnaire">Анкета</label>
            <select id="questionnaire" name="questionnaire" required>
            {{#questionnaires}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{title}} ({{audience}})</option>{{/questionnaires}}
            </select></div>
          <div class="field"><label for="wave">Волна</label><input id="wave" name="wave" type="text" required placeholder="2026" value="{{wave}}"></div>
          <div class="field"><label for="opens">Начало ({{zone}})</label><input id="opens" name="opens" type="datetime-local" required value="{{opens}}"></div>
          <div class="field"><label for="closes">Окончание ({{zone}})</label><input id="closes" name="closes" type="datetime-local" required value="{{closes}}"></div>
          <label class="option"><input type="checkbox" name="codes" value="1"{{#codes}} checked{{/codes}}> <span>Только по одноразовым кодам доступа — каждой школе столько кодов, сколько в её контингенте по реестру (без контингента — {{defaultCodes}})</span></label>
          {{#hasSchools}}
          <fieldset class="checks"><legend>Школы (по реестру; снимите отметку со школ, которые не участвуют)</legend>
          {{#schools}}<label class="option"><input type="checkbox" name="school" value="{{code}}"{{#checked}} checked{{/checked}}> <span>{{name}} <span class="muted">· {{kind}}</span></span></label>{{/schools}}
          </fieldset>
          {{/hasSchools}}
          <button type="submit">Создать опросы школ</button>
        </form>
        """

    static let municipalRun = """
        <h1>{{title}}</h1>
        <p class="muted">Муниципальный опрос, волна «{{wave}}»: {{schoolCount}}, отвечают {{audience}}. Сроки: {{period}}.</p>
        <div class="card">
          <p><strong>Ответов: {{responses}}</strong>{{#coverage}} · {{.}}{{/coverage}}</p>
          {{#smallNote}}<p class="muted">{{.}}</p>{{/smallNote}}
          {{#previous}}<p class="muted">{{.}}</p>{{/previous}}
          <div class="actions">
            <a class="button secondary" href="/admin/municipal/{{id}}/report.html">Муниципальная справка (HTML)</a>
            <a class="button secondary" href="/admin/municipal/{{id}}/report.docx">Муниципальная справка (DOCX)</a>
          </div>
        </div>
        <div class="actions">
          <form method="post" action="/admin/municipal/{{id}}/extend"><input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit" class="secondary">Продлить опросы всех школ на неделю</button></form>
          <a class="button danger" href="/admin/municipal/{{id}}/close">Завершить опросы всех школ…</a>
        </div>
        <h2>Школы</h2>
        <p class="muted">У каждой школы своя ссылка{{#requiresCode}} и свои коды доступа{{/requiresCode}}: откройте строку школы, чтобы напечатать листовку{{#requiresCode}} и коды{{/requiresCode}}, продлить или завершить её опрос. Охват — ответы от контингента по реестру; меньше 50 % отмечено. Страница обновляется каждую минуту.</p>
        <table class="stack municipal">
          <thead><tr><th>Школа</th><th>Ответов</th><th>Контингент</th><th>Охват</th><th>Состояние</th><th>Ссылка для участников</th></tr></thead>
          <tbody>
          {{#schools}}<tr><td><a href="/admin/runs/{{runID}}">{{name}}</a></td><td class="num" data-label="Ответов">{{responses}}{{#small}}<br><span class="muted">меньше {{minimum}} — в справке скрыта</span>{{/small}}</td><td class="num" data-label="Контингент">{{contingent}}</td>
            <td data-label="Охват"><span class="coverage">{{coverage}}{{#low}} <strong>· мало</strong>{{/low}}</span><span class="meter" aria-hidden="true"><span style="width: {{bar}}%"></span></span></td>
            <td data-label="Состояние">{{state}}</td><td data-label="Ссылка"><span class="link small">{{link}}</span></td></tr>{{/schools}}
          </tbody>
        </table>
        """

    static let municipalClose = """
        <div class="card">
          <h1>Завершить опросы всех школ?</h1>
          <p>«{{title}}», муниципальный опрос, волна «{{wave}}». Получено ответов: {{responses}}. {{stillOpen}}</p>
          <p>После завершения ссылки школ перестанут принимать ответы. Полученные ответы сохранятся; опросы можно будет продлить на странице муниципального опроса или возобновить на странице школы.</p>
          <div class="actions">
            <form method="post" action="/admin/municipal/{{id}}/close">
              <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="confirm" value="yes">
              <button class="danger" type="submit">Да, завершить все</button>
            </form>
            <a class="button secondary" href="/admin/municipal/{{id}}">Нет, вернуться</a>
          </div>
        </div>
        """
}
