import Foundation
import PluginKit

/// The parts every message lotse writes shares: the head (`Kopf`), a contact, an id,
/// a period, a code.
enum XdomeaKopf {
    /// The head: process, message type, time, sender, receiver, lotse as the sending
    /// system, then what the message's head type adds (confirmation flags).
    static func kopf(process: String, _ message: Xdomea.Message, sender: XdomeaParty, receiver: XdomeaParty, unit: String,
                     product: String, flags: [(String, Bool)]) -> XMLNode {
        XMLNode("xdomea:Kopf", [
            XMLNode("xdomea:ProzessID", text: process),
            XMLNode("xdomea:Nachrichtentyp", attributes: [("listURI", "urn:xoev-de:xdomea:codeliste:nachrichtentyp"), ("listVersionID", "2.0")],
                    [XMLNode("code", text: message.code)]),
            XMLNode("xdomea:Erstellungszeitpunkt", text: timestamp(Date())),
            contact("xdomea:Absender", sender, unit: unit),
            contact("xdomea:Empfaenger", receiver, unit: unit),
            XMLNode("xdomea:SendendesSystem", [XMLNode("xdomea:Produktname", text: "lotse"), XMLNode("xdomea:Version", text: product)]),
        ] + flags.map { XMLNode("xdomea:\($0.0)", text: $0.1 ? "1" : "0") })
    }

    /// A message: its root element in the xdomea namespace around its parts.
    static func message(_ message: Xdomea.Message, _ parts: [XMLNode?]) -> XMLNode {
        XMLNode("xdomea:\(message.rawValue)", attributes: [("xmlns:xdomea", Xdomea.namespace)], parts)
    }

    /// Local time with its offset (xs:dateTime).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func contact(_ element: String, _ party: XdomeaParty, unit: String?) -> XMLNode {
        XMLNode(element, [
            party.authorityKey.map { XMLNode("xdomea:Behoerdenkennung", [XMLNode("xdomea:Behoerdenschluessel", [XMLNode("code", text: $0)])]) },
            XMLNode("xdomea:Institution", [XMLNode("xdomea:Name", text: party.name)]),
            unit.map { XMLNode("xdomea:Organisationseinheit", [XMLNode("xdomea:Name", text: $0)]) },
            party.address.map { address in
                XMLNode("xdomea:Anschrift", [XMLNode("xdomea:Strasse", text: address.street), XMLNode("xdomea:Postleitzahl", text: address.postcode),
                                             XMLNode("xdomea:Ort", text: address.town)])
            },
        ])
    }

    static func identification(_ id: String) -> XMLNode { XMLNode("xdomea:Identifikation", [XMLNode("xdomea:ID", text: id)]) }

    static func period(_ begin: LocalDate?, _ end: LocalDate?) -> XMLNode? {
        guard begin != nil || end != nil else { return nil }
        return XMLNode("xdomea:Laufzeit", [XMLNode.optional("xdomea:Beginn", begin?.iso), XMLNode.optional("xdomea:Ende", end?.iso)])
    }

    /// What the archive is asked to do with an object, or decided (code list
    /// `aussonderungsart` 1.0: A archive, B appraise, V destroy).
    static func disposal(_ element: String, code: String) -> XMLNode {
        XMLNode(element, [XMLNode("xdomea:Aussonderungsart", attributes: [("listURI", "urn:xoev-de:xdomea:codeliste:aussonderungsart"), ("listVersionID", "1.0")],
                                  [XMLNode("code", text: code)])])
    }
}
