import Crypto
import Foundation
import GRDB

/// `lotse backup` and `lotse restore`: one zip file (mode 0600, optionally AES-256)
/// holding a consistent copy of the database (VACUUM INTO from a read snapshot, so
/// others keep working) and the attachments, with a SHA-256 manifest.
public struct Backup {
    static let folder = "lotse-backup"

    public let store: CaseStore

    public init(store: CaseStore) { self.store = store }

    /// Writes a backup; returns the number of attachment files it holds.
    @discardableResult
    public func write(to path: String, passphrase: String?) throws -> Int {
        try store.require(.configure)
        guard !FileManager.default.fileExists(atPath: path) else { throw UsageError("file.exists", ["path": .text(path)]) }
        let work = PartialFile.scratch(in: Locations.scratch, named: "lotse-backup")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let snapshot = work.appendingPathComponent("database.sqlite")
        try store.database.vacuum(into: snapshot.path)
        let files = try DatabaseQueue(path: snapshot.path).read {
            try Attachment.order(Attachment.Columns.id).select(Attachment.Columns.storedName, as: String.self).fetchAll($0)
        }
        var manifest: [String] = []
        let url = URL(fileURLWithPath: path)
        PartialFile.removeStale(in: url.deletingLastPathComponent(), name: url.lastPathComponent)
        let temporary = PartialFile.path(for: path)
        let zip = try ZipWriter(path: temporary)
        let (dbHash, _) = try Checksum.of(file: snapshot)
        manifest.append("\(dbHash)  database.sqlite")
        try zip.add("\(Self.folder)/database.sqlite", file: snapshot, compress: true, level: 1)  // fast: backups run while people work
        for name in files {
            let file = store.attachmentsFolder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw DataError("backup.attachmentMissing", ["file": .text(name)])
            }
            manifest.append("\(try Checksum.of(file: file).sha256)  files/\(name)")
            try zip.add("\(Self.folder)/files/\(name)", file: file, compress: false)
        }
        try zip.add("\(Self.folder)/manifest-sha256.txt", data: Data((manifest.joined(separator: "\n") + "\n").utf8), compress: true)
        try zip.add("\(Self.folder)/backup-info.txt", data: Data("lotse backup\ncreated: \(Timestamp.string(Date()))\nschema: \(LotseDatabase.schemaVersions.joined(separator: ","))\nfiles: \(files.count)\n".utf8), compress: true)
        if let passphrase { try zip.encryptAll(passphrase: passphrase) }
        try zip.close()
        chmod(temporary, 0o600)
        guard rename(temporary, path) == 0 else { throw DataError("file.write", ["path": .text(path), "reason": .message(.system(errno))]) }
        return files.count
    }

    /// Checks a backup completely, then replaces the database and attachments with it,
    /// keeping the previous ones beside them. Returns where the previous database went.
    /// The caller checks that an admin of the current database asks (see `RestoreCommand`).
    /// At most `maxBytes` are unpacked. The restored database's chain gets an event that
    /// names the restored head and the head it replaced, so a backup-restore cycle shows
    /// in `audit log`.
    public static func restore(from path: String, passphrase: String?, database: URL, attachments: URL,
                               maxBytes: UInt64 = .max, actor: String? = nil) throws -> URL {
        let zip = try ZipReader(path: path, passphrase: passphrase, maxEntries: 1_000_000)
        let work = PartialFile.scratch(in: database.deletingLastPathComponent(), named: ".lotse-restore")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("files"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        var byName: [String: ZipReader.Entry] = [:]
        for entry in zip.entries {
            let parts = entry.name.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.first == Substring(folder), !parts.contains(".."), !entry.name.contains("\\"), !entry.isSymlink,
                  parts.count == 2 || (parts.count == 3 && parts[1] == "files" && !parts[2].isEmpty && !parts[2].hasPrefix(".")) else {
                throw BundleError.unsafe(Message("backup.unsafe", ["entry": .text(entry.name)]))
            }
            guard byName.updateValue(entry, forKey: String(entry.name.dropFirst(folder.count + 1))) == nil else { throw BundleError.unsafe(Message("bundle.entryTwice", ["entry": .text(entry.name)])) }
        }
        if zip.entries.contains(where: \.encrypted), passphrase == nil { throw BundleError.passphrase }
        guard let manifestEntry = byName["manifest-sha256.txt"] else { throw BundleError.manifest("backup.noManifest") }
        var manifestData = Data()
        try zip.read(manifestEntry, limit: 64 << 20) { manifestData.append(contentsOf: $0) }
        var manifest: [String: String] = [:]
        for line in String(decoding: manifestData, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { throw BundleError.manifest("backup.manifestMalformed") }
            manifest[parts[1].trimmingCharacters(in: .whitespaces)] = String(parts[0])
        }
        guard manifest["database.sqlite"] != nil else { throw BundleError.manifest("backup.noDatabase") }
        var unpacked: UInt64 = 0
        for (name, hash) in manifest {
            guard let entry = byName[name] else { throw BundleError.manifest(Message("backup.missing", ["entry": .text(name)])) }
            let target = work.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let output = FileHandle(forWritingAtPath: target.path) else { throw DataError("error.cannotWrite", ["path": .text(target.path)]) }
            var checksum = Checksum()
            guard maxBytes >= unpacked else { throw DataError("restore.tooLarge", ["megabytes": .number(Int(maxBytes >> 20))]) }
            try zip.read(entry, limit: maxBytes - unpacked) { bytes in
                unpacked += UInt64(bytes.count)
                checksum.update(bytes)
                try output.write(contentsOf: Data(bytes))
            }
            try output.close()
            guard checksum.hex == hash else { throw BundleError.checksum(Message("backup.checksum", ["entry": .text(name)])) }
        }
        let restored = work.appendingPathComponent("database.sqlite")
        // In the shared installation the backup's head must be sealed by the installation's
        // key (a backup from before the key is keyed, with an event). A personal
        // database's owner holds every file anyway: a backup of another folder's
        // database is keyed here, with the same event.
        let (seal, fresh) = try AuditSeal.load(forDatabase: database.path)
        var rekey = fresh || !UserRights.secure
        do {
            let queue = try DatabaseQueue(path: restored.path)
            try queue.read { db in
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard integrity == ["ok"] else { throw DataError("restore.integrity", ["detail": .text(integrity.first ?? "")]) }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                guard Set(applied).isSubset(of: Set(LotseDatabase.schemaVersions)) else {
                    throw DataError("restore.newer", ["schema": .text(applied.joined(separator: ","))])
                }
                // The backup's head must be sealed by this installation's key; a backup
                // from before the key is accepted and keyed (with an event) below.
                if try seal.unsealed(db) { rekey = true }
                let audit = try AuditVerifier.verify(db, seal: rekey ? nil : seal)
                guard audit.isIntact else { throw DataError("restore.audit", ["problem": .message(audit.problems[0])]) }
            }
        } catch let error as DatabaseError {
            throw DataError("restore.unreadable", ["detail": .text(error.message ?? "SQLite \(error.resultCode)")])
        }
        let restoredHead = try DatabaseQueue(path: restored.path).read(AuditChain.head)
        let replacedHead = FileManager.default.fileExists(atPath: database.path) ? try? DatabaseQueue(path: database.path).read(AuditChain.head) : nil
        let stamp = Timestamp.string(Date()).replacingOccurrences(of: ":", with: "")
        let previous = URL(fileURLWithPath: database.path + ".before-restore-\(stamp)")
        if FileManager.default.fileExists(atPath: database.path) {
            _ = try? DatabaseQueue(path: database.path).writeWithoutTransaction { try $0.checkpoint(.truncate) }
            try FileManager.default.moveItem(at: database, to: previous)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
        }
        if FileManager.default.fileExists(atPath: attachments.path) {
            try FileManager.default.moveItem(at: attachments, to: URL(fileURLWithPath: previous.path + ".files"))
        }
        try FileManager.default.moveItem(at: restored, to: database)
        try FileManager.default.moveItem(at: work.appendingPathComponent("files"), to: attachments)
        try DatabaseQueue(path: database.path).write { db in
            if rekey { try seal.key(db, why: "backup") }
            let audit = AuditLog(db, actor: actor ?? "os:\(CaseStore.operatingSystemUser)")
            try audit.record(.restore, "database", id: nil, caseId: nil, field: "restoredHead", value: .some(restoredHead.description))
            try audit.record(.restore, "database", id: nil, caseId: nil, field: "replacedHead", value: .some(replacedHead?.description ?? "-"))
            try seal.seal(db)
        }
        return previous
    }

    /// Backup files in a folder older than `days` days, oldest first.
    public static func expired(in folder: URL, olderThanDays days: Int, now: Date = Date()) throws -> [URL] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("lotse-backup") && $0.hasSuffix(".zip") } } catch {
            throw UsageError("file.read", ["path": .text(folder.path), "reason": .message(.system(error))])
        }
        return try names.map { folder.appendingPathComponent($0) }.filter { url in
            let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date ?? now
            return now.timeIntervalSince(modified) > Double(days) * 86_400
        }.sorted { $0.path < $1.path }
    }
}
