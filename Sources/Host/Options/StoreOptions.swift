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

    /// Loads the configuration and opens the store, acting as the user logged in at the
    /// kiosk, else as the lotse user mapped to the operating-system account.
    func session() throws -> Session {
        let context = try AppContext(options: config)
        let file = context.locations.database(explicit: path)
        // Scratch files and folders of lotse processes that were killed (see PartialFile).
        PartialFile.removeStale(in: file.deletingLastPathComponent())
        if UserRights.secure { PartialFile.removeStale(in: Locations.scratch) }
        let database = try LotseDatabase.open(at: file)
        let principal = try Identity.kioskUser ?? Accounts(database: database).principal(osUser: CaseStore.operatingSystemUser)
        var store = CaseStore(database: database, principal: principal, vocabulary: try context.vocabulary())
        store.fieldLimits = context.configuration.deployment.fieldLimits
        store.attachmentLimit = Int64(context.configuration.deployment.attachmentMaxMB) << 20
        return Session(context: try context.speaking(to: principal), store: store)
    }
}
