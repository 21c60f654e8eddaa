import Foundation
import GRDB

/// The health check an IT department runs: file modes, SQLite integrity and foreign
/// keys, the audit chain, attachment checksums, configuration, free disk space, and
/// whether cases past retention wait on the archive or were never offered to it.
public struct Doctor {
    public let store: CaseStore
    public let deployment: Deployment
    public var trustedKeysDir: String? { deployment.trustedKeysDir }

    public init(store: CaseStore, deployment: Deployment) {
        self.store = store
        self.deployment = deployment
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
        func add(_ level: Finding.Level, _ check: Finding.Check, _ message: Message, _ advice: Message? = nil) {
            findings.append(Finding(level: level, check: check, message: message, advice: advice))
        }
        if let path = store.database.path {
            let mode = Self.mode(path)
            if mode == 0o600 { add(.ok, .fileModes, Message("doctor.databaseMode", ["mode": .text(String(mode, radix: 8))])) }
            else { add(.problem, .fileModes, Message("doctor.databaseModeWrong", ["path": .text(path), "mode": .text(String(mode, radix: 8))]), Message("doctor.chmodDatabase", ["path": .text(path)])) }
            let reaching = Self.usersReaching(path)
            if !reaching.isEmpty {
                add(.problem, .fileModes, Message("doctor.groupMembers", ["users": .list(reaching.map { .text($0) })]), "doctor.groupMembersAdvice")
            }
            let folder = store.attachmentsFolder.path
            if FileManager.default.fileExists(atPath: folder), ![0o700, 0o770].contains(Self.mode(folder)) {
                add(.problem, .fileModes, Message("doctor.folderMode", ["path": .text(folder), "mode": .text(String(Self.mode(folder), radix: 8))]), Message("doctor.chmod", ["mode": "700", "path": .text(folder)]))
            }
        }
        try store.database.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity == ["ok"] { add(.ok, .integrity, "doctor.integrityOk") }
            else { add(.problem, .integrity, Message("doctor.integrity", ["detail": .text(integrity.prefix(3).joined(separator: "; "))]), "doctor.restoreBackup") }
            let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            if broken.isEmpty { add(.ok, .foreignKeys, "doctor.foreignKeysOk") }
            else { add(.problem, .foreignKeys, Message("doctor.foreignKeys", ["count": .number(broken.count), "table": .text(broken[0][0] as String? ?? "?")]), "doctor.foreignKeysAdvice") }
            let audit = try AuditVerifier.verify(db, seal: store.database.seal)
            if audit.isIntact { add(.ok, .auditLog, Message("doctor.auditOk", ["count": .number(audit.events)])) }
            else { add(.problem, .auditLog, Message("doctor.audit", ["problems": .list(audit.problems.map(TextValue.message))]), "doctor.auditAdvice") }
            var damaged = 0, missing = 0
            let attachments = try Attachment.fetchAll(db)
            for attachment in attachments {
                let url = store.attachmentsFolder.appendingPathComponent(attachment.storedName)
                if !FileManager.default.fileExists(atPath: url.path) { missing += 1; continue }
                if (try? Checksum.of(file: url).sha256) != attachment.sha256 { damaged += 1 }
                if Self.mode(url.path) != 0o600 && Self.mode(url.path) != 0o660 { add(.problem, .fileModes, Message("doctor.attachmentMode", ["file": .text(url.lastPathComponent)]), Message("doctor.chmod", ["mode": "600", "path": .text(url.path)])) }
            }
            if missing + damaged == 0 { add(.ok, .attachments, Message("doctor.attachmentsOk", ["count": .number(attachments.count)])) }
            else { add(.problem, .attachments, Message("doctor.attachments", ["missing": .number(missing), "damaged": .number(damaged)]), "doctor.attachmentsAdvice") }
            // What a killed process left: partial copies (removed now) and files no record names.
            let removed = PartialFile.removeStale(in: store.attachmentsFolder)
            if !removed.isEmpty { add(.warning, .attachments, Message("doctor.partialRemoved", ["count": .number(removed.count), "folder": .text(store.attachmentsFolder.path)])) }
            let known = Set(attachments.map(\.storedName))
            let orphans = ((try? FileManager.default.contentsOfDirectory(atPath: store.attachmentsFolder.path)) ?? []).filter { !known.contains($0) }
            if !orphans.isEmpty {
                let bytes = orphans.reduce(Int64(0)) { $0 + ((try? FileManager.default.attributesOfItem(atPath: store.attachmentsFolder.appendingPathComponent($1).path)[.size] as? Int64) ?? 0) }
                add(.problem, .attachments, Message("doctor.orphans", ["count": .number(orphans.count), "megabytes": .number(Int(bytes >> 20)), "folder": .text(store.attachmentsFolder.path)]), "doctor.orphansAdvice")
            }
        }
        if let trustedKeysDir {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: trustedKeysDir, isDirectory: &isFolder), isFolder.boolValue { add(.ok, .configuration, "doctor.configurationKeys") }
            else { add(.warning, .configuration, Message("doctor.noKeysFolder", ["path": .text(trustedKeysDir)]), "doctor.noKeysFolderAdvice") }
        } else {
            add(.ok, .configuration, "doctor.configurationOk")
        }
        if deployment.archiveOffer {
            let standing = try store.archiveOfferBacklog(deployment: deployment, on: .today)
            if standing.neverOffered + standing.unanswered == 0 { add(.ok, .archiveOffer, "doctor.archiveOfferOk") }
            if standing.neverOffered > 0 { add(.warning, .archiveOffer, Message("doctor.neverOffered", ["count": .number(standing.neverOffered)]), "doctor.neverOfferedAdvice") }
            if standing.unanswered > 0 {
                add(.warning, .archiveOffer, Message("doctor.offerUnanswered", ["count": .number(standing.unanswered), "months": .number(deployment.archiveAnswerMonths)]),
                    "doctor.offerUnansweredAdvice")
            }
        }
        if let path = store.database.path {
            var stats = statvfs()
            if statvfs(URL(fileURLWithPath: path).deletingLastPathComponent().path, &stats) == 0 {
                let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
                let needed = max(1 << 30, 2 * size)
                if free >= needed { add(.ok, .diskSpace, Message("doctor.diskOk", ["megabytes": .number(Int(free >> 20))])) }
                else { add(.warning, .diskSpace, Message("doctor.disk", ["megabytes": .number(Int(free >> 20))]), Message("doctor.diskAdvice", ["megabytes": .number(Int(needed >> 20))])) }
            }
        }
        return findings
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? Int) ?? 0
    }
}
