import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse backup [-o FILE] [--encrypt]`, `lotse backup prune DIR`.
    struct BackupCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Back up the database and attachments into one file (mode 0600) while others keep working.",
            subcommands: [Create.self, Prune.self],
            defaultSubcommand: Create.self
        )

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "create", abstract: "Write a backup.")
            @OptionGroup var store: StoreOptions
            @Option(name: .shortAndLong, help: "Backup file, or a folder for a new lotse-backup-TIMESTAMP.zip (default: here).") var output: String?
            @Flag(help: "Encrypt with AES-256 (passphrase asked twice or --passphrase-file).") var encrypt = false
            @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "file")) var passphraseFile: String?

            func run() throws {
                let session = try store.session()
                let passphrase = encrypt || passphraseFile != nil ? try Passphrase.read(file: passphraseFile, confirm: true) : nil
                let name = "lotse-backup-\(Int(Date().timeIntervalSince1970)).zip"
                var path = output ?? name
                var isFolder: ObjCBool = false
                if UserRights.asUser({ FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) }), isFolder.boolValue {
                    path = URL(fileURLWithPath: path).appendingPathComponent(name).path  // -o FOLDER: a new file there
                }
                let staging = UserRights.staging(for: path)
                let files = try Backup(store: session.store).write(to: staging.path, passphrase: passphrase)
                try UserRights.deliver(staging, to: path)
                Console.say(passphrase == nil ? "backup.written" : "backup.writtenEncrypted", ["file": .text(path), "files": .number(files)])
            }
        }

        struct Prune: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "prune", abstract: "Delete backups older than the backup retention (plugins.json backupRetentionDays).")
            @OptionGroup var config: ConfigOptions
            @Argument(help: "Folder of the backups.") var folder: String
            @Flag(name: .customLong("dry-run"), help: "List them; delete nothing.") var dryRun = false

            func run() throws {
                let context = try AppContext(options: config)
                let days = context.configuration.deployment.backupRetentionDays
                let expired = try Backup.expired(in: URL(fileURLWithPath: folder), olderThanDays: days)
                for url in expired {
                    if !dryRun { try FileManager.default.removeItem(at: url) }
                    Console.say(dryRun ? "backup.wouldDelete" : "backup.deleted", ["file": .text(url.lastPathComponent), "days": .number(days)])
                }
                Console.say(dryRun ? "backup.wouldDeleteCount" : "backup.deletedCount", ["count": .number(expired.count)])
            }
        }
    }

    /// `lotse restore FILE`.
    struct RestoreCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Check a backup completely, then put it in place; the previous database is kept beside it."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The backup file.") var file: String
        @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "file")) var passphraseFile: String?

        func run() throws {
            let context = try AppContext(options: store.config)
            let database = context.locations.database(explicit: store.path)
            let lock = try BatchLock(database: database.path)
            defer { withExtendedLifetime(lock) {} }
            let backup = try UserRights.fetch(file)
            defer { backup.discard() }
            let encrypted = (try? BundleReader.isEncrypted(backup.url.path)) ?? false
            let passphrase = encrypted || passphraseFile != nil ? try Passphrase.read(file: passphraseFile, confirm: false) : nil
            if FileManager.default.fileExists(atPath: database.path) {
                // Only an admin of the database in place may replace it; its connection
                // closes at the end of this block, before the file is swapped.
                try store.session().store.require(.configure)
            } else {
                try SecureStart.requireRoot("restore \(file)")
            }
            let previous = try Backup.restore(from: backup.url.path, passphrase: passphrase, database: database,
                                              attachments: URL(fileURLWithPath: database.path + ".files"))
            Console.say("restore.done", ["file": .text(file), "database": .text(database.path), "previous": .text(previous.lastPathComponent)])
        }
    }

    /// `lotse doctor`.
    struct DoctorCommand: ParsableCommand {
        /// A finding in `--json`: the check and the message's code for programs, the texts for people.
        struct Rendered: Encodable {
            let level: Finding.Level
            let check: Finding.Check
            let code: String
            let message: String
            let advice: String?
        }

        static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Check file modes, database integrity, audit chain, attachments, configuration and disk space.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let session = try store.session()
            let findings = try Doctor(store: session.store, trustedKeysDir: session.context.configuration.deployment.trustedKeysDir).run()
            if output.json {
                print(try JSONOutput.string(findings.map {
                    Rendered(level: $0.level, check: $0.check, code: $0.message.key, message: Console.text($0.message), advice: $0.advice.map(Console.text))
                }))
            } else {
                for finding in findings {
                    let line: [String: TextValue] = ["level": .label("doctor.level.\(finding.level.rawValue)"), "check": finding.check.label, "message": .message(finding.message)]
                    Console.say(finding.advice.map { Message("doctor.lineAdvice", line.merging(["advice": .message($0)]) { $1 }) } ?? Message("doctor.line", line))
                }
            }
            let problems = findings.filter { $0.level == .problem }.count
            if problems > 0 { throw DataError("doctor.problems", ["count": .number(problems)]) }
        }
    }
}
