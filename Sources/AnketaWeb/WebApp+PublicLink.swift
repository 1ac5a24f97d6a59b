import Foundation

extension WebApp {
    /// Why the survey link cannot be handed out on paper, or nil when `--public-url` names an
    /// address respondents can reach. Unset: links use the listening address, which phones at
    /// home do not reach; loopback (localhost, 127.x, ::1): only the server itself opens it.
    var publicLinkProblem: String? {
        guard let configured = configuration.publicURL else {
            return "Адрес сервера для участников не задан: ссылки и QR-коды ведут на \(listeningURL), а этот адрес с телефонов участников обычно недоступен."
        }
        let host = URLComponents(string: configured)?.host?.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) ?? ""
        if host.isEmpty || ClientAddress.isLoopback(host.lowercased()) {
            return "Адрес сервера для участников (\(configured)) открывается только на самом сервере: с телефонов участников он недоступен."
        }
        return nil
    }

    /// What to do about ``publicLinkProblem``, as HTML (a constant, no user input): the flag and each
    /// word of the example command are set as code that never breaks at its hyphens, so on a phone
    /// nobody copies «--public-» and «url» from two lines; the command wraps between its words.
    static let publicLinkHint = "Перезапустите сервер с ключом <code class=\"flag\">--public-url</code> и адресом, по которому его видят участники, "
        + "например: <code class=\"command\">"
        + "anketa serve --host 0.0.0.0 --public-url https://anketa.school.ru".split(separator: " ")
            .map { "<span class=\"flag\">\($0)</span>" }.joined(separator: " ")
        + "</code> (адрес выдаёт тот, кто настраивал сервер школы)."
}
