import ArgumentParser
import Foundation
import LotseCore

/// `lotse`: with a command it runs that command; without one it opens the REPL.
@main
struct Lotse: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lotse",
        abstract: "Case management for municipal integration management (Integrationsmanagement).",
        discussion: "Without a command, lotse opens an interactive prompt. Exit codes: 0 ok, 1 user error, 2 data error.",
        version: version,
        subcommands: [
            Modules.self, MunicipalityCommand.self, StaffCommand.self, CaseCommand.self, PersonCommand.self,
            ConversationCommand.self, ReferralCommand.self, OutcomeCommand.self, MoveCommand.self, ConsentCommand.self,
            AttachCommand.self, NoteCommand.self, ContactCommand.self, WaitlistCommand.self, AuditCommand.self,
            ImportCommand.self, DemoCommand.self, IntakeCommand.self, AgreementCommand.self, ReviewCommand.self, DueCommand.self, ReportCommand.self, BatchCommand.self, HandoverCommand.self, KeysCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
            InitCommand.self, MigrateCommand.self, UserCommand.self, KioskCommand.self,
        ]
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = try AppContext(options: store.config)
        let databaseFile = try store.databaseFile(context)
        let accounts = Accounts(database: try LotseDatabase.open(at: databaseFile))
        if try !accounts.hasUsers(), isatty(STDIN_FILENO) == 1 {
            // A new installation (`make run` on a fresh machine): create the first admin.
            try SecureStart.requireRoot("init")
            context.voice.say("repl.firstRun", ["account": .text(CaseStore.operatingSystemUser)])
            let admin = try InitCommand.createAdmin(database: accounts.database, name: nil, password: try PasswordOptions.parse([]), voice: context.voice)
            context.voice.say("repl.adminCreated", ["user": .text(admin.name)])
        }
        let principal = try accounts.principal(osUser: CaseStore.operatingSystemUser)  // refuse an unmapped account before the prompt
        // The commands typed there use this configuration and database, opened once.
        Repl(workplace: try Workplace(context: try context.speaking(to: principal), options: store.config, databaseFile: databaseFile), principal: principal).run()
    }

    /// Runs one command line. Errors of lotse print one line and set the exit code;
    /// argument errors print ArgumentParser's usage message.
    static func main() {
        umask(0o077)  // files lotse creates (databases, bundles, exports, keys) are private
        if UserRights.secure { SecureStart.prepare(arguments: CommandLine.arguments) }
        let crashLog = Locations().crashLog
        CrashGuard.install(crashFile: crashLog, message: "lotse: " + Voice.startup.text(Message("error.crash", ["file": .text(crashLog.path)], namespace: "crash")))
        // Started as `lotse-kiosk` (as a login shell, login(1) names it "-lotse-kiosk"):
        // the kiosk, whatever the arguments.
        if URL(fileURLWithPath: CommandLine.arguments[0]).lastPathComponent.trimmingPrefix("-") == "lotse-kiosk" {
            do { try KioskCommand.parse([]).run() } catch { Voice.startup.error(error) }
            Foundation.exit(1)
        }
        let words = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any LotseError {
            // Said outside the command's session: in the mapped user's language.
            Console.userVoice(words).error(error)
            exit(withError: ExitCode(error.exitCode))
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)  // a kiosk session that ends with its terminal
        } catch where Console.isArgumentError(error) {
            // Help, version and argument errors, said by lotse in the session's language;
            // a mistake in the arguments is a user error.
            switch ArgumentErrorText.outcome(for: error, words: words, catalog: Console.userVoice(words).catalog) {
            case .output(let text):
                print(text)
                Foundation.exit(0)
            case .mistake(let text):
                Console.standardError(text + "\n")
                Foundation.exit(UsageError.exitCode)
            }
        } catch {
            Console.userVoice(words).error(error)
            Foundation.exit(2)
        }
    }
}
