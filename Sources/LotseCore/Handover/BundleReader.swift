import Crypto
import Foundation
import PluginKit

/// What a bundle may hold before it is refused.
public struct BundleLimits: Sendable {
    public var maxEntries = 10_000
    public var maxEntryBytes: UInt64 = 512 << 20
    public var maxTotalBytes: UInt64 = 4 << 30
    /// Uncompressed size over compressed size; more suggests a zip bomb.
    public var maxRatio: UInt64 = 100
    /// `data/case.json` is read into memory, so it has a small limit of its own.
    public var maxCaseJSONBytes: UInt64 = 16 << 20
    /// The tag files (bagit.txt, manifests, bag-info.txt, the signature).
    public var maxTagFileBytes: UInt64 = 1 << 20

    public init(maxEntryMB: Int = 512, maxTotalMB: Int = 4096, maxCaseJSONMB: Int = 16) {
        maxEntryBytes = UInt64(maxEntryMB) << 20
        maxTotalBytes = UInt64(maxTotalMB) << 20
        maxCaseJSONBytes = UInt64(maxCaseJSONMB) << 20
    }
}

/// A bundle that passed every check.
public struct VerifiedBundle: Sendable {
    public let bundle: CaseBundle
    public let bagInfo: [String: String]
    /// The public key that signed it, if signed.
    public let signedBy: String?
    public let encrypted: Bool
    /// SHA-256 of the zip file.
    public let sha256: String
    /// Extracted attachments by reference, when extraction was asked for.
    public let files: [String: URL]
    public let payloadBytes: UInt64
}

/// Opens and checks a bundle before anything touches the database: zip consistency,
/// entry names, links, encryption, sizes and compression ratio (counting the bytes
/// actually decompressed), the BagIt manifests and checksums, the signature, the schema.
public struct BundleReader {
    public var passphrase: String?
    public var trustedKeys: Set<String>
    public var limits: BundleLimits
    /// The meaning checks for a bundle from elsewhere; nil for one this installation
    /// has just written (archive, export read-back).
    public var rules: BundleRules?
    /// With trusted keys configured an unsigned bundle is refused, unless a reason to
    /// accept it anyway is given here (the import audits it).
    public var allowUnsigned: String?

    public init(passphrase: String?, trustedKeys: Set<String>, limits: BundleLimits = BundleLimits(), rules: BundleRules? = nil,
                allowUnsigned: String? = nil) {
        self.passphrase = passphrase
        self.trustedKeys = trustedKeys
        self.limits = limits
        self.rules = rules
        self.allowUnsigned = allowUnsigned
    }

    /// Whether a zip's entries are encrypted (to know whether to ask for a passphrase).
    public static func isEncrypted(_ path: String) throws(BundleError) -> Bool {
        try ZipReader(path: path, passphrase: nil, maxEntries: Int.max).entries.contains(where: \.encrypted)
    }

    /// Checks a bundle this process has just written, without decrypting it: the zip
    /// is consistent (central directory against local headers) and holds exactly the
    /// entries written, with their sizes and encryption. Decrypting every entry again
    /// would cost a PBKDF2 run per entry; `read` does that where a bundle comes from
    /// elsewhere or from an earlier run.
    public static func check(_ written: WrittenBundle) throws(BundleError) {
        let zip = try ZipReader(path: written.path, passphrase: nil, maxEntries: written.entries.count + 1)
        let found = Dictionary(zip.entries.map { ($0.name, $0.size) }, uniquingKeysWith: { first, _ in first })
        guard found == written.entries, zip.entries.count == written.entries.count else {
            throw .corrupt("\(written.path) does not hold what was written; check the disk and run again")
        }
        guard zip.entries.allSatisfy({ $0.encrypted == written.encrypted }) else { throw .encryption("\(written.path) is not encrypted as asked") }
    }

