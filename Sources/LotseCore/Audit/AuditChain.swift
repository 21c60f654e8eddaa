import Crypto
import Foundation
import GRDB

/// The hashing rules of the audit chain, shared by writing and verifying.
enum AuditChain {
    /// The "previous hash" of the first event.
    static let genesis = String(repeating: "0", count: 64)

    struct Event {
        let seq: Int64
        let at: String
        let actor: String
        let action: String
        let entity: String
        let entityId: Int64?
        let caseId: Int64?
        let field: String?
        let valueHash: String?

        /// SHA-256 over the previous hash and every column, each on its own line.
        func hash(after previous: String) -> String {
            let parts = [previous, String(seq), at, actor, action, entity, entityId.map(String.init) ?? "",
                         caseId.map(String.init) ?? "", field ?? "", valueHash ?? ""]
            return Checksum.of(Data(parts.joined(separator: "\n").utf8))
        }
    }

    static func valueHash(salt: String, value: String?) -> String {
        Checksum.of(Data((salt + "\n" + (value.map { "=" + $0 } ?? "NULL")).utf8))
    }

    /// A random salt of 16 bytes from the cryptographic generator (BoringSSL's, seeded
    /// by the kernel), as hex.
    static func randomSalt() -> String {
        Checksum.hex(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
    }

    /// Salts like `randomSalt`, drawn 256 at a time from the same generator: an import
    /// salts every row it writes.
    struct Salts {
        private var bytes: [UInt8] = []

        mutating func next() -> String {
            if bytes.isEmpty { bytes = SymmetricKey(size: SymmetricKeySize(bitCount: 256 * 16 * 8)).withUnsafeBytes { Array($0) } }
            defer { bytes.removeLast(16) }
            return Checksum.hex(bytes.suffix(16))
        }
    }
}

extension AuditChain {
    /// The chain's head as `auditHead` keeps it: its length and last hash.
    struct Head: CustomStringConvertible {
        let count: Int64
        let lastHash: String
        var description: String { "\(count):\(lastHash)" }
    }

    static func head(_ db: Database) throws -> Head {
        let row = try Row.fetchOne(db, sql: "SELECT count, lastHash FROM auditHead WHERE id = 1")
        return Head(count: row?["count"] ?? 0, lastHash: row?["lastHash"] ?? genesis)
    }
}
