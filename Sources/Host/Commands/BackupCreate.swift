import ArgumentParser
import Foundation
import LotseCore

extension Lotse.BackupCommand {
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
}
