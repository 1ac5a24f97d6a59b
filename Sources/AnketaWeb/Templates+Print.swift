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
        .slip { border: 1px dashed #777; padding: .6rem; background: #fff; break-inside: avoid; display: flex; gap: .75rem; align-items: flex-start; }
        .slip .qr svg { width: 3cm; height: 3cm; display: block; }
        .slip .text { min-width: 0; font-size: .9rem; line-height: 1.35; }
        .slip .link { font-size: .8rem; padding: .2rem .3rem; }
        .slip .code { font: 700 1.3rem ui-monospace, monospace; letter-spacing: .08em; white-space: nowrap; }
        @page { size: A4; margin: 12mm; }
        @media print {
          .poster { padding: 0; }
          .poster .qr svg { width: 9cm; height: 9cm; }
          .slips { grid-template-columns: 1fr 1fr; gap: 0; }
          .slip { height: 66mm; overflow: hidden; }
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
          <p>Опрос проходит {{period}}. Он анонимный: имя не спрашивается, ответы обрабатываются только в обобщённом виде.</p>
        </div>
        """

    static let codes = """
        <p class="no-print"><a href="/admin/runs/{{id}}">← к опросу</a> · {{count}}. Разрежьте лист и раздайте карточки вперемешку, по одной; каждый код действует один раз. Не записывайте, кому какой код достался: так опрос остаётся анонимным.</p>
        <div class="slips">
        {{#slips}}<div class="slip"><div class="qr">{{{qr}}}</div><div class="text">{{#school}}<div class="muted">{{school}}</div>{{/school}}<div><strong>{{title}}</strong></div><div>Наведите камеру на QR-код или откройте ссылку:</div><div class="link">{{link}}</div><div>и введите код: <span class="code">{{code}}</span></div></div></div>{{/slips}}
        </div>
        {{^slips}}<p>Свободных кодов нет — добавьте их на странице опроса.</p>{{/slips}}
        """

    static let printRefused = """
        <div class="card">
          <h1>Эту ссылку нельзя печатать</h1>
          <p class="error">{{problem}}</p>
          <p>Листовка и карточки с такой ссылкой никуда не приведут. {{hint}}</p>
          <p><a href="/admin/runs/{{id}}">← к опросу</a></p>
        </div>
        """
}
