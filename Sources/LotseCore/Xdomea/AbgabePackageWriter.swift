import Crypto
import Foundation
import PluginKit

/// Writes an `Abgabe.Abgabe.0401` package: the zip `{ProzessID}_Abgabe.Abgabe.0401.zip`
/// holding the message, the case file as PDF, case.json and the attachments, each named
/// `{UUID}_{name}`, and lotse's signature: `{ProzessID}_lotse.sha256` lists the SHA-256
/// of every other file, `{ProzessID}_lotse.ed25519` signs that list (xdomea 3.1.0 has
/// no checksum of its own). A receiver without lotse ignores the two.
struct AbgabePackageWriter {
    var signingKey: Curve25519.Signing.PrivateKey?

    static func manifestName(_ process: String) -> String { "\(process)_lotse.sha256" }
    static func signatureName(_ process: String) -> String { "\(process)_lotse.ed25519" }

    /// One package's parts, as the exporter gathered them.
    struct Contents {
        var bundle: CaseBundle
        var sender: XdomeaParty
        var receiver: XdomeaParty
        var product: String
        var caseFilePDF: Data
        /// Attachment files by reference (as `CaseStore.exportBundle` returns them).
        var files: [String: URL]
        var catalog: Catalog
    }

    /// Writes the package at `path` (the caller names it `{ProzessID}_Abgabe.Abgabe.0401.zip`).
    func write(_ contents: Contents, as path: String) throws {
        let bundle = contents.bundle
        let process = bundle.bundleId
        let catalog = contents.catalog
        func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }
        let caseFile = PackedFile(id: Xdomea.objectId(process: process, "casefile"), originalName: text("xdomea.caseFileName", ["case": .number(bundle.sender.caseId)]),
                                  subject: text("xdomea.caseFileSubject"), type: text("xdomea.caseFileType"), date: bundle.exportedOn, formatVersion: "1.5")
        let caseJSON = PackedFile(id: Xdomea.objectId(process: process, "case.json"), originalName: "case.json", subject: text("xdomea.caseJSONSubject"),
                                  type: bundle.schema, date: bundle.exportedOn, formatVersion: bundle.schema)
        let attachments = bundle.attachments.map { attachment in
            PackedFile(id: Xdomea.objectId(process: process, "attachment-\(attachment.ref)"), originalName: Self.safeName(attachment.originalName),
                       subject: attachment.originalName, type: text("xdomea.attachmentType"), date: attachment.addedOn, formatVersion: "")
        }
        let message = AbgabeMessage(bundle: bundle, sender: contents.sender, receiver: contents.receiver, createdAt: Date(), product: contents.product,
                                    files: [caseFile, caseJSON] + attachments, catalog: catalog)
        let xml = Data(message.xml.document.utf8)

        let temporary = BundleWriter.temporary(for: path)
        let archive = try ZipWriter(path: temporary)
        var manifest: [String] = []
        func add(_ name: String, _ data: Data) throws {
            try archive.add(name, data: data, compress: true)
            manifest.append("\(Checksum.of(data))  \(name)")
        }
        try add(Xdomea.fileName(process: process, .abgabe, ext: "xml"), xml)
        try add(caseFile.fileName, contents.caseFilePDF)
        try add(caseJSON.fileName, try BundleWriter.caseJSON(bundle))
        for (attachment, packed) in zip(bundle.attachments, attachments) {
            guard let file = contents.files[attachment.ref] else { throw DataError("bundle.attachmentFileMissing", ["name": .text(attachment.originalName)]) }
            guard try Checksum.of(file: file).sha256 == attachment.sha256 else { throw DataError("bundle.attachmentChanged", ["ref": .text(attachment.ref)]) }
            try archive.add(packed.fileName, file: file, compress: false)
            manifest.append("\(attachment.sha256)  \(packed.fileName)")
        }
        let list = Data((manifest.joined(separator: "\n") + "\n").utf8)
        try archive.add(Self.manifestName(process), data: list, compress: true)
        if let signingKey { try archive.add(Self.signatureName(process), data: try SigningKey.signature(of: list, with: signingKey), compress: false) }
        try BundleWriter.finish(archive, temporary: temporary, as: path)
    }

    /// A file's own name as the zip may hold it: no folders, no control characters.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0 != "/" && $0 != "\\" && $0.value != 0x7F }.map(Character.init))
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "datei" : String(trimmed.prefix(120))
    }
}
