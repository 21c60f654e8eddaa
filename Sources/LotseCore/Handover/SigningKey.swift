import Crypto
import Foundation

/// Ed25519 keys for signing bundles. Files are one line: a tag and the key in base64.
public enum SigningKey {
    static let privateTag = "lotse-ed25519-private"
    static let publicTag = "lotse-ed25519-public"

    /// Writes a new key pair: `<name>.key` (mode 0600) and `<name>.pub`, in a folder the
    /// user named, with the user's rights.
    public static func generate(folder: URL, name: String) throws -> (privateKey: URL, publicKey: URL) {
        try UserRights.asUser { try write(folder: folder, name: name) }
    }

    private static func write(folder: URL, name: String) throws -> (privateKey: URL, publicKey: URL) {
        let key = Curve25519.Signing.PrivateKey()
        let privateURL = folder.appendingPathComponent("\(name).key"), publicURL = folder.appendingPathComponent("\(name).pub")
        for url in [privateURL, publicURL] where FileManager.default.fileExists(atPath: url.path) {
            throw UsageError("keys.exists", ["path": .text(url.path)])
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: privateURL.path, contents: Data("\(privateTag) \(key.rawRepresentation.base64EncodedString())\n".utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw UsageError("error.cannotWrite", ["path": .text(privateURL.path)])
        }
        try Data("\(publicTag) \(key.publicKey.rawRepresentation.base64EncodedString()) \(name)\n".utf8).write(to: publicURL)
        return (privateURL, publicURL)
    }

    /// Reads a private key: the installation's (`signingKey`, lotse's file) or one the
    /// user named (`ofUser`, read with the user's rights).
    public static func loadPrivate(_ url: URL, ofUser: Bool = false) throws -> Curve25519.Signing.PrivateKey {
        let data = ofUser ? try UserRights.read(url.path, limit: 64 << 10) : try? Data(contentsOf: url)
        guard let data, let text = String(data: data, encoding: .utf8) else { throw UsageError("keys.unreadable", ["path": .text(url.path)]) }
        let parts = text.split(whereSeparator: \.isWhitespace)
        guard parts.count >= 2, parts[0] == privateTag, let raw = Data(base64Encoded: String(parts[1])),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw) else {
            throw UsageError("keys.notAKey", ["path": .text(url.path)])
        }
        return key
    }

    /// The trusted senders' public keys (base64) in a folder of `.pub` files.
    public static func trusted(in folder: URL?) -> Set<String> {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        var keys: Set<String> = []
        for name in names where name.hasSuffix(".pub") {
            let parts = ((try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "").split(whereSeparator: \.isWhitespace)
            if parts.count >= 2, parts[0] == publicTag { keys.insert(String(parts[1])) }
        }
        return keys
    }

    /// The signature file: the signer's public key and the signature of the tag manifest.
    static func signature(of data: Data, with key: Curve25519.Signing.PrivateKey) throws -> Data {
        Data("public-key: \(key.publicKey.rawRepresentation.base64EncodedString())\nsignature: \(try key.signature(for: data).base64EncodedString())\n".utf8)
    }

    /// Checks a signature file against the data and the trusted keys; returns the key.
    static func verify(_ signatureFile: Data, of data: Data, trusted: Set<String>) throws(BundleError) -> String {
        // Exactly the two lines the writer writes: a second `signature:` must not be
        // a way to show one signature and have another checked.
        var fields: [String: String] = [:]
        for line in String(decoding: signatureFile, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, ["public-key", "signature"].contains(parts[0]),
                  fields.updateValue(parts[1].trimmingCharacters(in: .whitespaces), forKey: String(parts[0])) == nil else {
                throw .signature("signature.lines")
            }
        }
        guard let keyText = fields["public-key"], let raw = Data(base64Encoded: keyText), let signature = fields["signature"].flatMap({ Data(base64Encoded: $0) }),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            throw .signature("signature.malformed")
        }
        guard trusted.contains(keyText) else {
            throw .signature(Message("signature.unknownKey", ["key": .text(String(keyText.prefix(12)))]))
        }
        guard key.isValidSignature(signature, for: data) else { throw .signature("signature.mismatch") }
        return keyText
    }
}
