import ArgumentParser
import Foundation
import LotseCore

extension Lotse.BackupCommand {
    struct Prune: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "prune", abstract: "Delete backups older than the backup retention (plugins.json backupRetentionDays).")
        @OptionGroup var config: ConfigOptions
        @Argument(help: "Folder of the backups.") var folder: String
        @Flag(name: .customLong("dry-run"), help: "List them; delete nothing.") var dryRun = false

        func run(in source: SessionSource) throws {
            let context = try source.context(config)
            let voice = context.voice
            let days = context.configuration.deployment.backupRetentionDays
            let expired = try Backup.expired(in: URL(fileURLWithPath: folder), olderThanDays: days)
            for url in expired {
                if !dryRun { try FileManager.default.removeItem(at: url) }
                voice.say(dryRun ? "backup.wouldDelete" : "backup.deleted", ["file": .text(url.lastPathComponent), "days": .number(days)])
            }
            voice.say(dryRun ? "backup.wouldDeleteCount" : "backup.deletedCount", ["count": .number(expired.count)])
        }
    }
}
