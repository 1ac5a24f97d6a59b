import AnketaCore
import AnketaStore
import AnketaWeb
import ArgumentParser
import Foundation
import HummingbirdBcrypt
import Logging

extension Anketa {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Запустить веб-сервер: анкеты для участников и консоль администратора.",
            discussion: """
                Участники открывают ссылку на опрос с телефона или компьютера; администратор в консоли создаёт опросы, печатает листовку с QR-кодом и коды доступа, следит за числом ответов и скачивает ответы и справку. Ответы хранятся в той же базе, что и у команд ingest и report.

                При первом запуске, если администраторов нет, создаётся пользователь admin (муниципальный методист) и печатается одноразовый пароль; при первом входе консоль попросит сменить его. Других пользователей — методистов и администраторов школ (видят только опросы своей школы) — заводит методист на странице «Пользователи» или команда anketa admin create. Сервер завершается корректно по SIGTERM или Ctrl+C.

                Сроки опросов вводятся и показываются во времени организации: --time-zone, иначе organization.time_zone из профиля --org, иначе московское (МСК).

                Пример (за обратным прокси с HTTPS):
                  anketa serve --port 8080 --public-url https://anketa.school.ru \\
                      --secure-cookies --trust-proxy 127.0.0.1

                Без --public-url ссылки и QR-коды строятся по адресу, на котором слушает сервер (--host, --port), а не по заголовку Host запроса; в консоли рядом со ссылкой будет предупреждение.

                Сервер и команда ingest могут работать с одной базой одновременно: загрузка пишет короткими порциями и показывает ответы все сразу в конце, ответы участников при этом сохраняются. Каждый принятый ответ записан на диск (synchronous=FULL) до того, как участник видит «Спасибо».
                """
        )

        @Option(help: ArgumentHelp("Адрес, на котором слушать (0.0.0.0 — принимать подключения из сети школы).", valueName: "адрес"))
        var host: String = "127.0.0.1"

        @Option(help: ArgumentHelp("Порт.", valueName: "порт"))
        var port: Int = 8080

        @Option(help: ArgumentHelp("Папка с определениями анкет.", valueName: "папка"))
        var questionnaires: String = "Questionnaires"

        @Option(name: .customLong("public-url"), help: ArgumentHelp("Адрес сервера для ссылок и QR-кодов.", valueName: "url"))
        var publicURL: String?

        @Flag(name: .customLong("secure-cookies"), help: "Cookie только по HTTPS (включите, если сервер доступен по HTTPS).")
        var secureCookies = false

        @Option(name: .customLong("trust-proxy"),
                help: ArgumentHelp("Адрес обратного прокси, которому верить: от него адрес клиента берётся из X-Forwarded-For (можно повторить).",
                                   valueName: "адрес"))
        var trustProxy: [String] = []

        @Option(name: .customLong("min-group"), help: ArgumentHelp("Наименьший размер группы в справке.", valueName: "число"))
        var minGroup: Int = 5

        @Option(help: ArgumentHelp("Профиль организации (YAML) для справок из консоли: название, подпись, основание, контингент.", valueName: "профиль.yaml"))
        var org: String?

        @Option(name: .customLong("time-zone"),
                help: ArgumentHelp("Часовой пояс организации для сроков опросов (по умолчанию — из профиля --org, иначе Europe/Moscow).",
                                   valueName: "пояс"))
        var timeZone: String?

        @OptionGroup var storeOptions: StoreOptions

        func validate() throws {
            if let timeZone, TimeZone(identifier: timeZone) == nil {
                throw ValidationError("--time-zone: неизвестный часовой пояс «\(timeZone)»; укажите пояс из базы IANA, например Europe/Moscow или Asia/Yekaterinburg")
            }
            guard (0...65535).contains(port) else { throw ValidationError("порт должен быть от 0 до 65535") }
            guard minGroup >= 1 else { throw ValidationError("--min-group должен быть не меньше 1") }
            for address in trustProxy where !WebConfiguration.isIPAddress(address) {
                throw ValidationError("--trust-proxy ждёт IP-адрес прокси (например, 127.0.0.1), а не «\(address)»")
            }
        }

        func run() async throws {
            // bench/load.sh measures the cost of forcing every commit to disk by comparing with NORMAL.
            let forceEveryCommit = ProcessInfo.processInfo.environment["ANKETA_BENCH_SYNCHRONOUS"]?.lowercased() != "normal"
            let store = try await reportingErrors { try await storeOptions.open(forceEveryCommit: forceEveryCommit) }
            let profile = try reportingErrors { try org.map { try OrganizationLoader().load(contentsOf: URL(fileURLWithPath: $0), displayPath: $0) } }
            if try await store.adminCount() == 0 {
                let password = Tokens.password()
                try await store.setAdmin(login: "admin", passwordHash: Bcrypt.hash(password, cost: 12), role: .methodist, unit: nil, mustChangePassword: true)
                // Written unbuffered, so the password reaches a log file at once.
                FileHandle.standardOutput.write(Data("""
                    Создан администратор (муниципальный методист): логин admin, одноразовый пароль \(password)
                    При первом входе консоль попросит сменить его.

                    """.utf8))
            }
            let zone = timeZone ?? profile?.timeZone ?? "Europe/Moscow"
            var configuration = WebConfiguration(host: host, port: port, questionnairesFolder: URL(fileURLWithPath: questionnaires),
                                                 secureCookies: secureCookies, trustedProxies: trustProxy, minGroupSize: minGroup,
                                                 publicURL: publicURL, organization: profile,
                                                 timeZone: TimeZone(identifier: zone) ?? WebConfiguration.moscow)
            Self.warnIfNoQuestionnaires(in: URL(fileURLWithPath: questionnaires))
            // Load tests from one address and one form token raise both limits through the environment.
            if let limit = ProcessInfo.processInfo.environment["ANKETA_RATE_LIMIT"].flatMap({ Int($0) }), limit > 0 {
                configuration.submissionsPerMinute = limit
                configuration.submissionsPerVisitor = limit
            }
            let app = try await buildApplication(store: store, configuration: configuration)
            FileHandle.standardOutput.write(Data("Анкета: http://\(host):\(port)/admin (Ctrl+C — остановить)\n".utf8))
            if publicURL == nil {
                Console.error("предупреждение: не задан --public-url — ссылки на опросы и QR-коды ведут на адрес, на котором слушает сервер; "
                              + "участники могут его не увидеть. Укажите адрес, по которому сервер виден участникам: --public-url https://…")
            }
            try await app.runService()
        }

        /// `serve` started outside the project folder finds no questionnaires: say where it looked and how to fix it.
        static func warnIfNoQuestionnaires(in folder: URL) {
            let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
            guard !files.contains(where: { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }) else { return }
            let path = folder.standardizedFileURL.path
            Console.error("предупреждение: анкет нет — сервер ищет определения (*.yaml) в папке \(path)"
                          + (FileManager.default.fileExists(atPath: path) ? "" : ", а такой папки нет")
                          + ". Запустите сервер из папки проекта или укажите папку: --questionnaires /путь/к/Questionnaires "
                          + "(анкету можно и загрузить в консоли на странице «Анкеты»).")
        }
    }

    struct Admin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Управление администраторами веб-консоли.",
            subcommands: [Create.self]
        )

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Создать администратора или сменить его пароль.",
                discussion: """
                    Пароль спрашивается в терминале (или читается из стандартного ввода) и хранится только как хеш bcrypt. Все открытые сеансы этого администратора завершаются. Новый пользователь без --role — муниципальный методист.

                    Пример:
                      anketa admin create --login zavuch --role school_administrator \\
                          --unit "МБОУ СОШ № 1" --db anketa.sqlite
                    """
            )

            @Option(help: ArgumentHelp("Логин.", valueName: "логин"))
            var login: String

            @Option(help: ArgumentHelp("Роль: methodist (муниципальный методист, все школы) или school_administrator (только своя школа, нужен --unit).",
                                       valueName: "роль"))
            var role: String?

            @Option(help: ArgumentHelp("Школа администратора — как в --unit опросов; для муниципальных опросов — код организации из реестра (anketa units list).", valueName: "организация"))
            var unit: String?

            @OptionGroup var storeOptions: StoreOptions

            func validate() throws {
                if let role {
                    guard let parsed = ConsoleRole(rawValue: role) else {
                        throw ValidationError("--role: methodist или school_administrator, а не «\(role)»")
                    }
                    if parsed == .schoolAdministrator, (unit ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                        throw ValidationError("администратору школы нужна школа: --unit «МБОУ СОШ № 1»")
                    }
                }
            }

            func run() async throws {
                try await reportingErrors {
                    let store = try await storeOptions.open()
                    guard let password = Self.readPassword(), password.count >= 10 else {
                        throw ValidationError("пароль должен быть не короче 10 символов")
                    }
                    let parsed = role.flatMap(ConsoleRole.init(rawValue:))
                    try await store.setAdmin(login: login, passwordHash: Bcrypt.hash(password, cost: 12), role: parsed,
                                             unit: parsed == .methodist ? "" : unit?.trimmingCharacters(in: .whitespaces), mustChangePassword: false)
                    print("Администратор «\(login)» сохранён.")
                }
            }

            static func readPassword() -> String? {
                if isatty(STDIN_FILENO) != 0 {
                    guard let pointer = getpass("Пароль (не короче 10 символов): ") else { return nil }
                    return String(cString: pointer)
                }
                return readLine(strippingNewline: true)
            }
        }
    }
}
