import Foundation
import PluginKit

/// What identifies an `Abgabe.Abgabe.0401` package among zips.
enum AbgabePackage {
    static let messageSuffix = "_\(Xdomea.Message.abgabe.rawValue).xml"

    /// The message's entry (in a folder too, so such a package is refused as xdomea, not read as a bag).
    static func isMessage(_ entry: ZipReader.Entry) -> Bool { entry.name.hasSuffix(messageSuffix) }
}

extension Xdomea {
    /// The shipped schema in a resources folder.
    public static func schema(in resources: URL) -> URL { resources.appendingPathComponent(schemaPath) }
}

// MARK: - Reading a 0401 that lotse wrote

extension BundleReader {
    /// Verifies a 0401 package as `read` verifies a bag, to the same case: safe flat
    /// names, lotse's list of checksums and its signature (the trusted-keys rule of a
    /// bundle), every file against the list, the message against the schema, then the
    /// case.json it names. A 0401 without lotse's list came from another system: lotse
    /// cannot take its content apart and says so.
    func readAbgabe(_ zip: ZipReader, path: String, extractTo folder: URL?) throws(BundleError) -> VerifiedBundle {
        let entries = try checkEntries(zip.entries, flat: true)
        let messages = entries.filter(AbgabePackage.isMessage)
        guard messages.count == 1, let messageEntry = messages.first else { throw .manifest("xdomea.messageCount") }
        let process = String(messageEntry.name.dropLast(AbgabePackage.messageSuffix.count))
        guard Xdomea.isUUID(process) else { throw .schema("xdomea.processId") }
        var byName: [String: ZipReader.Entry] = [:]
        for entry in entries { byName[entry.name] = entry }
        let manifestName = XdomeaPackageWriter.manifestName(process), signatureName = XdomeaPackageWriter.signatureName(process)
        guard let manifestEntry = byName[manifestName] else { throw .schema("xdomea.foreign") }

        func small(_ entry: ZipReader.Entry, limit: UInt64) throws(BundleError) -> Data {
            var data = Data()
            try read(zip, entry, limit: limit) { data.append(contentsOf: $0) }
            return data
        }
        let manifestData = try small(manifestEntry, limit: limits.maxTagFileBytes)
        let signedBy = try signer(try byName[signatureName].map { (entry) throws(BundleError) in try small(entry, limit: limits.maxTagFileBytes) }, of: manifestData)
        let manifest = try parseManifest(manifestData, name: manifestName)
        let payload = Set(byName.keys).subtracting([manifestName, signatureName])
        if let missing = manifest.keys.sorted().first(where: { !payload.contains($0) }) { throw .manifest(Message("bundle.listedMissing", ["entry": .text(missing)])) }
        if let extra = payload.sorted().first(where: { manifest[$0] == nil }) { throw .manifest(Message("bundle.unlisted", ["entry": .text(extra)])) }

        let messageData = try small(messageEntry, limit: UInt64(Xdomea.maxMessageBytes))
        guard Checksum.of(messageData) == manifest[messageEntry.name] else { throw .checksum(Message("bundle.manifestMismatch", ["entry": .text(messageEntry.name)])) }
        guard let xdomeaSchema else { throw .unreadable(Message("xdomea.schemaMissing", ["path": .text(Xdomea.schemaPath)])) }
        let message = try XMLElement.validated(messageData, schema: xdomeaSchema, maxBytes: Xdomea.maxMessageBytes)
        guard message.name == Xdomea.Message.abgabe.rawValue, message.namespace == Xdomea.namespace,
              message.at("Kopf", "ProzessID")?.text == process else { throw .schema("xdomea.processId") }
        // The case.json is the document lotse typed with the case's schema version.
        let documents = message.descendants.filter { $0.name == "Dokument" }
        guard let annex = documents.first(where: { CaseBundle.readableVersions.contains($0.child("Typ")?.text ?? "") }),
              let version = annex.child("Typ")?.text,
              let annexName = annex.at("Version", "Format", "Primaerdokument", "Dateiname")?.text, let annexEntry = byName[annexName] else {
            throw .schema("xdomea.foreign")
        }
        let named = Set(documents.compactMap { $0.at("Version", "Format", "Primaerdokument", "Dateiname")?.text })
        if let missing = named.sorted().first(where: { byName[$0] == nil }) { throw .manifest(Message("bundle.listedMissing", ["entry": .text(missing)])) }

        let caseJSON = try small(annexEntry, limit: limits.maxCaseJSONBytes)
        guard Checksum.of(caseJSON) == manifest[annexName] else { throw .checksum(Message("bundle.manifestMismatch", ["entry": .text(annexName)])) }
        let bundle = try decodeCase(caseJSON, version: version)
        guard bundle.bundleId == process else { throw .manifest(Message("bundle.bagInfoDisagrees", ["field": .text("ProzessID")])) }

        // Every other file is read once, checked against the list; attachments are
        // extracted under their reference, as from a bag.
        let akte = Xdomea.objectId(process: process, "akte")
        let attachmentNames = Dictionary(uniqueKeysWithValues: bundle.attachments.map { (Xdomea.objectId(process: akte, "attachment-\($0.ref)") + "_", $0) })
        var total = UInt64(messageData.count + caseJSON.count)
        var extracted: [String: URL] = [:]
        for name in payload.sorted() where name != messageEntry.name && name != annexName {
            let entry = byName[name]!
            let attachment = attachmentNames.first { name.hasPrefix($0.key) }?.value
            var checksum = Checksum()
            var output: FileHandle?
            let target = attachment.flatMap { attachment in folder?.appendingPathComponent(attachment.ref) }
            if let target {
                guard FileManager.default.createFile(atPath: target.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                      let handle = FileHandle(forWritingAtPath: target.path) else { throw .unreadable("bundle.scratchWrite") }
                output = handle
            }
            let count = try read(zip, entry, limit: min(limits.maxEntryBytes, limits.maxTotalBytes - total)) { (bytes) throws(BundleError) in
                checksum.update(bytes)
                do { try output?.write(contentsOf: Data(bytes)) } catch { throw BundleError.unreadable("bundle.scratchWrite") }
            }
            do { try output?.close() } catch { throw .unreadable("bundle.scratchWrite") }
            total += count
            guard checksum.hex == manifest[name] else { throw .checksum(Message("bundle.manifestMismatch", ["entry": .text(name)])) }
            if let attachment {
                guard checksum.hex == attachment.sha256 else { throw .checksum(Message("bundle.attachmentMismatch", ["ref": .text(attachment.ref)])) }
                guard count == UInt64(attachment.size) else {
                    throw .schema(Message("bundle.attachmentSize", ["ref": .text(attachment.ref), "declared": .number(attachment.size), "actual": .text(String(count))]))
                }
                if let target { extracted[attachment.ref] = target }
            }
        }
        if let lost = attachmentNames.first(where: { prefix, _ in !payload.contains { $0.hasPrefix(prefix) } })?.value {
            throw .manifest(Message("bundle.missing", ["entry": .text(lost.originalName)]))
        }
        let sha256: String
        do { sha256 = try Checksum.of(file: URL(fileURLWithPath: path)).sha256 } catch { throw .unreadable("bundle.truncated") }
        return VerifiedBundle(bundle: bundle, bagInfo: ["Format": "xdomea"], signedBy: signedBy, encrypted: false, sha256: sha256, files: extracted, payloadBytes: total)
    }
}
