import Crypto
import Foundation
import PluginKit

/// Offering cases to the archive before deletion, as xdomea's Aussonderung has it:
/// `batch offer` writes the offer list (0501), `batch appraisal` reads the archive's
/// appraisal (0502) and answers with its confirmation (0505), `batch handoff` hands the
/// cases the archive keeps over (0503) from lotse's own archive bundles, and `batch
/// confirm` reads the archive's 0504 (offer received) or 0506 (imported), after which the
/// cases it took are deleted here. Every message of one offer shares its ProzessID.
public struct ArchiveExchange {
    public let store: CaseStore
    public let catalog: Catalog
    public let deployment: Deployment
    public let organisation: Organisation
    public let product: String

    public init(store: CaseStore, catalog: Catalog, deployment: Deployment, organisation: Organisation, product: String) {
        self.store = store
        self.catalog = catalog
        self.deployment = deployment
        self.organisation = organisation
        self.product = product
    }

    private func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }
    private var office: XdomeaParty { XdomeaParty(name: organisation.office ?? organisation.county ?? text("xdomea.unit")) }
    private var archive: XdomeaParty { XdomeaParty(name: organisation.archive ?? text("xdomea.archive")) }
    private var unit: String { text("xdomea.unit") }

    /// Where the archive bundles are and how to open them.
    public struct Bundles: Sendable {
        public var folder: URL
        public var passphrase: String

        public init(folder: URL, passphrase: String) {
            self.folder = folder
            self.passphrase = passphrase
        }

        /// A case's archive bundle, read and checked in full.
        func read(_ file: String, extractTo scratch: URL? = nil) throws -> VerifiedBundle {
            let fetched = try UserRights.fetch(folder.appendingPathComponent(file).path)
            defer { fetched.discard() }
            return try BundleReader(passphrase: passphrase, trustedKeys: []).read(fetched.url.path, extractTo: scratch)
        }
    }

    // MARK: 0501

    /// Writes the offer list of every case `batch purge` would otherwise delete today
    /// and that was not offered yet into `folder`, then marks them offered. Returns the
    /// file and the cases; nil when there is nothing to offer.
    public func offer(into folder: String, bundles: Bundles?, on date: LocalDate) throws -> (path: String, cases: [Int64])? {
        let lock = try BatchLock(database: store.database.path)  // not beside a batch run
        defer { withExtendedLifetime(lock) {} }
        if deployment.archiveOfferNames, bundles == nil { throw UsageError("offer.namesNeedArchive") }
        var cases = try store.offerCandidates(retentionYears: deployment.retentionYears, on: date)
        guard !cases.isEmpty else { return nil }
        if deployment.archiveOfferNames, let bundles {
            let files = Dictionary(uniqueKeysWithValues: try store.archiveIndex().map { ($0.caseId, $0.bundleFile) })
            for index in cases.indices {
                guard let file = files[cases[index].caseId] ?? nil else { continue }
                cases[index].names = try bundles.read(file).bundle.persons.map { ($0.familyName, $0.givenNames) }
            }
        }
        let process = UUID().uuidString.lowercased()
        let xml = XdomeaKopf.message(.anbieteverzeichnis, [
            XdomeaKopf.kopf(process: process, .anbieteverzeichnis, sender: office, receiver: archive, unit: unit, product: product, flags: [("Empfangsbestaetigung", true)]),
        ] + cases.map { XMLNode("xdomea:Schriftgutobjekt", [offeredAkte($0, process: process)]) })
        let path = try write(process: process, .anbieteverzeichnis, xml: xml, files: [], into: folder) {
            try store.markOffered(cases.map(\.caseId), process: process, on: date)
        }
        return (path, cases.map(\.caseId))
    }

    private func offeredAkte(_ offered: ArchiveOfferCase, process: String) -> XMLNode {
        var facts = [text("offer.municipality", ["municipality": .text(offered.municipality)]), text("offer.persons", ["count": .number(offered.persons)])]
        if !offered.countries.isEmpty { facts.append(text("offer.countries", ["countries": .list(offered.countries.map { .label("country.\($0)") })])) }
        if !offered.topics.isEmpty { facts.append(text("offer.topics", ["topics": .list(offered.topics.map(Vocabulary.topicLabel))])) }
        if let reason = offered.closureReason { facts.append(text("offer.closure", ["reason": .label("closure.\(reason)")])) }
        return XMLNode("xdomea:Akte", [
            XdomeaKopf.identification(Xdomea.objectId(process: process, "case-\(offered.caseId)")),
            XMLNode("xdomea:AllgemeineMetadaten", [
                XMLNode("xdomea:Betreff", text: text("xdomea.fileSubject", ["case": .number(offered.caseId), "kind": offered.kind.label])),
                XMLNode("xdomea:Kennzeichen", text: String(offered.caseId)),
                XMLNode("xdomea:Bemerkung", text: facts.joined(separator: "; ")),
            ]),
            XMLNode("xdomea:ArchivspezifischeMetadaten", [
                XMLNode("xdomea:Aufbewahrungsdauer", [XMLNode("xdomea:AnzahlJahre", text: String(deployment.retentionYears))]),
                XdomeaKopf.disposal("xdomea:Aussonderungsart", code: "B"),
                XMLNode("xdomea:Aufbewahrungsende", text: offered.retentionEnds.iso),
            ]),
            XMLNode("xdomea:Typ", text: text("xdomea.fileType")),
            XdomeaKopf.period(offered.begin, offered.closedOn),
        ] + offered.names.map { XMLNode("xdomea:Kontakt", [CaseAkte.name(family: $0.family, given: $0.given)]) })
    }

    // MARK: 0502 → 0505

    /// Records the archive's appraisal and writes the confirmation (0505) into `folder`.
    public func appraisal(_ reply: XdomeaReply, into folder: String, on date: LocalDate) throws -> (path: String, decided: [(caseId: Int64, decision: String?)]) {
        let lock = try BatchLock(database: store.database.path)  // not beside a batch run
        defer { withExtendedLifetime(lock) {} }
        guard reply.message == .bewertungsverzeichnis else { throw ReceiptError.reply(Message("xdomea.expected", ["message": .text(Xdomea.Message.bewertungsverzeichnis.rawValue)])) }
        let decided = try store.recordAppraisal(process: reply.process, decisions: reply.objects.map { ($0.id, $0.disposal ?? "B") }, on: date)
        let xml = XdomeaKopf.message(.bewertungEmpfangBestaetigen, [
            XdomeaKopf.kopf(process: reply.process, .bewertungEmpfangBestaetigen, sender: office, receiver: archive, unit: unit, product: product, flags: []),
        ])
        return (try write(process: reply.process, .bewertungEmpfangBestaetigen, xml: xml, files: [], into: folder), decided)
    }

    // MARK: 0503

    /// Writes one hand-over (0503) per process with the cases the archive keeps, the
    /// full record as it stood at closing, from the archive bundles, and marks them
    /// handed over. `caseFilePDF` typesets a case's file from its case.json.
    public func handoff(into folder: String, bundles: Bundles, signingKey: Curve25519.Signing.PrivateKey?, on date: LocalDate,
                        caseFilePDF: (CaseBundle) throws -> Data) throws -> [(path: String, cases: [Int64])] {
        let lock = try BatchLock(database: store.database.path)  // not beside a batch run
        defer { withExtendedLifetime(lock) {} }
        return try store.handoffCases().map { process, cases in
            let scratch = try store.scratchFolder()
            defer { try? FileManager.default.removeItem(at: scratch) }
            var akten: [XMLNode] = []
            var files: [(name: String, content: XdomeaPackageWriter.Content)] = []
            for (caseId, objectId, file) in cases {
                let extracted = scratch.appendingPathComponent("case-\(caseId)")
                try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
                let verified = try bundles.read(file, extractTo: extracted)
                guard verified.bundle.sender.caseId == caseId else { throw DataError("archive.readBack", ["case": .number(caseId)]) }
                let packed = CaseAkte.files(of: verified.bundle, akte: objectId, catalog: catalog)
                var akte = CaseAkte(bundle: verified.bundle, id: objectId, files: packed, catalog: catalog)
                akte.archival = XMLNode("xdomea:ArchivspezifischeMetadaten", [
                    XMLNode("xdomea:Aufbewahrungsdauer", [XMLNode("xdomea:AnzahlJahre", text: String(deployment.retentionYears))]),
                    XdomeaKopf.disposal("xdomea:Aussonderungsart", code: "A"),
                ])
                akten.append(XMLNode("xdomea:Schriftgutobjekt", [akte.xml]))
                files += try XdomeaPackageWriter.caseFiles(verified.bundle, packed: packed, pdf: try caseFilePDF(verified.bundle), attachments: verified.files)
            }
            let xml = XdomeaKopf.message(.aussonderung, [
                XdomeaKopf.kopf(process: process, .aussonderung, sender: office, receiver: archive, unit: unit, product: product,
                                flags: [("Importbestaetigung", true), ("RueckmeldungArchivkennung", true), ("Empfangsbestaetigung", true)]),
            ] + akten)
            let path = try write(process: process, .aussonderung, xml: xml, files: files, into: folder, signingKey: signingKey) {
                try store.markHandedOff(cases.map(\.caseId), on: date)
            }
            return (path, cases.map(\.caseId))
        }
    }

    // MARK: 0504, 0506

    /// What the archive's confirmation did.
    public enum Confirmation: Sendable {
        case offerReceived(cases: Int)
        /// 0506: the cases it took (deleted here now) and those it refused (they stay).
        case imported(purged: [Int64], refused: [(caseId: Int64, problems: [String])])
        case received
    }

    public func confirm(_ reply: XdomeaReply, archiveFolder: URL?, on date: LocalDate) throws -> Confirmation {
        let lock = try BatchLock(database: store.database.path)  // not beside a batch run
        defer { withExtendedLifetime(lock) {} }
        switch reply.message {
        case .anbietungEmpfangBestaetigen:
            return .offerReceived(cases: try store.recordOfferReceived(process: reply.process, on: date))
        case .aussonderungEmpfangBestaetigen:
            try store.requireOfferProcess(reply.process)
            return .received
        case .aussonderungImportBestaetigen:
            let (confirmed, refused) = try store.archiveImport(process: reply.process, results: reply.objects)
            for (archived, reference) in confirmed {
                try PurgePolicy.delete(archived, store: store, archive: archiveFolder, on: date, archiveRef: reference ?? text("offer.taken"))
            }
            if let archiveFolder, !confirmed.isEmpty { try Archiver.writeIndex(store: store, folder: archiveFolder, catalog: catalog) }
            return .imported(purged: confirmed.map(\.0.caseId), refused: refused)
        default:
            let expected: [Xdomea.Message] = [.anbietungEmpfangBestaetigen, .aussonderungImportBestaetigen, .aussonderungEmpfangBestaetigen]
            throw ReceiptError.reply(Message("xdomea.expected", ["message": .alternatives(expected.map { .text($0.rawValue) })]))
        }
    }

    /// A message with its files as `{ProzessID}_{Nachricht}.zip` in `folder`, written
    /// where lotse may read the files and handed to the user's folder with the user's
    /// rights; then `record` notes it in the database. Should that fail, the file goes
    /// again, so a rerun finds neither.
    private func write(process: String, _ message: Xdomea.Message, xml: XMLNode, files: [(name: String, content: XdomeaPackageWriter.Content)],
                       into folder: String, signingKey: Curve25519.Signing.PrivateKey? = nil, record: () throws -> Void = {}) throws -> String {
        let path = (folder as NSString).appendingPathComponent(Xdomea.fileName(process: process, message, ext: "zip"))
        guard !UserRights.asUser({ FileManager.default.fileExists(atPath: path) }) else { throw UsageError("file.exists", ["path": .text(path)]) }
        let staging = UserRights.staging(for: path)
        try XdomeaPackageWriter(signingKey: signingKey).write(process: process, message, xml: xml, files: files, as: staging.path)
        try UserRights.deliver(staging, to: path)
        do { try record() } catch {
            UserRights.asUser { _ = try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        return path
    }
}
