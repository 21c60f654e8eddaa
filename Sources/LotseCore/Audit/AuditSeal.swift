import Crypto
import Foundation
import GRDB

/// The key that seals the audit chain's head: `auditHead.mac` is an HMAC-SHA256 over
/// the chain's length and last hash, with a key only lotse reads: `audit.key` in the
/// database's folder (`/var/lib/lotse/audit.key` in the shared installation), mode 0600,
/// so a backup restored into the same folder verifies and a database copied elsewhere
/// without its key does not. Cutting events off and rewriting the head to match, or a
/// backup whose chain was shortened, no longer verifies without the key.
///
/// Every write transaction re-seals the head it changed, but only if the head it found
/// was sealed by this key: a head changed behind lotse's back stays unsealed, so the
/// evidence is still there for `audit verify`.
public struct AuditSeal: Sendable {
    /// The key's 32 bytes (`SymmetricKey` is not `Sendable`).
    private let key: Data

    /// A fresh key (an in-memory database).
    static func random() -> AuditSeal { AuditSeal(key: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }) }

    /// Where a database's key lives.
    static func file(forDatabase path: String) -> URL {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("audit.key")
    }

    /// The database's key; made (0600) when there is none, then `created` is true.
    static func load(forDatabase path: String) throws(DataError) -> (seal: AuditSeal, created: Bool) {
        let file = self.file(forDatabase: path)
        if let data = FileManager.default.contents(atPath: file.path), data.count == 32 {
            return (AuditSeal(key: data), false)
        }
        let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let descriptor = open(file.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
        if descriptor < 0, errno == EEXIST, let data = FileManager.default.contents(atPath: file.path), data.count == 32 {
            return (AuditSeal(key: data), false)  // another process made it a moment ago
        }
        guard descriptor >= 0 else { throw DataError("audit.keyFile", ["path": .text(file.path), "reason": .message(.system(errno))]) }
        defer { close(descriptor) }
        let written = key.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == 32, fsync(descriptor) == 0 else { throw DataError("audit.keyFile", ["path": .text(file.path), "reason": .message(.system(errno))]) }
        return (AuditSeal(key: key), true)
    }

    func mac(count: Int64, lastHash: String) -> String {
        Checksum.hex(HMAC<SHA256>.authenticationCode(for: Data("lotse-audit-head\n\(count)\n\(lastHash)".utf8), using: SymmetricKey(data: key)))
    }

    /// The stored head, or nil when the chain is empty.
    private func stored(_ db: Database) throws -> (count: Int64, lastHash: String, mac: String?)? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT count, lastHash, mac FROM auditHead WHERE id = 1")).map { ($0["count"], $0["lastHash"], $0["mac"]) }
    }

    /// Whether the head is sealed by this key (an empty chain is).
    func holds(_ db: Database) throws -> Bool {
        guard let head = try stored(db) else { return true }
        return head.mac == mac(count: head.count, lastHash: head.lastHash)
    }

    /// Whether the head was never sealed (a database from before the key).
    func unsealed(_ db: Database) throws -> Bool {
        guard let head = try stored(db) else { return false }
        return head.mac == nil
    }

    /// Seals the head as it stands.
    func seal(_ db: Database) throws {
        guard let head = try stored(db) else { return }
        let mac = mac(count: head.count, lastHash: head.lastHash)
        if head.mac != mac { try db.execute(sql: "UPDATE auditHead SET mac = ? WHERE id = 1", arguments: [mac]) }
    }

    /// Keys a head that was never sealed, with an event saying so (`why`: a database or
    /// a backup from before the key).
    func key(_ db: Database, why: String) throws {
        try AuditLog(db, actor: "lotse").record(.update, "auditHead", id: 1, caseId: nil, field: "keyed", value: .some(why))
        try seal(db)
    }
}
