import Crypto
import Foundation
import PluginKit

/// Writes a bundle: a zip whose one top-level folder is a BagIt 1.0 bag (RFC 8493),
/// optionally AES-256-encrypted and signed. Entry names are generated, so the readable
/// zip directory carries no personal data even when the contents are encrypted.
public struct BundleWriter {
    public var passphrase: String?
    public var signingKey: Curve25519.Signing.PrivateKey?

    public init(passphrase: String? = nil, signingKey: Curve25519.Signing.PrivateKey? = nil) {
        self.passphrase = passphrase
        self.signingKey = signingKey
    }

    /// The bag's folder inside the zip.
    static func folder(for bundle: CaseBundle) -> String { "lotse-\(bundle.purpose)-\(bundle.bundleId.prefix(8))" }

    /// Writes `bundle` with its attachment files to `path` (which must not exist).
    /// The zip is written under a temporary name, flushed to disk and renamed when
    /// complete, so a bundle under its final name survives a crash or power cut.
    @discardableResult
    public func write(_ bundle: CaseBundle, files: [String: URL], summary: String, to path: String) throws -> WrittenBundle {
        let folder = Self.folder(for: bundle)
        let caseJSON = try Self.caseJSON(bundle)
        var payload: [(name: String, sha256: String, size: Int)] = []
        var manifestLines: [String] = []
        func addPayload(_ name: String, _ data: Data) {
            let hash = Checksum.of(data)
            payload.append((name, hash, data.count))
            manifestLines.append("\(hash)  \(name)")
        }
        addPayload("data/case.json", caseJSON)
        addPayload("data/summary.txt", Data(summary.utf8))
        for attachment in bundle.attachments {
            guard let file = files[attachment.ref] else { throw DataError("bundle.attachmentFileMissing", ["name": .text(attachment.originalName)]) }
            let (hash, size) = try Checksum.of(file: file)
            guard hash == attachment.sha256 else {
                throw DataError("bundle.attachmentChanged", ["ref": .text(attachment.ref)])
            }
            payload.append((attachment.file, hash, Int(size)))
            manifestLines.append("\(hash)  \(attachment.file)")
        }
        let manifest = Data((manifestLines.joined(separator: "\n") + "\n").utf8)
        let bagit = Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)
        let bagInfo = Data("""
            Source-Organization: \(bundle.sender.municipality)
            Contact-Name: \(bundle.sender.staff ?? "-")
            External-Identifier: \(bundle.bundleId)
            Bagging-Date: \(bundle.exportedOn.iso)
            Bundle-Purpose: \(bundle.purpose)
            Bundle-Sender: \(bundle.sender.municipality)
            Bundle-Receiver: \(bundle.receiver)
            Schema-Version: \(bundle.schema)
            Payload-Oxum: \(payload.map(\.size).reduce(0, +)).\(payload.count)

            """.utf8)
        let tags: [(String, Data)] = [("bagit.txt", bagit), ("bag-info.txt", bagInfo), ("manifest-sha256.txt", manifest)]
        let tagManifest = Data(tags.map { "\(Checksum.of($0.1))  \($0.0)" }.joined(separator: "\n").utf8 + Data("\n".utf8))

        let temporary = Self.temporary(for: path)
        let zip = try ZipWriter(path: temporary)
        var entries: [String: UInt64] = [:]  // what `BundleReader.check` expects to find
        func add(_ name: String, _ data: Data, compress: Bool = true) throws {
            try zip.add("\(folder)/\(name)", data: data, compress: compress)
            entries["\(folder)/\(name)"] = UInt64(data.count)
        }
        for (name, data) in tags { try add(name, data) }
        try add("tagmanifest-sha256.txt", tagManifest)
        if let signingKey { try add("signature.ed25519", try SigningKey.signature(of: tagManifest, with: signingKey), compress: false) }
        try add("data/case.json", caseJSON)
        try add("data/summary.txt", Data(summary.utf8))
        for attachment in bundle.attachments {
            try zip.add("\(folder)/\(attachment.file)", file: files[attachment.ref]!, compress: false)
            entries["\(folder)/\(attachment.file)"] = UInt64(attachment.size)
        }
        if let passphrase { try zip.encryptAll(passphrase: passphrase) }
        try Self.finish(zip, temporary: temporary, as: path)
        return WrittenBundle(path: path, sha256: try Checksum.of(file: URL(fileURLWithPath: path)).sha256, entries: entries, encrypted: passphrase != nil)
    }

    /// `case.json` as every package of lotse holds it.
    static func caseJSON(_ bundle: CaseBundle) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(bundle)
    }

    /// A fresh temporary name for a zip to be written at `path` (stale ones removed).
    static func temporary(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        PartialFile.removeStale(in: url.deletingLastPathComponent(), name: url.lastPathComponent)
        let temporary = PartialFile.path(for: path)
        try? FileManager.default.removeItem(atPath: temporary)
        return temporary
    }

    /// Closes the zip written under `temporary`, flushes it, and renames it to `path`;
    /// on any failure the temporary file is gone and nothing is at `path`.
    static func finish(_ zip: ZipWriter, temporary: String, as path: String) throws {
        do {
            try zip.close()
            chmod(temporary, 0o600)
            try sync(temporary)
            try PartialFile.commit(URL(fileURLWithPath: temporary), to: URL(fileURLWithPath: path))
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    /// Flushes a file or folder to disk (a folder: so a rename in it is durable).
    static func sync(_ path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DataError("file.sync", ["path": .text(path), "reason": .message(.system(errno))]) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw DataError("file.sync", ["path": .text(path), "reason": .message(.system(errno))]) }
    }
}
