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
        ]
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = try AppContext(options: store.config)
        // Commands typed in the REPL use the same database as the REPL.
        if let path = store.path { setenv("LOTSE_DB", path, 1) }
        Repl(context: context).run()
    }

    /// Runs one command line. Errors of lotse print one line and set the exit code;
    /// argument errors print ArgumentParser's usage message.
    static func main() {
        umask(0o077)  // files lotse creates (databases, bundles, exports, keys) are private
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as any LotseError {
            Console.error(error.message)
            exit(withError: ExitCode(error.exitCode))
        } catch {
            exit(withError: error)
        }
    }
}
