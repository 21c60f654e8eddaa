import Foundation
import PluginKit

/// One case as an `Akte`, from its case.json: the documents (case file PDF, case.json,
/// attachments), a `Vorgang` per agreement and per year of conversations, each person
/// as a `Kontakt`. The handover (0401) and the hand-over to the archive (0503) both
/// send a case so; the archive's copy carries its archival metadata too.
struct CaseAkte {
    let bundle: CaseBundle
    /// The Akte's id (ids below it are derived from it).
    let id: String
    /// The case file, case.json, then one per attachment.
    let files: [PackedFile]
    let catalog: Catalog
    /// `ArchivspezifischeMetadaten`, for the archive.
    var archival: XMLNode? = nil

    private func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    /// The package's files of a case: its case file PDF, case.json and attachments,
    /// each with an id derived from the Akte's.
    static func files(of bundle: CaseBundle, akte: String, catalog: Catalog) -> [PackedFile] {
        func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }
        let caseFile = PackedFile(id: Xdomea.objectId(process: akte, "casefile"), originalName: text("xdomea.caseFileName", ["case": .number(bundle.sender.caseId)]),
                                  subject: text("xdomea.caseFileSubject"), type: text("xdomea.caseFileType"), date: bundle.exportedOn, formatVersion: "1.5")
        let caseJSON = PackedFile(id: Xdomea.objectId(process: akte, "case.json"), originalName: "case.json", subject: text("xdomea.caseJSONSubject"),
                                  type: bundle.schema, date: bundle.exportedOn, formatVersion: bundle.schema)
        let attachments = bundle.attachments.map { attachment in
            PackedFile(id: Xdomea.objectId(process: akte, "attachment-\(attachment.ref)"), originalName: XdomeaPackageWriter.safeName(attachment.originalName),
                       subject: attachment.originalName, type: text("xdomea.attachmentType"), date: attachment.addedOn, formatVersion: "")
        }
        return [caseFile, caseJSON] + attachments
    }

    var xml: XMLNode {
        let caseFile = bundle.caseFile
        let begin = caseFile.supportSince ?? caseFile.openedOn ?? caseFile.waitlistedOn
        return XMLNode("xdomea:Akte", [
            XdomeaKopf.identification(id),
            XMLNode("xdomea:AllgemeineMetadaten", [
                XMLNode("xdomea:Betreff", text: text("xdomea.fileSubject", ["case": .number(bundle.sender.caseId), "kind": caseFile.kind.label])),
                XMLNode("xdomea:Kennzeichen", text: String(bundle.sender.caseId)),
                XMLNode.optional("xdomea:Federfuehrung", bundle.sender.staff),
            ]),
            archival,
            XMLNode("xdomea:Typ", text: text("xdomea.fileType")),
            XdomeaKopf.period(begin, caseFile.closedOn),
            XMLNode("xdomea:Akteninhalt", files.map(document) + agreementProcesses + conversationProcesses),
        ] + bundle.persons.map(person))
    }

    private func document(_ file: PackedFile) -> XMLNode {
        let format = Xdomea.formatCode(forExtension: file.ext)
        return XMLNode("xdomea:Dokument", [
            XdomeaKopf.identification(file.id),
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
                XdomeaKopf.identification(Xdomea.objectId(process: id, "agreement-\(index + 1)")),
                XMLNode("xdomea:AllgemeineMetadaten", [
                    XMLNode("xdomea:Betreff", text: text("xdomea.agreementSubject", ["date": .date(agreement.signedOn)])),
                    XMLNode("xdomea:Bemerkung", text: text("xdomea.agreementNote", ["goals": .number(agreement.goals.count),
                                                                                    "reviews": .number(agreement.goals.map(\.reviews.count).reduce(0, +))])),
                ]),
                XMLNode("xdomea:Typ", text: text("xdomea.agreementType")),
                XdomeaKopf.period(agreement.signedOn, last),
            ])
        }
    }

    /// A `Vorgang` per calendar year of conversations.
    private var conversationProcesses: [XMLNode] {
        Dictionary(grouping: bundle.conversations, by: \.date.year).sorted { $0.key < $1.key }.map { year, conversations in
            XMLNode("xdomea:Vorgang", [
                XdomeaKopf.identification(Xdomea.objectId(process: id, "conversations-\(year)")),
                XMLNode("xdomea:AllgemeineMetadaten", [
                    XMLNode("xdomea:Betreff", text: text("xdomea.conversationsSubject", ["year": .text(String(year))])),
                    XMLNode("xdomea:Bemerkung", text: text("xdomea.conversationsNote", ["count": .number(conversations.count)])),
                ]),
                XMLNode("xdomea:Typ", text: text("xdomea.conversationsType")),
                XdomeaKopf.period(conversations.map(\.date).min(), conversations.map(\.date).max()),
            ])
        }
    }

    /// A person as a `Kontakt`: the name, the birth date only where all of it is known,
    /// the address as recorded (one line), the role in the case.
    private func person(_ person: CaseBundle.PersonData) -> XMLNode {
        let adult = person.birthDate.adding(months: 18 * 12) <= bundle.exportedOn
        let role = person.isCasePerson || bundle.caseFile.kind == .family && adult ? "client" : "member"
        return XMLNode("xdomea:Kontakt", [
            Self.name(family: person.familyName, given: person.givenNames),
            XMLNode("xdomea:Rolle", attributes: [("listURI", "urn:lotse:codeliste:rolle"), ("listVersionID", "1")],
                    [XMLNode("code", text: role), XMLNode("name", text: text("xdomea.role.\(role)"))]),
            person.address.map { XMLNode("xdomea:UnstrukturierteAnschrift", [XMLNode("xdomea:Zeile1", text: $0)]) },
            person.birthYearOnly ? nil : XMLNode("xdomea:Geburt", [XMLNode("xdomea:Datum", text: person.birthDate.iso)]),
        ])
    }

    static func name(family: String?, given: String?) -> XMLNode? {
        guard family != nil || given != nil else { return nil }
        return XMLNode("xdomea:Name", [
            family.map { XMLNode("xdomea:Familienname", [XMLNode("xdomea:Name", text: $0)]) },
            given.map { XMLNode("xdomea:Vorname", [XMLNode("xdomea:Name", text: $0)]) },
        ])
    }
}
