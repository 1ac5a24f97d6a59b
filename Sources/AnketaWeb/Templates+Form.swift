/// The respondent's pages: a page of the form, the review page, the access-code page.
extension Templates {
    static let respondentPages: [String: String] = ["form": form, "review": review, "code_entry": codeEntry, "thanks_profile": thanksProfile]

    /// After a named self-assessment that drafts an individual route: the teacher's own profile.
    static let thanksProfile = """
        <div class="card">
          <h1>Спасибо!</h1>
          <p>{{text}}</p>
          <p>По вашим ответам составлен профиль: ваши дефициты, темы повышения квалификации и проект индивидуального образовательного маршрута (ИОМ). Сохраните его — ссылка работает только на этой странице.</p>
          <p><a class="button" href="{{href}}" download="{{filename}}">Скачать профиль и проект ИОМ (DOCX)</a></p>
        </div>
        """

    static let codeEntry = """
        <h1>{{title}}</h1>
        <form method="get" action="{{action}}" class="card">
          {{#error}}<p class="error" role="alert" id="code-error">{{error}}</p>{{/error}}
          <div class="field"><label for="code">Код доступа с вашей карточки</label>
          <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" required value="{{code}}"{{#error}} aria-invalid="true" aria-describedby="code-error"{{/error}}></div>
          <button type="submit">Продолжить</button>
        </form>
        {{#anonymous}}
        <div class="anon">
          <p><strong>Код не связан с вашим именем.</strong> Карточки с кодами раздают вперемешку, и нигде не записано,
          кому какой код достался: по коду нельзя узнать, кто заполнил анкету. Код нужен только для того, чтобы
          каждый участник ответил один раз.</p>
          <p>Время ответа хранится с точностью до дня, адрес вашего устройства не сохраняется.</p>
        </div>
        {{/anonymous}}
        """

    static let form = """
        <h1>{{title}}</h1>
        {{#progress}}
        <p class="progress-text">{{text}}</p>
        <div class="progress" role="progressbar" aria-label="{{text}}" aria-valuemin="1" aria-valuemax="{{total}}" aria-valuenow="{{current}}"><span style="width: {{percent}}%"></span></div>
        {{/progress}}
        {{#intro}}<p>{{intro}}</p>{{/intro}}
        <p class="muted">Вопросы, отмеченные <span class="req">*</span>, обязательны.</p>
        {{#notice}}<div class="summary" role="alert"><p class="error">{{notice}}</p></div>{{/notice}}
        {{#hasErrors}}
        <div class="summary" role="alert" tabindex="-1" id="errors">
          <p class="error">{{#sendsDirectly}}Ответы не отправлены{{/sendsDirectly}}{{^sendsDirectly}}Чтобы продолжить{{/sendsDirectly}}: нужно ответить ещё на {{errorCount}}. Введённые ответы сохранены.</p>
          <ul>{{#errors}}<li><a href="#{{anchor}}">{{text}}</a></li>{{/errors}}</ul>
          {{#more}}<p>{{more}}</p>{{/more}}
        </div>
        {{/hasErrors}}
        <form method="post" action="{{action}}" novalidate>
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="form" value="{{token}}">
          <input type="hidden" name="page" value="{{page}}">
          {{#code}}<input type="hidden" name="code" value="{{code}}">{{/code}}
          {{#sections}}
          <h2>{{title}}</h2>
          {{#description}}<p class="muted">{{description}}</p>{{/description}}
          {{#questions}}
          {{#gridTitle}}<p class="grid-title">{{gridTitle}}</p>{{/gridTitle}}
          {{#isChoice}}
          <fieldset id="q-{{id}}"{{#isSingle}} role="radiogroup"{{#required}} aria-required="true"{{/required}}{{/isSingle}}{{#error}} class="invalid" aria-describedby="{{id}}-error"{{/error}}>
            <legend>{{text}}{{#required}} <span class="req" aria-hidden="true">*</span>{{/required}}</legend>
            {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
            {{#options}}<label class="option{{#na}} na{{/na}}"><input type="{{type}}" name="{{name}}" value="{{value}}"{{#checked}} checked{{/checked}}> <span>{{label}}</span></label>{{/options}}
          </fieldset>
          {{/isChoice}}
          {{^isChoice}}
          <div class="field card{{#error}} invalid{{/error}}" id="q-{{id}}">
            <label for="{{id}}">{{text}}{{#required}} <span class="req" aria-hidden="true">*</span>{{/required}}</label>
            {{#error}}<p class="error" id="{{id}}-error">{{error}}</p>{{/error}}
            {{#isNumber}}<input id="{{id}}" name="{{id}}" type="text" inputmode="decimal" value="{{value}}"{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}{{#required}} aria-required="true"{{/required}}>{{/isNumber}}
            {{#isShortText}}<input id="{{id}}" name="{{id}}" type="text" maxlength="300" value="{{value}}"{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{/isShortText}}
            {{#isLongText}}<textarea id="{{id}}" name="{{id}}" maxlength="4000"{{#error}} aria-invalid="true" aria-describedby="{{id}}-error"{{/error}}>{{value}}</textarea>{{/isLongText}}
          </div>
          {{/isChoice}}
          {{/questions}}
          {{/sections}}
          <div class="nav">
            {{#sendsDirectly}}<button type="submit" name="go" value="send">Отправить ответы</button>{{/sendsDirectly}}
            {{^sendsDirectly}}<button type="submit" name="go" value="next">{{#isLast}}Далее: проверить ответы{{/isLast}}{{^isLast}}Далее{{/isLast}}</button>{{/sendsDirectly}}
            {{#hasBack}}<button type="submit" name="go" value="back" class="secondary">Назад</button>{{/hasBack}}
          </div>
        </form>
        """

    static let review = """
        <h1>Проверьте ответы</h1>
        {{#progress}}
        <p class="progress-text">{{text}}</p>
        <div class="progress" role="progressbar" aria-label="{{text}}" aria-valuemin="1" aria-valuemax="{{total}}" aria-valuenow="{{current}}"><span style="width: {{percent}}%"></span></div>
        {{/progress}}
        <p>Анкета «{{title}}». Ответы ещё не отправлены: проверьте их и нажмите «Отправить». Чтобы исправить ответ, нажмите «Изменить» у раздела.</p>
        {{#notice}}<div class="summary" role="alert"><p class="error">{{notice}}</p></div>{{/notice}}
        <div class="review">
        {{#sections}}
        <section class="card">
          <h2><span>{{title}}</span> <a href="{{edit}}">Изменить</a></h2>
          <dl>{{#answers}}<dt>{{question}}</dt><dd{{#missing}} class="missing"{{/missing}}>{{answer}}</dd>{{/answers}}</dl>
        </section>
        {{/sections}}
        </div>
        <form method="post" action="{{action}}">
          <input type="hidden" name="csrf" value="{{csrf}}">
          <input type="hidden" name="form" value="{{token}}">
          <input type="hidden" name="page" value="review">
          {{#code}}<input type="hidden" name="code" value="{{code}}">{{/code}}
          <div class="nav">
            <button type="submit" name="go" value="send">Отправить</button>
            <button type="submit" name="go" value="back" class="secondary">Назад</button>
          </div>
        </form>
        """
}
