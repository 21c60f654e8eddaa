import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse restore FILE`.
    struct RestoreCommand: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Check a backup completely, then put it in place; the previous database is kept beside it."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The backup file.") var file: String
        @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "file")) var passphraseFile: String?

        func run(in source: SessionSource) throws {
            let context = try AppContext(options: store.config)
            let voice = context.voice
            let database = context.locations.database(explicit: store.path)
            // First who asks: only an admin of the database in place may replace it (its
            // connection closes at the end of this block, before the file is swapped).
            var actor: String?
            if FileManager.default.fileExists(atPath: database.path) {
                let admin = try source.session(store).store
                try admin.require(.configure)
                actor = admin.principal.name
            } else {
                try SecureStart.requireRoot("restore \(file)")
            }
            // Then the file, bounded; the batch lock only once it is here and readable,
            // so a file that never ends (a FIFO) holds no lock.
            let limit = Int64(context.configuration.deployment.backupMaxMB) << 20
            let backup = try UserRights.fetch(file, limit: limit)
            defer { backup.discard() }
            let encrypted = (try? BundleReader.isEncrypted(backup.url.path)) ?? false
            let passphrase = encrypted || passphraseFile != nil ? try Passphrase.read(file: passphraseFile, confirm: false, voice: voice) : nil
            let lock = try BatchLock(database: database.path)
            defer { withExtendedLifetime(lock) {} }
            let previous = try Backup.restore(from: backup.url.path, passphrase: passphrase, database: database,
                                              attachments: URL(fileURLWithPath: database.path + ".files"), maxBytes: UInt64(limit), actor: actor)
            voice.say("restore.done", ["file": .text(file), "database": .text(database.path), "previous": .text(previous.lastPathComponent)])
        }
    }
}
