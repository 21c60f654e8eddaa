import Foundation
import PluginKit

/// A message lotse receives: an office's answer to a 0401 (`Abgabe.ImportBestaetigen.0402`:
/// per object, whether its import succeeded and why not; `Abgabe.EmpfangBestaetigen.0403`:
/// the package arrived), or the archive's in an Aussonderung (0502 appraisal, 0504,
/// 0506 import with its references, 0507). Read from the XML or from the zip `{ProzessID}_{Nachricht}.zip`
/// holding it, validated against the shipped schema first.
public struct XdomeaReply: Sendable, Equatable {
    /// An object the message reports on: whether its import succeeded and why not
    /// (0402, 0506), the archive's reference for it (0506), or its appraisal (0502).
    public struct Object: Sendable, Equatable {
        public var id: String
        public var succeeded: Bool
        public var problems: [String]
        public var archiveRef: String?
        /// A (archive), V (destroy) or B (still to appraise), in a 0502.
        public var disposal: String?
    }

    public var message: Xdomea.Message
    public var process: String
    public var objects: [Object]

    /// Whether a file is an xdomea reply rather than a lotse receipt (JSON): a zip or XML.
    public static func isReply(_ data: Data) -> Bool {
        data.starts(with: Array("PK".utf8)) || data.first { !" \t\r\n".utf8.contains($0) } == UInt8(ascii: "<")
    }

    /// A reply file: the XML itself or a zip of one XML entry, at most 16 MB.
    public static func read(_ data: Data, resources: URL) throws(ReceiptError) -> XdomeaReply {
        do { return try parse(data, resources: resources) } catch { throw .reply(error.reason) }
    }

    private static func parse(_ data: Data, resources: URL) throws(BundleError) -> XdomeaReply {
        let xml = data.starts(with: Array("PK".utf8)) ? try messageInZip(data) : data
        let root = try XMLElement.validated(xml, schema: Xdomea.schema(in: resources), maxBytes: Xdomea.maxMessageBytes)
        guard root.namespace == Xdomea.namespace, let message = Xdomea.Message(rawValue: root.name),
              ![.abgabe, .anbieteverzeichnis, .aussonderung, .bewertungEmpfangBestaetigen].contains(message) else { throw .schema("xdomea.notReply") }
        guard let process = root.at("Kopf", "ProzessID")?.text, Xdomea.isUUID(process) else { throw .schema("xdomea.processId") }
        let reported = root.children("AbgegebenesObjekt") + root.children("AusgesondertesSGO")
        let objects = reported.map { object in
            Object(id: object.child("IDSGO")?.text.lowercased() ?? "", succeeded: ["1", "true"].contains(object.child("Erfolgreich")?.text ?? ""),
                   problems: object.children("Fehlermeldung").map(\.text), archiveRef: object.child("Archivkennung")?.text)
        } + root.children("BewertetesObjekt").map { object in
            Object(id: object.child("ID")?.text.lowercased() ?? "", succeeded: true, problems: [],
                   disposal: object.at("Aussonderungsart", "Aussonderungsart", "code")?.text)
        }
        return XdomeaReply(message: message, process: process.lowercased(), objects: objects)
    }

    /// The one XML of a reply's zip, read within the limits a bundle has.
    private static func messageInZip(_ data: Data) throws(BundleError) -> Data {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-reply-\(UUID().uuidString).zip")
        guard FileManager.default.createFile(atPath: scratch.path, contents: data, attributes: [.posixPermissions: 0o600]) else { throw .unreadable("bundle.scratchWrite") }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let zip = try ZipReader(path: scratch.path, passphrase: nil, maxEntries: 16)
        let reader = BundleReader(passphrase: nil, trustedKeys: [])
        let entries = try reader.checkEntries(zip.entries, flat: true).filter { $0.name.hasSuffix(".xml") }
        guard entries.count == 1, let entry = entries.first else { throw .manifest("xdomea.replyZip") }
        var xml = Data()
        try reader.read(zip, entry, limit: UInt64(Xdomea.maxMessageBytes)) { xml.append(contentsOf: $0) }
        return xml
    }
}
