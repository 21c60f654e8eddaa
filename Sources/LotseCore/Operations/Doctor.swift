import Foundation
import GRDB

/// One finding of `lotse doctor`: what was checked, how it stands and what to do.
public struct Finding: Sendable, Equatable, Codable {
    public enum Level: String, Sendable, Codable { case ok, warning, problem }
    public var level: Level
    public var check: String
    public var message: String
    /// What to do about it; empty when all is well.
    public var advice: String
}

/// The health check an IT department runs: file modes, SQLite integrity and foreign
/// keys, the audit chain, attachment checksums, configuration and free disk space.
public struct Doctor {
    public let store: CaseStore
    public let trustedKeysDir: String?

    public init(store: CaseStore, trustedKeysDir: String?) {
        self.store = store
        self.trustedKeysDir = trustedKeysDir
    }

    /// Members of the group of the database or its folder: in the shared installation
    /// the `lotse` group, whose members one widened mode would let at the data.
    static func usersReaching(_ path: String) -> [String] {
        var names: Set<String> = []
        for file in [path, URL(fileURLWithPath: path).deletingLastPathComponent().path] {
            var info = stat()
            guard stat(file, &info) == 0, let group = getgrgid(info.st_gid) else { continue }
            var member = group.pointee.gr_mem
            while let name = member?.pointee {
                names.insert(String(cString: name))
                member = member?.successor()
            }
        }
        return names.sorted()
    }

    public func run() throws -> [Finding] {
        try store.require(.configure)
        var findings: [Finding] = []
        func add(_ level: Finding.Level, _ check: String, _ message: String, _ advice: String = "") {
            findings.append(Finding(level: level, check: check, message: message, advice: advice))
        }
        if let path = store.database.path {
            let mode = Self.mode(path)
            if mode == 0o600 { add(.ok, "file modes", "database \(String(mode, radix: 8))") }
            else { add(.problem, "file modes", "database \(path) has mode \(String(mode, radix: 8))", "chmod 600 \(path); only lotse opens the database") }
            let reaching = Self.usersReaching(path)
            if !reaching.isEmpty {
                add(.problem, "file modes", "users in the data files' group, who could reach them without lotse: \(reaching.joined(separator: ", "))",
                    "remove them from the database's group (gpasswd -d USER GROUP) and chmod 700 the folder; roles are the only way to the data")
            }
            let folder = store.attachmentsFolder.path
            if FileManager.default.fileExists(atPath: folder), ![0o700, 0o770].contains(Self.mode(folder)) {
                add(.problem, "file modes", "attachments folder \(folder) has mode \(String(Self.mode(folder), radix: 8))", "chmod 700 \(folder)")
            }
        }
        try store.database.writer.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity == ["ok"] { add(.ok, "integrity", "SQLite integrity_check ok") }
            else { add(.problem, "integrity", "integrity_check: \(integrity.prefix(3).joined(separator: "; "))", "restore the latest backup with 'lotse restore FILE'") }
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if broken.isEmpty { add(.ok, "foreign keys", "every reference resolves") }
            else { add(.problem, "foreign keys", "\(broken.count) rows refer to missing records (first in table \(broken[0][0] as String? ?? "?"))", "restore the latest backup; report the database to the vendor") }
            let audit = try AuditVerifier.verify(db)
            if audit.isIntact { add(.ok, "audit log", "\(audit.events) events, chain intact") }
            else { add(.problem, "audit log", audit.problems.joined(separator: "; "), "the log was tampered with: restore a backup and inform the data protection officer") }
            var damaged = 0, missing = 0
            let attachments = try Row.fetchAll(db, sql: "SELECT storedName, sha256 FROM attachment")
            for row in attachments {
                let url = store.attachmentsFolder.appendingPathComponent(row["storedName"] as String)
                if !FileManager.default.fileExists(atPath: url.path) { missing += 1; continue }
                if (try? BundleWriter.hash(url).0) != row["sha256"] as String { damaged += 1 }
                if Self.mode(url.path) != 0o600 && Self.mode(url.path) != 0o660 { add(.problem, "file modes", "attachment \(url.lastPathComponent) is readable by others", "chmod 600 \(url.path)") }
            }
            if missing + damaged == 0 { add(.ok, "attachments", "\(attachments.count) files match their checksums") }
            else { add(.problem, "attachments", "\(missing) missing and \(damaged) damaged attachment files", "restore the attachments folder from the latest backup") }
        }
        if let trustedKeysDir {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: trustedKeysDir, isDirectory: &isFolder), isFolder.boolValue { add(.ok, "configuration", "plugins.json valid; trusted keys folder present") }
            else { add(.warning, "configuration", "trustedKeysDir \(trustedKeysDir) does not exist", "create it and put the senders' .pub keys there") }
        } else {
            add(.ok, "configuration", "plugins.json valid")
        }
        if let path = store.database.path {
            var stats = statvfs()
            if statvfs(URL(fileURLWithPath: path).deletingLastPathComponent().path, &stats) == 0 {
                let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
                let needed = max(1 << 30, 2 * size)
                if free >= needed { add(.ok, "disk space", "\(free >> 20) MB free") }
                else { add(.warning, "disk space", "only \(free >> 20) MB free", "free at least \(needed >> 20) MB: backups and archive runs need room for a copy of the database") }
            }
        }
        return findings
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? 0
    }
}
