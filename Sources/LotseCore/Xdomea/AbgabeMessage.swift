import Foundation
import PluginKit

/// An authority as a message names it: its name, postal address and official key
/// (from the municipality's settings, where the receiver is one of this installation).
public struct XdomeaParty: Sendable, Equatable {
    public var name: String
    public var address: PostalAddress?
    public var authorityKey: String?

    public init(name: String, address: PostalAddress? = nil, authorityKey: String? = nil) {
        self.name = name
        self.address = address
        self.authorityKey = authorityKey
    }
}

/// A file of a package, as the message names it: its object id, the name in the zip
/// (`{id}_{name}`, the schema's `stringDateinameType`) and what it is.
struct PackedFile: Sendable, Equatable {
    var id: String
    var originalName: String
    var subject: String
    var type: String
    var date: LocalDate
    var formatVersion: String

    var fileName: String { "\(id)_\(originalName)" }
    var ext: String { (originalName as NSString).pathExtension }
}

/// `Abgabe.Abgabe.0401`: one case as one `Akte` — the case file as PDF and lotse's
/// case.json as its documents, the attachments beside them, a `Vorgang` per agreement
/// and per year of conversations, each person as a `Kontakt`.
struct AbgabeMessage {
    let bundle: CaseBundle
    let sender: XdomeaParty
    let receiver: XdomeaParty
    let createdAt: Date
    let product: String
    /// The case file, case.json, then one per attachment (in the bundle's order).
    let files: [PackedFile]
    let catalog: Catalog

    var process: String { bundle.bundleId }
    private func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    var xml: XMLNode {
        XMLNode("xdomea:\(Xdomea.Message.abgabe.rawValue)", attributes: [("xmlns:xdomea", Xdomea.namespace)], [
            XMLNode("xdomea:Kopf", [
                XMLNode("xdomea:ProzessID", text: process),
                Self.messageType(.abgabe),
                XMLNode("xdomea:Erstellungszeitpunkt", text: Self.timestamp(createdAt)),
                contact("xdomea:Absender", sender),
                contact("xdomea:Empfaenger", receiver),
                XMLNode("xdomea:SendendesSystem", [XMLNode("xdomea:Produktname", text: "lotse"), XMLNode("xdomea:Version", text: product)]),
                XMLNode("xdomea:Importbestaetigung", text: "1"),
                XMLNode("xdomea:Empfangsbestaetigung", text: "1"),
            ]),
            XMLNode("xdomea:Schriftgutobjekt", [akte]),
        ])
    }

    static func messageType(_ message: Xdomea.Message) -> XMLNode {
        XMLNode("xdomea:Nachrichtentyp", attributes: [("listURI", "urn:xoev-de:xdomea:codeliste:nachrichtentyp"), ("listVersionID", "2.0")],
                [XMLNode("code", text: message.code)])
    }

    /// Local time with its offset (xs:dateTime).
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private func contact(_ element: String, _ party: XdomeaParty) -> XMLNode {
        XMLNode(element, [
            party.authorityKey.map { XMLNode("xdomea:Behoerdenkennung", [XMLNode("xdomea:Behoerdenschluessel", [XMLNode("code", text: $0)])]) },
            XMLNode("xdomea:Institution", [XMLNode("xdomea:Name", text: party.name)]),
            XMLNode("xdomea:Organisationseinheit", [XMLNode("xdomea:Name", text: text("xdomea.unit"))]),
            party.address.map { address in
                XMLNode("xdomea:Anschrift", [XMLNode("xdomea:Strasse", text: address.street), XMLNode("xdomea:Postleitzahl", text: address.postcode),
                                             XMLNode("xdomea:Ort", text: address.town)])
            },
        ])
    }

    private var akte: XMLNode {
        let caseFile = bundle.caseFile
        let begin = caseFile.supportSince ?? caseFile.openedOn ?? caseFile.waitlistedOn
        return XMLNode("xdomea:Akte", [
            Self.identification(Xdomea.objectId(process: process, "akte")),
            XMLNode("xdomea:AllgemeineMetadaten", [
                XMLNode("xdomea:Betreff", text: text("xdomea.fileSubject", ["case": .number(bundle.sender.caseId), "kind": caseFile.kind.label])),
                XMLNode("xdomea:Kennzeichen", text: String(bundle.sender.caseId)),
                XMLNode.optional("xdomea:Federfuehrung", bundle.sender.staff),
            ]),
            XMLNode("xdomea:Typ", text: text("xdomea.fileType")),
            Self.period(begin, caseFile.closedOn),
            XMLNode("xdomea:Akteninhalt", files.map(document) + agreementProcesses + conversationProcesses),
        ] + bundle.persons.map(person))
    }

    static func identification(_ id: String) -> XMLNode { XMLNode("xdomea:Identifikation", [XMLNode("xdomea:ID", text: id)]) }

