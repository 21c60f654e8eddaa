import Foundation
import PluginKit

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
    /// The xdomea schema an `Abgabe.Abgabe.0401` package is validated against
    /// (`Xdomea.schema(in:)`); without it such a package is refused.
    public var xdomeaSchema: URL?

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
            throw .corrupt(Message("bundle.writtenDiffers", ["path": .text(written.path)]))
        }
        guard zip.entries.allSatisfy({ $0.encrypted == written.encrypted }) else { throw .encryption(Message("bundle.notEncryptedAsAsked", ["path": .text(written.path)])) }
    }

    /// Verifies; with `extractTo`, writes the attachments there (mode 0600) as it goes.
    public func read(_ path: String, extractTo folder: URL? = nil) throws(BundleError) -> VerifiedBundle {
        let zip = try ZipReader(path: path, passphrase: passphrase, maxEntries: limits.maxEntries)
        if zip.entries.contains(where: AbgabePackage.isMessage) { return try readAbgabe(zip, path: path, extractTo: folder) }
        let entries = try checkEntries(zip.entries)
        let top = entries.first!.name.split(separator: "/").first.map(String.init)!
        var byName: [String: ZipReader.Entry] = [:]
        for entry in entries { byName[String(entry.name.dropFirst(top.count + 1))] = entry }

        func small(_ name: String) throws(BundleError) -> Data {
            guard let entry = byName[name] else { throw .manifest(Message("bundle.missing", ["entry": .text(name)])) }
            var data = Data()
            try read(zip, entry, limit: limits.maxTagFileBytes) { data.append(contentsOf: $0) }
            return data
        }
        let bagit = String(decoding: try small("bagit.txt"), as: UTF8.self)
        guard bagit.contains("BagIt-Version: 1.0") else { throw .manifest("bundle.bagitVersion") }
        let tagManifestData = try small("tagmanifest-sha256.txt")
        let signedBy = try signer(byName["signature.ed25519"] == nil ? nil : try small("signature.ed25519"), of: tagManifestData)
        let tagManifest = try parseManifest(tagManifestData, name: "tagmanifest-sha256.txt")
        for (name, hash) in tagManifest {
            guard Checksum.of(try small(name)) == hash else { throw .checksum(Message("bundle.tagMismatch", ["entry": .text(name)])) }
        }
        for required in ["bagit.txt", "bag-info.txt", "manifest-sha256.txt"] where tagManifest[required] == nil {
            throw .manifest(Message("bundle.tagManifestLacks", ["entry": .text(required)]))
        }
        let bagInfo = parseBagInfo(try small("bag-info.txt"))
        let manifest = try parseManifest(try small("manifest-sha256.txt"), name: "manifest-sha256.txt")
        let payloadNames = Set(byName.keys.filter { $0.hasPrefix("data/") })
        if let missing = manifest.keys.sorted().first(where: { !payloadNames.contains($0) }) { throw .manifest(Message("bundle.listedMissing", ["entry": .text(missing)])) }
        if let extra = payloadNames.sorted().first(where: { manifest[$0] == nil }) { throw .manifest(Message("bundle.unlisted", ["entry": .text(extra)])) }
        let knownTags: Set<String> = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "signature.ed25519"]
        if let extra = byName.keys.sorted().first(where: { !$0.hasPrefix("data/") && !knownTags.contains($0) }) {
            throw .manifest(Message("bundle.foreignEntry", ["entry": .text(extra)]))
        }

        var total: UInt64 = 0
        var caseJSON = Data()
        var extracted: [String: URL] = [:]
        var sizes: [String: UInt64] = [:]
        for name in manifest.keys.sorted() {
            let entry = byName[name]!
            var checksum = Checksum()
            var output: FileHandle?
            var target: URL?
            if let folder, name.hasPrefix("data/files/") {
                target = folder.appendingPathComponent(String(name.dropFirst("data/files/".count)))
                guard FileManager.default.createFile(atPath: target!.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let handle = FileHandle(forWritingAtPath: target!.path) else { throw .unreadable("bundle.scratchWrite") }
                output = handle
            }
            let cap = min(name == "data/case.json" ? limits.maxCaseJSONBytes : limits.maxEntryBytes, limits.maxTotalBytes - total)
            let count = try read(zip, entry, limit: cap) { (bytes) throws(BundleError) in
                checksum.update(bytes)
                if name == "data/case.json" { caseJSON.append(contentsOf: bytes) }
                do { try output?.write(contentsOf: Data(bytes)) } catch { throw BundleError.unreadable("bundle.scratchWrite") }
            }
            do { try output?.close() } catch { throw .unreadable("bundle.scratchWrite") }
            total += count
            sizes[name] = count
            guard checksum.hex == manifest[name] else { throw .checksum(Message("bundle.manifestMismatch", ["entry": .text(name)])) }
            if let target, let ref = name.split(separator: "/").last { extracted[String(ref)] = target }
        }
        if let oxum = bagInfo["Payload-Oxum"], oxum != "\(total).\(manifest.count)" {
            throw .manifest(Message("bundle.oxum", ["declared": .text(oxum), "actual": .text("\(total).\(manifest.count)")]))
        }
        guard let version = bagInfo["Schema-Version"], CaseBundle.readableVersions.contains(version) else {
            throw .schema(Message("bundle.schemaVersion", ["found": .text(bagInfo["Schema-Version"] ?? ""),
                                                           "expected": .list(CaseBundle.readableVersions.sorted().map { .text($0) })]))
        }
        let bundle = try decodeCase(caseJSON, version: version)
        for attachment in bundle.attachments {
            guard manifest[attachment.file] == attachment.sha256 else { throw .checksum(Message("bundle.attachmentMismatch", ["ref": .text(attachment.ref)])) }
            if let size = sizes[attachment.file], size != UInt64(attachment.size) {
                throw .schema(Message("bundle.attachmentSize", ["ref": .text(attachment.ref), "declared": .number(attachment.size), "actual": .text(String(size))]))
            }
        }
        for (field, value) in [("External-Identifier", bundle.bundleId), ("Bundle-Purpose", bundle.purpose), ("Bundle-Receiver", bundle.receiver),
                               ("Bundle-Sender", bundle.sender.municipality)] where bagInfo[field] != value {
            throw .manifest(Message("bundle.bagInfoDisagrees", ["field": .text(field)]))
        }
        let sha256: String
        do { sha256 = try Checksum.of(file: URL(fileURLWithPath: path)).sha256 } catch { throw .unreadable("bundle.truncated") }
        return VerifiedBundle(bundle: bundle, bagInfo: bagInfo, signedBy: signedBy, encrypted: entries.first!.encrypted,
                              sha256: sha256, files: extracted, payloadBytes: total)
    }

    /// The trusted key that made `signature` over `signed`; nil for no signature, which
    /// is refused where trusted keys are configured unless `allowUnsigned` gives a reason
    /// (leaving the signature out must not be a way around it).
    func signer(_ signature: Data?, of signed: Data) throws(BundleError) -> String? {
        if let signature { return try SigningKey.verify(signature, of: signed, trusted: trustedKeys) }
        if !trustedKeys.isEmpty && allowUnsigned == nil { throw .signature("bundle.unsigned") }
        return nil
    }

    /// `case.json` decoded and checked: its shape, its version, its references and,
    /// for a bundle from elsewhere, what it means.
    func decodeCase(_ caseJSON: Data, version: String) throws(BundleError) -> CaseBundle {
        if let problem = StrictJSON.problem(in: caseJSON, limits: rules?.fieldLimits ?? FieldLimits()) { throw .schema(Message("bundle.caseJSON", ["path": .text(problem.path), "problem": .message(problem.what)])) }
        let bundle: CaseBundle
        do { bundle = try JSONDecoder().decode(CaseBundle.self, from: caseJSON) } catch {
            throw .schema(Message("bundle.caseJSONSchema", ["schema": .text(version), "problem": .message(Self.describe(error))]))
        }
        guard bundle.schema == version else { throw .schema(Message("bundle.caseJSONVersion", ["found": .text(bundle.schema)])) }
        if let problem = bundle.referenceProblem() { throw .schema(problem) }
        if let rules, let problem = bundle.meaningProblem(rules) { throw .schema(Message("bundle.caseJSONMeaning", ["problem": .message(problem)])) }
        return bundle
    }

    /// Reads one entry, never more than its header declares nor more than `limit`:
    /// libzip does not stop at the declared size, so we ask for one byte beyond it and
    /// refuse when it comes (a lying header), and refuse when fewer arrive (truncated).
    @discardableResult
    func read(_ zip: ZipReader, _ entry: ZipReader.Entry, limit: UInt64,
                      _ consume: (UnsafeRawBufferPointer) throws(BundleError) -> Void) throws(BundleError) -> UInt64 {
        guard entry.size <= limit else { throw .limit(Message("bundle.entryLimit", ["entry": .text(entry.name), "limit": .message(Self.megabytes(limit))])) }
        let count: UInt64
        do {
            count = try zip.read(entry, limit: entry.size) { bytes in try consume(bytes) }
        } catch let error as BundleError {
            if case .limit = error { throw .corrupt(Message("bundle.headerTooSmall", ["entry": .text(entry.name), "declared": .text(String(entry.size))])) }
            throw error
        } catch {
            throw .corrupt(Message("bundle.entryUnreadable", ["entry": .text(entry.name)]))
        }
        guard count == entry.size else { throw .corrupt(Message("bundle.headerTooLarge", ["entry": .text(entry.name), "actual": .text(String(count)), "declared": .text(String(entry.size))])) }
        return count
    }

    static func megabytes(_ bytes: UInt64) -> Message {
        bytes >= 1 << 20 ? Message("size.megabytes", ["count": .text(String(bytes >> 20))]) : Message("size.bytes", ["count": .text(String(bytes))])
    }

    /// Names, links, encryption and declared sizes, before any byte is read.
    /// `flat`: every file at the top (an xdomea package), else all in one folder (a bag).
    func checkEntries(_ entries: [ZipReader.Entry], flat: Bool = false) throws(BundleError) -> [ZipReader.Entry] {
        let files = entries.filter { !$0.name.hasSuffix("/") }
        guard !files.isEmpty else { throw .manifest("bundle.empty") }
        var seen: Set<String> = []
        var top: String?
        var declared: UInt64 = 0
        for entry in entries {
            let name = entry.name
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            if name.hasPrefix("/") || name.contains("\\") || parts.contains("..") || parts.contains(".") || name.contains("\0") || name.isEmpty {
                throw .unsafe(Message("bundle.unsafePath", ["entry": .text(name)]))
            }
            if entry.isSymlink { throw .unsafe(Message("bundle.symlink", ["entry": .text(name)])) }
            guard seen.insert(name.lowercased()).inserted else { throw .unsafe(Message("bundle.entryTwice", ["entry": .text(name)])) }
            if flat {
                guard parts.count == 1 else { throw .unsafe(Message("xdomea.folder", ["entry": .text(name)])) }
            } else {
                guard parts.count >= 2, let first = parts.first, !first.isEmpty else { throw .unsafe(Message("bundle.outsideBag", ["entry": .text(name)])) }
                if top == nil { top = String(first) }
                guard top == String(first) else { throw .unsafe(Message("bundle.twoFolders", ["entry": .text(name)])) }
            }
            guard entry.size <= limits.maxEntryBytes else { throw .limit(Message("bundle.entryLimit", ["entry": .text(name), "limit": .message(Self.megabytes(limits.maxEntryBytes))])) }
            declared += entry.size
            guard declared <= limits.maxTotalBytes else { throw .limit(Message("bundle.totalLimit", ["limit": .message(Self.megabytes(limits.maxTotalBytes))])) }
            try checkRatio(entry, actual: entry.size)
        }
        if let weak = files.first(where: { $0.encrypted && $0.encryptionMethod != ZipReader.aes256 }) {
            throw .encryption(Message("bundle.weakEncryption", ["entry": .text(weak.name), "method": .message(ZipReader.describe(method: weak.encryptionMethod))]))
        }
        let encrypted = files.filter(\.encrypted).count
        if encrypted > 0 && encrypted < files.count { throw .encryption("bundle.partlyEncrypted") }
        if encrypted == 0 && passphrase != nil { throw .encryption("bundle.notEncrypted") }
        if encrypted > 0 && passphrase == nil { throw .passphrase }
        return files
    }

    private func checkRatio(_ entry: ZipReader.Entry, actual: UInt64) throws(BundleError) {
        if actual > 4096 && actual / max(entry.compressedSize, 1) > limits.maxRatio {
            throw .limit(Message("bundle.ratio", ["entry": .text(entry.name), "ratio": .text(String(limits.maxRatio))]))
        }
    }

    func parseManifest(_ data: Data, name: String) throws(BundleError) -> [String: String] {
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64 else { throw .manifest(Message("bundle.manifestLine", ["entry": .text(name)])) }
            let path = parts[1].trimmingCharacters(in: .whitespaces)
            guard result.updateValue(String(parts[0]).lowercased(), forKey: path) == nil else { throw .manifest(Message("bundle.manifestTwice", ["entry": .text(name), "path": .text(path)])) }
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

    static func describe(_ error: any Error) -> Message {
        if case DecodingError.keyNotFound(let key, _) = error { return Message("json.keyMissing", ["key": .text(key.stringValue)]) }
        if case DecodingError.typeMismatch(_, let context) = error { return Message("json.wrongType", ["path": .text(context.codingPath.map(\.stringValue).joined(separator: "."))]) }
        if case DecodingError.valueNotFound(_, let context) = error { return Message("json.wrongType", ["path": .text(context.codingPath.map(\.stringValue).joined(separator: "."))]) }
        if case DecodingError.dataCorrupted(let context) = error { return Message("json.invalidValue", ["path": .text(context.codingPath.map(\.stringValue).joined(separator: "."))]) }
        return "json.invalid"
    }
}
