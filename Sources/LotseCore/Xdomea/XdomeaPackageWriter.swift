import Crypto
import Foundation
import PluginKit

/// Writes an xdomea package: the zip `{ProzessID}_{Nachricht}.zip` holding the message
/// `{ProzessID}_{Nachricht}.xml` and its primary documents, each named `{UUID}_{name}`,
/// and lotse's signature: `{ProzessID}_lotse.sha256` lists the SHA-256 of every other
/// file, `{ProzessID}_lotse.ed25519` signs that list (xdomea 3.1.0 has no checksum of
/// its own). A receiver without lotse ignores the two. Written under a temporary name,
/// flushed and renamed, as a bundle is.
struct XdomeaPackageWriter {
    var signingKey: Curve25519.Signing.PrivateKey?

    static func manifestName(_ process: String) -> String { "\(process)_lotse.sha256" }
    static func signatureName(_ process: String) -> String { "\(process)_lotse.ed25519" }

    /// A file's bytes: in memory, or a file on disk with its known checksum.
    enum Content {
        case data(Data)
        case file(URL, sha256: String)
    }

    func write(process: String, _ message: Xdomea.Message, xml: XMLNode, files: [(name: String, content: Content)], as path: String) throws {
        let temporary = BundleWriter.temporary(for: path)
        let archive = try ZipWriter(path: temporary)
        var manifest: [String] = []
        for (name, content) in [(Xdomea.fileName(process: process, message, ext: "xml"), Content.data(Data(xml.document.utf8)))] + files {
            switch content {
            case .data(let data):
                try archive.add(name, data: data, compress: true)
                manifest.append("\(Checksum.of(data))  \(name)")
            case .file(let url, let sha256):
                guard try Checksum.of(file: url).sha256 == sha256 else { throw DataError("bundle.attachmentChanged", ["ref": .text(name)]) }
                try archive.add(name, file: url, compress: false)
                manifest.append("\(sha256)  \(name)")
            }
        }
        let list = Data((manifest.joined(separator: "\n") + "\n").utf8)
        try archive.add(Self.manifestName(process), data: list, compress: true)
        if let signingKey { try archive.add(Self.signatureName(process), data: try SigningKey.signature(of: list, with: signingKey), compress: false) }
        try BundleWriter.finish(archive, temporary: temporary, as: path)
    }

    /// A case's files in a package: the case file PDF, case.json, the attachments (in
    /// the order `CaseAkte.files` names them).
    static func caseFiles(_ bundle: CaseBundle, packed: [PackedFile], pdf: Data, attachments: [String: URL]) throws -> [(name: String, content: Content)] {
        var files: [(name: String, content: Content)] = [(packed[0].fileName, .data(pdf)), (packed[1].fileName, .data(try BundleWriter.caseJSON(bundle)))]
        for (attachment, file) in zip(bundle.attachments, packed.dropFirst(2)) {
            guard let url = attachments[attachment.ref] else { throw DataError("bundle.attachmentFileMissing", ["name": .text(attachment.originalName)]) }
            files.append((file.fileName, .file(url, sha256: attachment.sha256)))
        }
        return files
    }

    /// A file's own name as the zip may hold it: no folders, no control characters.
    static func safeName(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0 != "/" && $0 != "\\" && $0.value != 0x7F }.map(Character.init))
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty || trimmed == "." || trimmed == ".." ? "datei" : String(trimmed.prefix(120))
    }
}