    /// Verifies; with `extractTo`, writes the attachments there (mode 0600) as it goes.
    public func read(_ path: String, extractTo folder: URL? = nil) throws(BundleError) -> VerifiedBundle {
        let zip = try ZipReader(path: path, passphrase: passphrase, maxEntries: limits.maxEntries)
        let entries = try checkEntries(zip.entries)
        let top = entries.first!.name.split(separator: "/").first.map(String.init)!
        var byName: [String: ZipReader.Entry] = [:]
        for entry in entries { byName[String(entry.name.dropFirst(top.count + 1))] = entry }

        func small(_ name: String) throws(BundleError) -> Data {
            guard let entry = byName[name] else { throw .manifest("\(name) is missing") }
            var data = Data()
            try read(zip, entry, limit: limits.maxTagFileBytes) { data.append(contentsOf: $0) }
            return data
        }
        let bagit = String(decoding: try small("bagit.txt"), as: UTF8.self)
        guard bagit.contains("BagIt-Version: 1.0") else { throw .manifest("bagit.txt does not declare BagIt-Version 1.0") }
        let tagManifestData = try small("tagmanifest-sha256.txt")
        var signedBy: String?
        if byName["signature.ed25519"] != nil {
            signedBy = try SigningKey.verify(try small("signature.ed25519"), of: tagManifestData, trusted: trustedKeys)
        } else if !trustedKeys.isEmpty && allowUnsigned == nil {
            // Leaving the signature out must not be a way around it.
            throw .signature("the bundle is not signed, but this installation trusts signing keys; ask the sender to sign it, or accept it with --allow-unsigned REASON")
        }
        let tagManifest = try parseManifest(tagManifestData, name: "tagmanifest-sha256.txt")
        for (name, hash) in tagManifest {
            guard AuditChain.hex(SHA256.hash(data: try small(name))) == hash else { throw .checksum("\(name) does not match the tag manifest") }
        }
        for required in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"] where tagManifest[required] == nil {
            throw .manifest("the tag manifest does not list \(required)")
        }
        let bagInfo = parseBagInfo(try small("bag-info.txt"))
        let manifest = try parseManifest(try small("manifest-sha256.txt"), name: "manifest-sha256.txt")
        let payloadNames = Set(byName.keys.filter { $0.hasPrefix("data/") })
        if let missing = manifest.keys.sorted().first(where: { !payloadNames.contains($0) }) { throw .manifest("\(missing) is listed in the manifest but missing") }
        if let extra = payloadNames.sorted().first(where: { manifest[$0] == nil }) { throw .manifest("\(extra) is in the bundle but not in the manifest") }
        let knownTags: Set<String> = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "signature.ed25519"]
        if let extra = byName.keys.sorted().first(where: { !$0.hasPrefix("data/") && !knownTags.contains($0) }) {
            throw .manifest("\(extra) is not part of a lotse bundle")
        }

        var total: UInt64 = 0
        var caseJSON = Data()
        var extracted: [String: URL] = [:]
        var sizes: [String: UInt64] = [:]
        for name in manifest.keys.sorted() {
            let entry = byName[name]!
            var hasher = SHA256()
            var output: FileHandle?
            var target: URL?
            if let folder, name.hasPrefix("data/files/") {
                target = folder.appendingPathComponent(String(name.dropFirst("data/files/".count)))
                guard FileManager.default.createFile(atPath: target!.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let handle = FileHandle(forWritingAtPath: target!.path) else { throw .unreadable("cannot write an attachment to the scratch folder; check the free space") }
                output = handle
            }
            let cap = min(name == "data/case.json" ? limits.maxCaseJSONBytes : limits.maxEntryBytes, limits.maxTotalBytes - total)
            let count = try read(zip, entry, limit: cap) { (bytes) throws(BundleError) in
                hasher.update(bufferPointer: bytes)
                if name == "data/case.json" { caseJSON.append(contentsOf: bytes) }
                do { try output?.write(contentsOf: Data(bytes)) } catch { throw BundleError.unreadable("cannot write an attachment to the scratch folder; check the free space") }
            }
            do { try output?.close() } catch { throw .unreadable("cannot write an attachment to the scratch folder; check the free space") }
            total += count
            sizes[name] = count
            guard AuditChain.hex(hasher.finalize()) == manifest[name] else { throw .checksum("\(name) does not match the manifest") }
            if let target, let ref = name.split(separator: "/").last { extracted[String(ref)] = target }
        }
        if let oxum = bagInfo["Payload-Oxum"], oxum != "\(total).\(manifest.count)" {
            throw .manifest("Payload-Oxum says \(oxum) but the payload is \(total).\(manifest.count)")
        }
        guard bagInfo["Schema-Version"] == CaseBundle.schemaVersion else {
            throw .schema("unknown schema version \"\(bagInfo["Schema-Version"] ?? "none")\"; this lotse reads \(CaseBundle.schemaVersion); update lotse")
        }
        if let problem = StrictJSON.problem(in: caseJSON) { throw .schema("data/case.json: \(problem.path) \(problem.what)") }
        let bundle: CaseBundle
        do { bundle = try JSONDecoder().decode(CaseBundle.self, from: caseJSON) } catch {
            throw .schema("data/case.json does not follow \(CaseBundle.schemaVersion): \(Self.describe(error))")
        }
        guard bundle.schema == CaseBundle.schemaVersion else { throw .schema("unknown schema version \"\(bundle.schema)\" in case.json") }
        if let problem = bundle.referenceProblem() { throw .schema(problem) }
        if let rules, let problem = bundle.meaningProblem(rules) { throw .schema("data/case.json: \(problem)") }
        for attachment in bundle.attachments {
            guard manifest[attachment.file] == attachment.sha256 else { throw .checksum("attachment \(attachment.ref) does not match case.json") }
            if let size = sizes[attachment.file], size != UInt64(attachment.size) {
                throw .schema("data/case.json: attachment \(attachment.ref) says \(attachment.size) bytes, but the bundle holds \(size)")
            }
        }
        for (field, value) in [("External-Identifier", bundle.bundleId), ("Bundle-Purpose", bundle.purpose), ("Bundle-Receiver", bundle.receiver),
                               ("Bundle-Sender", bundle.sender.municipality)] where bagInfo[field] != value {
            throw .manifest("bag-info.txt and case.json disagree on \(field)")
        }
        let sha256: String
        do { sha256 = try BundleWriter.hash(URL(fileURLWithPath: path)).0 } catch { throw .unreadable("the bundle cannot be read to its end") }
        return VerifiedBundle(bundle: bundle, bagInfo: bagInfo, signedBy: signedBy, encrypted: entries.first!.encrypted,
                              sha256: sha256, files: extracted, payloadBytes: total)
    }

    /// Reads one entry, never more than its header declares nor more than `limit`:
    /// libzip does not stop at the declared size, so we ask for one byte beyond it and
    /// refuse when it comes (a lying header), and refuse when fewer arrive (truncated).
    @discardableResult
    private func read(_ zip: ZipReader, _ entry: ZipReader.Entry, limit: UInt64,
                      _ consume: (UnsafeRawBufferPointer) throws(BundleError) -> Void) throws(BundleError) -> UInt64 {
        guard entry.size <= limit else { throw .limit("\(entry.name) is larger than \(Self.megabytes(limit)) allowed for it") }
        let count: UInt64
        do {
            count = try zip.read(entry, limit: entry.size) { bytes in try consume(bytes) }
        } catch let error as BundleError {
            if case .limit = error { throw .corrupt("\(entry.name) holds more than the \(entry.size) bytes its header declares") }
            throw error
        } catch {
            throw .corrupt("\(entry.name) cannot be read")
        }
        guard count == entry.size else { throw .corrupt("\(entry.name) holds \(count) bytes, but its header declares \(entry.size)") }
        return count
    }

    static func megabytes(_ bytes: UInt64) -> String {
        bytes >= 1 << 20 ? "the \(bytes >> 20) MB" : "the \(bytes) bytes"
    }

    /// Names, links, encryption and declared sizes, before any byte is read.
    private func checkEntries(_ entries: [ZipReader.Entry]) throws(BundleError) -> [ZipReader.Entry] {
        let files = entries.filter { !$0.name.hasSuffix("/") }
        guard !files.isEmpty else { throw .manifest("the bundle is empty") }
        var seen: Set<String> = []
        var top: String?
        var declared: UInt64 = 0
        for entry in entries {
            let name = entry.name
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            if name.hasPrefix("/") || name.contains("\\") || parts.contains("..") || parts.contains(".") || name.contains("\0") || name.isEmpty {
                throw .unsafe("\"\(name)\": absolute paths, backslashes and \"..\" are not allowed")
            }
            if entry.isSymlink { throw .unsafe("\"\(name)\" is a symbolic link") }
            guard seen.insert(name.lowercased()).inserted else { throw .unsafe("\"\(name)\" appears twice") }
            guard parts.count >= 2, let first = parts.first, !first.isEmpty else { throw .unsafe("\"\(name)\" is outside the bag's folder") }
            if top == nil { top = String(first) }
            guard top == String(first) else { throw .unsafe("\"\(name)\": a bundle holds one top-level folder") }
            guard entry.size <= limits.maxEntryBytes else { throw .limit("\(name) is larger than \(limits.maxEntryBytes >> 20) MB") }
            declared += entry.size
            guard declared <= limits.maxTotalBytes else { throw .limit("the bundle unpacks to more than \(limits.maxTotalBytes >> 20) MB") }
            try checkRatio(entry, actual: entry.size)
        }
        if let weak = files.first(where: { $0.encrypted && $0.encryptionMethod != ZipReader.aes256 }) {
            throw .encryption("\(weak.name) is encrypted with \(ZipReader.describe(method: weak.encryptionMethod)); lotse accepts only WinZip AES-256, ask the sender to export again with --encrypt")
        }
        let encrypted = files.filter(\.encrypted).count
        if encrypted > 0 && encrypted < files.count { throw .encryption("some entries are encrypted and some are not; a bundle is encrypted whole") }
        if encrypted == 0 && passphrase != nil { throw .encryption("the bundle is not encrypted, but a passphrase was given: it should be; ask the sender") }
        if encrypted > 0 && passphrase == nil { throw .passphrase }
        return files
    }

    private func checkRatio(_ entry: ZipReader.Entry, actual: UInt64) throws(BundleError) {
        if actual > 4096 && actual / max(entry.compressedSize, 1) > limits.maxRatio {
            throw .limit("\(entry.name) is compressed more than \(limits.maxRatio):1, which looks like a zip bomb")
        }
    }

    private func parseManifest(_ data: Data, name: String) throws(BundleError) -> [String: String] {
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else { throw .manifest("\(name) has a malformed line") }
            let path = parts[1].trimmingCharacters(in: .whitespaces)
            guard result.updateValue(String(parts[0]).lowercased(), forKey: path) == nil else { throw .manifest("\(name) lists \(path) twice") }
        }
        return result
    }

    private func parseBagInfo(_ data: Data) -> [String: String] {
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { result[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return result
    }

    static func describe(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "\"\(key.stringValue)\" is missing" }
        if case DecodingError.typeMismatch(_, let context) = error { return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))" }
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        return "not valid JSON"
    }
}
