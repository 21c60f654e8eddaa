import ArgumentParser
import Foundation
import LotseCore

/// `lotse migrate`: brings the database's schema up to date, after a backup of it.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Bring the database's schema up to date; a copy of the database is kept first.",
        discussion: "The Debian package runs it on upgrade. The copy goes to /var/backups/lotse in the shared installation, else beside the database."
    )
    @OptionGroup var store: StoreOptions

    func run() throws {
        let context = try AppContext(options: store.config)
        let voice = context.voice
        try SecureStart.requireRoot("migrate")
        let url = context.locations.database(explicit: store.path)
        let database = try LotseDatabase.open(at: url, schema: .asFound)
        let pending = try database.pendingMigrations()
        guard !pending.isEmpty else { return voice.say("migrate.upToDate", ["schema": .text(LotseDatabase.schemaVersions.last ?? "")]) }
        let folder = UserRights.secure ? URL(fileURLWithPath: "/var/backups/lotse") : url.deletingLastPathComponent()
        let copy = folder.appendingPathComponent("\(url.deletingPathExtension().lastPathComponent)-before-\(pending[0])-\(Int(Date().timeIntervalSince1970)).sqlite")
        try database.copy(to: copy)
        try database.migrate()
        voice.say("migrate.done", ["path": .text(url.path), "migrations": .list(pending.map { .text($0) }), "copy": .text(copy.path)])
    }
}
