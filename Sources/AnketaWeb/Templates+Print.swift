/// Printed pages: the poster and the access-code slips (A4), and the refusal to print a link
/// respondents cannot open.
extension Templates {
    static let printPages: [String: String] = ["poster": poster, "codes": codes, "print_refused": printRefused]

    /// Styles of the printed pages (part of the layout's stylesheet).
    static let printStyle = """
        .poster { text-align: center; background: #fff; padding: 1.5rem 1rem; }
        .poster .school { font-size: 1.1rem; font-weight: 600; margin: 0 0 .5rem; }
        .poster h1 { font-size: 1.8rem; margin: .25rem 0 .5rem; }
        .poster .qr svg { width: min(80vw, 9cm); height: auto; }
        .slips { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: .5rem; }
        .slip { border: 1px dashed #777; padding: .5rem .6rem; background: #fff; break-inside: avoid; font-size: .85rem; line-height: 1.3; }
        .slip .head { margin: 0 0 .35rem; }
        .slip .body { display: flex; gap: .6rem; align-items: flex-start; }
        .slip .qr svg { width: 3.3cm; height: 3.3cm; display: block; }
        .slip .text { min-width: 0; }
        .slip .link { font-size: .75rem; padding: .15rem .3rem; margin: .2rem 0; }
        .slip .code { font: 700 1.25rem ui-monospace, monospace; letter-spacing: .06em; white-space: nowrap; }
        @page { size: A4; margin: 12mm; }
        @media print {
          .poster { padding: 0; }
          .poster h1 { font-size: 22pt; }
          .poster .qr svg { width: 11cm; height: 11cm; }
          .slips { grid-template-columns: 1fr 1fr; gap: 0; }
          .slip { height: 66mm; font-size: 9pt; }
          .slip .link { font-size: 8pt; }
          .slip .code { font-size: 14pt; }
        }
        """

    static let poster = """
        <p class="no-print"><a href="/admin/runs/{{id}}">← к опросу</a> · Распечатайте эту страницу (одна страница A4) и повесьте у входа или раздайте на собрании.</p>
        <div class="poster">
          {{#school}}<p class="school">{{school}}</p>{{/school}}
          <p class="muted">{{audience}}</p>
          <h1>{{title}}</h1>
          <p><strong>Наведите камеру телефона на код</strong></p>
          <div class="qr">{{{qr}}}</div>
          <p>или откройте ссылку:</p>
          <p class="link">{{link}}</p>
          <p>Опрос проходит {{period}}.{{#anonymous}} Он анонимный: имя не спрашивается, ответы обрабатываются только в обобщённом виде.{{/anonymous}}{{^anonymous}} Анкета не анонимная: в ней указываются фамилия и должность.{{/anonymous}}</p>
        </div>
        """

    static let codes = """
        <p class="no-print"><a href="/admin/runs/{{id}}">← к опросу</a> · {{count}}. Разрежьте лист и раздайте карточки {{#anonymous}}вперемешку, {{/anonymous}}по одной; каждый код действует один раз.{{#anonymous}} Не записывайте, кому какой код достался: так опрос остаётся анонимным.{{/anonymous}}</p>
        <div class="slips">
        {{#slips}}<div class="slip"><div class="head">{{#school}}<span class="muted">{{school}}.</span> {{/school}}<strong>{{title}}</strong></div><div class="body"><div class="qr">{{{qr}}}</div><div class="text"><div>Наведите камеру телефона на QR-код или откройте ссылку:</div><div class="link">{{link}}</div><div>и введите код:</div><div class="code">{{code}}</div></div></div></div>{{/slips}}
        </div>
        {{^slips}}<p>Свободных кодов нет — добавьте их на странице опроса.</p>{{/slips}}
        """

    static let printRefused = """
        <div class="card">
          <h1>Эту ссылку нельзя печатать</h1>
          <p class="error">{{problem}}</p>
          <p>Листовка и карточки с такой ссылкой никуда не приведут. {{{hint}}}</p>
          <p><a href="/admin/runs/{{id}}">← к опросу</a></p>
        </div>
        """
}
