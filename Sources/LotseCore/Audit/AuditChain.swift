import Crypto
import Foundation

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
            return hex(SHA256.hash(data: Data(parts.joined(separator: "\n").utf8)))
        }
    }

    static func valueHash(salt: String, value: String?) -> String {
        hex(SHA256.hash(data: Data((salt + "\n" + (value.map { "=" + $0 } ?? "NULL")).utf8)))
    }

    static func randomSalt() -> String {
        // Two draws, not sixteen: each draw is a system call.
        var generator = SystemRandomNumberGenerator()
        let (high, low): (UInt64, UInt64) = (generator.next(), generator.next())
        return hex(withUnsafeBytes(of: (high, low)) { Array($0) })
    }

    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hexadecimal, without `String(format:)` (it is slow on hot paths).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