    static func period(_ begin: LocalDate?, _ end: LocalDate?) -> XMLNode? {
        guard begin != nil || end != nil else { return nil }
        return XMLNode("xdomea:Laufzeit", [XMLNode.optional("xdomea:Beginn", begin?.iso), XMLNode.optional("xdomea:Ende", end?.iso)])
    }

    private func document(_ file: PackedFile) -> XMLNode {
        let format = Xdomea.formatCode(forExtension: file.ext)
        return XMLNode("xdomea:Dokument", [
            Self.identification(file.id),
            XMLNode("xdomea:AllgemeineMetadaten", [XMLNode("xdomea:Betreff", text: file.subject)]),
            XMLNode("xdomea:DatumDesSchreibens", text: file.date.iso),
            XMLNode("xdomea:Typ", text: file.type),
            XMLNode("xdomea:Version", [
                XMLNode("xdomea:Nummer", text: "1"),
                XMLNode("xdomea:Format", [
                    XMLNode("xdomea:Name", attributes: [("listURI", "urn:xoev-de:xdomea:codeliste:dateiformat"), ("listVersionID", "1.0")], [XMLNode("code", text: format.code)]),
                    XMLNode.optional("xdomea:SonstigerName", format.other),
                    XMLNode("xdomea:Version", text: file.formatVersion),
                    XMLNode("xdomea:Primaerdokument", [XMLNode("xdomea:Dateiname", text: file.fileName), XMLNode("xdomea:DateinameOriginal", text: file.originalName)]),
                ]),
            ]),
        ])
    }

    /// A `Vorgang` per agreement: its goals and reviews are in the case file.
    private var agreementProcesses: [XMLNode] {
        bundle.agreements.enumerated().map { index, agreement in
            let last = agreement.goals.flatMap { $0.reviews.map(\.reviewedOn) + [$0.statusOn].compactMap { $0 } }.max()
            return XMLNode("xdomea:Vorgang", [
                Self.identification(Xdomea.objectId(process: process, "agreement-\(index + 1)")),
                XMLNode("xdomea:AllgemeineMetadaten", [
                    XMLNode("xdomea:Betreff", text: text("xdomea.agreementSubject", ["date": .date(agreement.signedOn)])),
                    XMLNode("xdomea:Bemerkung", text: text("xdomea.agreementNote", ["goals": .number(agreement.goals.count),
                                                                                    "reviews": .number(agreement.goals.map(\.reviews.count).reduce(0, +))])),
                ]),
                XMLNode("xdomea:Typ", text: text("xdomea.agreementType")),
                Self.period(agreement.signedOn, last),
            ])
        }
    }

    /// A `Vorgang` per calendar year of conversations.
    private var conversationProcesses: [XMLNode] {
        Dictionary(grouping: bundle.conversations, by: \.date.year).sorted { $0.key < $1.key }.map { year, conversations in
            XMLNode("xdomea:Vorgang", [
                Self.identification(Xdomea.objectId(process: process, "conversations-\(year)")),
                XMLNode("xdomea:AllgemeineMetadaten", [
                    XMLNode("xdomea:Betreff", text: text("xdomea.conversationsSubject", ["year": .text(String(year))])),
                    XMLNode("xdomea:Bemerkung", text: text("xdomea.conversationsNote", ["count": .number(conversations.count)])),
                ]),
                XMLNode("xdomea:Typ", text: text("xdomea.conversationsType")),
                Self.period(conversations.map(\.date).min(), conversations.map(\.date).max()),
            ])
        }
    }

    /// A person as a `Kontakt`: the name, the birth date only where all of it is known,
    /// the address as recorded (one line), the role in the case.
    private func person(_ person: CaseBundle.PersonData) -> XMLNode {
        let adult = person.birthDate.adding(months: 18 * 12) <= bundle.exportedOn
        let role = person.isCasePerson || bundle.caseFile.kind == .family && adult ? "client" : "member"
        let name: XMLNode? = person.familyName == nil && person.givenNames == nil ? nil : XMLNode("xdomea:Name", [
            person.familyName.map { XMLNode("xdomea:Familienname", [XMLNode("xdomea:Name", text: $0)]) },
            person.givenNames.map { XMLNode("xdomea:Vorname", [XMLNode("xdomea:Name", text: $0)]) },
        ])
        return XMLNode("xdomea:Kontakt", [
            name,
            XMLNode("xdomea:Rolle", attributes: [("listURI", "urn:lotse:codeliste:rolle"), ("listVersionID", "1")],
                    [XMLNode("code", text: role), XMLNode("name", text: text("xdomea.role.\(role)"))]),
            person.address.map { XMLNode("xdomea:UnstrukturierteAnschrift", [XMLNode("xdomea:Zeile1", text: $0)]) },
            person.birthYearOnly ? nil : XMLNode("xdomea:Geburt", [XMLNode("xdomea:Datum", text: person.birthDate.iso)]),
        ])
    }
}
