import ArgumentParser
import Foundation
import LotseCore

extension Lotse.BackupCommand {
    struct Create: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "create", abstract: "Write a backup.")
        @OptionGroup var store: StoreOptions
        @Option(name: .shortAndLong, help: "Backup file, or a folder for a new lotse-backup-TIMESTAMP.zip (default: here).") var output: String?
        @Flag(help: "Encrypt with AES-256 (passphrase asked twice or --passphrase-file).") var encrypt = false
        @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "file")) var passphraseFile: String?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            try session.store.require(.configure)  // before a passphrase file of the user's is read
            let passphrase = encrypt || passphraseFile != nil ? try Passphrase.read(file: passphraseFile, confirm: true, voice: voice) : nil
            let name = "lotse-backup-\(Int(Date().timeIntervalSince1970)).zip"
            if passphrase == nil, UserRights.secure {
                // In the shared installation a backup is never plain: without a passphrase
                // of the admin's own it is encrypted with the installation's key and stays
                // where only lotse and root read.
                guard output == nil else { throw UsageError("backup.secureNeedsPassphrase") }
                guard let key = try? String(contentsOf: Locations.installationBackupKey, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty else {
                    throw DataError("backup.noInstallationKey", ["file": .text(Locations.installationBackupKey.path)])
                }
                let path = Locations.systemBackups.appendingPathComponent(name)
                let files = try Backup(store: session.store).write(to: path.path, passphrase: key)
                return voice.say("backup.writtenInstallation", ["file": .text(path.path), "files": .number(files)])
            }
            var path = output ?? name
            var isFolder: ObjCBool = false
            if UserRights.asUser({ FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) }), isFolder.boolValue {
                path = URL(fileURLWithPath: path).appendingPathComponent(name).path  // -o FOLDER: a new file there
            }
            let staging = UserRights.staging(for: path)
            let files = try Backup(store: session.store).write(to: staging.path, passphrase: passphrase)
            try UserRights.deliver(staging, to: path)
            voice.say(passphrase == nil ? "backup.written" : "backup.writtenEncrypted", ["file": .text(path), "files": .number(files)])
        }
    }
}
