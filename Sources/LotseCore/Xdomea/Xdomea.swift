import Crypto
import Foundation

/// The parts of xdomea 3.1.0 (KoSIT) that lotse writes and reads: the namespace, the
/// messages, the package's file names, and the ids of what a message holds.
public enum Xdomea {
    public static let namespace = "urn:xoev-de:xdomea:schema:3.1.0"
    /// The shipped schema, relative to the resources folder.
    static let schemaPath = "xdomea/xdomea-3.1.0/xdomea.xsd"
    /// A message is read into memory after this check; xdomea messages of one case are
    /// a few hundred kilobytes.
    public static let maxMessageBytes = 16 << 20

    /// The messages lotse knows, by their element name and code (code list
    /// `urn:xoev-de:xdomea:codeliste:nachrichtentyp`).
    public enum Message: String, Sendable, CaseIterable {
        case abgabe = "Abgabe.Abgabe.0401"
        case importBestaetigen = "Abgabe.ImportBestaetigen.0402"
        case empfangBestaetigen = "Abgabe.EmpfangBestaetigen.0403"
        case anbieteverzeichnis = "Aussonderung.Anbieteverzeichnis.0501"
        case bewertungsverzeichnis = "Aussonderung.Bewertungsverzeichnis.0502"
        case aussonderung = "Aussonderung.Aussonderung.0503"
        case anbietungEmpfangBestaetigen = "Aussonderung.AnbietungEmpfangBestaetigen.0504"
        case bewertungEmpfangBestaetigen = "Aussonderung.BewertungEmpfangBestaetigen.0505"
        case aussonderungImportBestaetigen = "Aussonderung.AussonderungImportBestaetigen.0506"
        case aussonderungEmpfangBestaetigen = "Aussonderung.AussonderungEmpfangBestaetigen.0507"

        var code: String { String(rawValue.suffix(4)) }
    }

    /// `{ProzessID}_{Nachricht}.zip` and `.xml`, as the standard names a package.
    static func fileName(process: String, _ message: Message, ext: String) -> String { "\(process)_\(message.rawValue).\(ext)" }

    /// The id of an object in a message, derived from the process id (a UUID version 5,
    /// RFC 9562 §5.5, in the process's own namespace): lotse keeps the process id with
    /// the handover, so it finds the same id when a reply refers to it.
    static func objectId(process: String, _ name: String) -> String {
        var bytes = uuidBytes(process) ?? []
        bytes += Array(name.utf8)
        var hash = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = hash.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    private static func uuidBytes(_ text: String) -> [UInt8]? {
        guard let uuid = UUID(uuidString: text) else { return nil }
        return withUnsafeBytes(of: uuid.uuid) { Array($0) }
    }

    /// A UUID as the schema's `stringUUIDType` has it.
    static func isUUID(_ text: String) -> Bool { UUID(uuidString: text) != nil && text.count == 36 }

    /// The code of a file's format (code list `urn:xoev-de:xdomea:codeliste:dateiformat`,
    /// version 1.0): only the codes the published example messages use are known here;
    /// another format is named by its extension in `SonstigerName` under the code for
    /// "other" ("999"), which a receiver should check against the code list it holds.
    static func formatCode(forExtension ext: String) -> (code: String, other: String?) {
        switch ext.lowercased() {
        case "pdf": ("018", nil)
        case "docx": ("035", nil)
        default: ("999", ext.isEmpty ? "unbekannt" : ext.lowercased())
        }
    }
}
