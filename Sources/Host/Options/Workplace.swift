import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// What the REPL and the kiosk hold open from one line to the next: the configuration
/// they started with, the database, and, in the kiosk, who logged in. Every command typed
/// there is handed it (`SessionSource`); a command run from the shell opens its own.
final class Workplace {
    private(set) var context: AppContext
    private let options: ConfigOptions
    private let databaseFile: URL
    private var database: LotseDatabase
    /// The kiosk's logged-in user; nil: the lotse user mapped to the OS account, read
    /// anew for each line (a `user role` typed here counts at once).
    let kioskUser: Principal?
    /// When plugins.json was read: a changed file is read again before the next line.
    private var configurationDate: Date?
    private let vocabulary: Vocabulary
    /// The words of the last line's session (the user's language): what the REPL says
    /// around the commands (their errors, help) is said in it.
    private(set) var voice: Voice

    init(context: AppContext, options: ConfigOptions, databaseFile: URL, kioskUser: Principal? = nil) throws {
        self.context = context
        self.options = options
        self.databaseFile = databaseFile
        self.kioskUser = kioskUser
        database = try LotseDatabase.open(at: databaseFile)
        vocabulary = try context.vocabulary()
        configurationDate = Self.modified(context.configuration.source)
        voice = context.voice
    }

    private static func modified(_ path: String?) -> Date? {
        path.flatMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
    }

    /// The session for one line: the open database, the principal as it is now.
    func session() throws -> Session {
        if Self.modified(context.configuration.source) != configurationDate { try reload() }
        let principal = try kioskUser ?? Accounts(database: database).principal(osUser: CaseStore.operatingSystemUser)
        let session = try Session(context: context, database: database, principal: principal, vocabulary: vocabulary)
        voice = session.voice
        return session
    }

    /// Reads plugins.json again (`reload`, or the file changed).
    func reload() throws {
        let fresh = try AppContext(options: options, locations: context.locations)
        context = try kioskUser.map { try fresh.speaking(to: $0) } ?? fresh
        configurationDate = Self.modified(context.configuration.source)
        voice = context.voice
    }

    /// Opens the database again (after `restore` replaced it).
    func reopen() throws {
        database = try LotseDatabase.open(at: databaseFile)
    }
}

/// Where a command gets its session and configuration: the REPL's open workplace, or,
/// for a command from the shell (or a line that names its own --db or --config), the
/// command's own options.
struct SessionSource {
    var workplace: Workplace?

    func session(_ options: StoreOptions) throws -> Session {
        if let workplace, workplace.kioskUser != nil || (options.path == nil && options.config.path == nil) { return try workplace.session() }
        return try options.session()
    }

    /// The words for a command that needs no configuration: the REPL's, else those of
    /// the mapped user (as for the shell's argument errors).
    var voice: Voice { workplace?.voice ?? Console.userVoice(Array(CommandLine.arguments.dropFirst())) }

    func context(_ options: ConfigOptions) throws -> AppContext {
        if let workplace, workplace.kioskUser != nil || options.path == nil { return workplace.context }
        return try AppContext(options: options)
    }
}

/// A lotse command: run with a source of its session. From the shell the source is
/// empty and the command opens what it needs from its options.
protocol LotseCommand: ParsableCommand {
    func run(in source: SessionSource) throws
}

extension LotseCommand {
    func run() throws { try run(in: SessionSource()) }
}
