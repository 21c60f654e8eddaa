import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// Which database to use, plus the configuration: shared by every command that reads
/// or writes case data.
struct StoreOptions: ParsableArguments {
    @OptionGroup var config: ConfigOptions

    @Option(name: .customLong("db"), help: ArgumentHelp("Database file (else $LOTSE_DB, else lotse.sqlite in the XDG data directory).", valueName: "file"))
    var path: String?

    /// Loads the configuration and opens the store, acting as the lotse user mapped to
    /// the operating-system account (the REPL and the kiosk hand their own, `Workplace`).
    func session() throws -> Session {
        let context = try AppContext(options: config)
        let file = try databaseFile(context)
        let database = try LotseDatabase.open(at: file)
        return try Session(context: context, database: database, principal: try Accounts(database: database).principal(osUser: CaseStore.operatingSystemUser),
                           vocabulary: try context.vocabulary())
    }

    /// The database file, with what killed lotse processes left beside it removed (see PartialFile).
    func databaseFile(_ context: AppContext) throws -> URL {
        let file = context.locations.database(explicit: path)
        PartialFile.removeStale(in: file.deletingLastPathComponent())
        if UserRights.secure { PartialFile.removeStale(in: Locations.scratch) }
        return file
    }
}
