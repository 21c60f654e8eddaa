import Crypto
import Foundation
import PluginKit

/// A handover from start to end: gather the case, write the bundle, read it back
/// completely, and only then mark the sender's case handed over.
public struct HandoverExporter {
    public let store: CaseStore
    public let resources: URL
    /// The language of the bundle's summary (the deployment's).
    public let locale: String

    public init(store: CaseStore, resources: URL, locale: String) {
        self.store = store
        self.resources = resources
        self.locale = locale
    }

    public struct Request: Sendable {
        public var caseId: Int64
        public var receiver: String
        public var date: LocalDate
        public var excluded: Set<String> = []
        public var withoutConsent: String?
        public var passphrase: String?
        public var signingKey: URL?
        /// The key is a file the user named (`--sign`), not the installation's.
        public var signingKeyOfUser = false
        /// The bundle file; default: lotse-handover-DATE-ID.zip in the current folder.
        public var output: String?
        /// 1 or 2: write that older version for a receiver that has not upgraded.
        public var schemaVersion = 3
        /// Set for an xdomea `Abgabe.Abgabe.0401` instead of a bag.
        public var xdomea: Xdomea? = nil

        public struct Xdomea: Sendable {
            /// Typesets the case file as PDF from the case.json it goes with (before anything is written).
            public var caseFilePDF: @Sendable (CaseBundle) throws -> Data
            /// lotse's version, as the message names the sending system.
            public var product: String

            public init(caseFilePDF: @escaping @Sendable (CaseBundle) throws -> Data, product: String) {
                self.caseFilePDF = caseFilePDF
                self.product = product
            }
        }

        public init(caseId: Int64, receiver: String, date: LocalDate) {
            self.caseId = caseId
            self.receiver = receiver
            self.date = date
        }
    }

    /// Writes the bundle; returns its path, what reading it back found, and what a
    /// `lotse-case/1` bundle left out.
    public func export(_ request: Request) throws -> (path: String, verified: VerifiedBundle, leftOut: [TextValue]) {
        let key = try request.signingKey.map { try SigningKey.loadPrivate($0, ofUser: request.signingKeyOfUser) }
        var (bundle, files) = try store.exportBundle(request.caseId, to: request.receiver, on: request.date, excluding: request.excluded,
                                                     withoutConsent: request.withoutConsent)
        var leftOut: [TextValue] = []
        if request.schemaVersion < 3 { (bundle, leftOut) = bundle.asVersion(request.schemaVersion) }
        let (catalog, templates) = try BundleSummary.documents(resources: resources, locale: locale)
        // With xdomea `output` is the folder and the file name the standard's.
        let path = request.xdomea == nil ? request.output ?? "lotse-handover-\(request.date.iso)-\(bundle.bundleId.prefix(8)).zip"
            : ((request.output ?? ".") as NSString).appendingPathComponent(LotseCore.Xdomea.fileName(process: bundle.bundleId, .abgabe, ext: "zip"))
        guard !FileManager.default.fileExists(atPath: path) else { throw UsageError("file.exists", ["path": .text(path)]) }
        // Written where lotse may read its attachments, checked, then handed to the
        // user's path with the user's rights (`UserRights`).
        let staging = UserRights.staging(for: path)
        if let xdomea = request.xdomea {
            let (sender, receiver) = try store.xdomeaParties(request.caseId, receiver: request.receiver)
            try AbgabeMessage(bundle: bundle, sender: sender, receiver: receiver, product: xdomea.product, catalog: catalog)
                .write(caseFilePDF: try xdomea.caseFilePDF(bundle), attachments: files, signingKey: key, as: staging.path)
        } else {
            let summary = try BundleSummary(bundle: bundle, catalog: catalog, templates: templates).render()
            try BundleWriter(passphrase: request.passphrase, signingKey: key).write(bundle, files: files, summary: summary, to: staging.path)
        }
        // Read back under the rules a receiver with default settings applies (a case of
        // more persons than `maxPersonsPerCase` allows would be refused there), before
        // the case is marked handed over.
        let defaults = Deployment()
        var check = BundleReader(passphrase: request.passphrase, trustedKeys: key.map { [$0.publicKey.rawRepresentation.base64EncodedString()] } ?? [],
                                 rules: BundleRules(vocabulary: store.vocabulary, maxPersons: defaults.maxPersonsPerCase, today: .today,
                                                    fieldLimits: defaults.fieldLimits))
        check.xdomeaSchema = LotseCore.Xdomea.schema(in: resources)
        let verified: VerifiedBundle
        do { verified = try check.read(staging.path) } catch {
            try? FileManager.default.removeItem(at: staging)
            throw DataError("handover.writtenDidNotVerify", ["problem": .message(error.message)])
        }
        try UserRights.deliver(staging, to: path)
        try store.markHandedOver(request.caseId, bundleId: bundle.bundleId, receiver: request.receiver, on: request.date,
                                 sha256: verified.sha256, withoutConsent: request.withoutConsent)
        return (path, verified, leftOut)
    }
}
