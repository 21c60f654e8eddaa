import Crypto
import Foundation
import _CryptoExtras

/// Passwords as scrypt hashes with a per-user salt, stored as
/// `scrypt$N$r$p$salt$hash` (base64) so the cost can rise for new passwords while old
/// hashes still verify. The cost is chosen so that a login takes about 120 ms on a
/// 2-core office machine: slow for someone guessing, unnoticeable for a person.
public enum PasswordHash {
    public static let rounds = 1 << 16
    static let blockSize = 8
    static let parallelism = 1
    static let length = 32

    /// The shortest password lotse accepts.
    public static let minimumLength = 10

    public static func make(_ password: String) throws -> String {
        guard password.count >= minimumLength else { throw UsageError("accounts.passwordLength", ["count": .number(minimumLength)]) }
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255) })
        let hash = try derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return "scrypt$\(rounds)$\(blockSize)$\(parallelism)$\(salt.base64EncodedString())$\(hash.base64EncodedString())"
    }

    /// Whether `password` matches `stored`; compares in constant time.
    public static func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let blockSize = Int(parts[2]),
              let parallelism = Int(parts[3]), let salt = Data(base64Encoded: parts[4]), let expected = Data(base64Encoded: parts[5]),
              let actual = try? derive(password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism),
              actual.count == expected.count else { return false }
        return zip(actual, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A hash of nothing anybody knows: verifying against it costs what a real check
    /// costs, so an unknown user name cannot be told from a wrong password by timing.
    static let decoy = "scrypt$\(rounds)$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    private static func derive(_ password: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(from: Data(password.utf8), salt: salt, outputByteCount: length,
                                           rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }
}
