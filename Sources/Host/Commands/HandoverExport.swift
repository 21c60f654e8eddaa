import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.HandoverCommand {
    struct Export: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a case's handover bundle; the case becomes handed_over once the bundle is written and read back."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "Receiving municipality (needs a recorded consent to pass the case to it).") var to: String
        /// The lotse bundle, or xdomea's `Abgabe.Abgabe.0401` for an office without lotse.
        enum Format: String, Labelled {
            case bundle, xdomea
            static var labelPrefix: String { "handoverFormat" }
        }

        @Option(help: "bundle (default: lotse's own) or xdomea (Abgabe.Abgabe.0401, for an office without lotse).") var format: String?
        @Option(name: .shortAndLong, help: "Bundle file (default: lotse-handover-DATE-ID.zip here); with --format xdomea the folder.") var output: String?
        @Flag(help: "Encrypt every entry with WinZip AES-256 (passphrase asked twice or --passphrase-file).") var encrypt = false
        @Option(name: .customLong("passphrase-file"), help: ArgumentHelp("Read the passphrase from this file.", valueName: "file")) var passphraseFile: String?
        @Option(help: ArgumentHelp("Sign with this private key (lotse keys generate; default: signingKey in plugins.json).", valueName: "keyfile")) var sign: String?
        @Option(help: ArgumentHelp("Leave this module's data out (repeatable).", valueName: "module")) var exclude: [String] = []
        @Option(name: .customLong("without-consent"), help: ArgumentHelp("Hand over without a recorded consent, for this reason (audited).", valueName: "reason"))
        var withoutConsent: String?
        @Option(help: ArgumentHelp("2 or 1: write lotse-case/2 (without coded languages) or /1 (also without country, residence status, start of support and extension) for a receiver whose lotse is older.",
                                   valueName: "version")) var schema: Int?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let format = try session.context.choice(self.format, "--format", as: Format.self) ?? .bundle
            if format == .xdomea {
                // xdomea has no encryption and one version of its own.
                if encrypt || passphraseFile != nil { throw UsageError("handover.xdomeaEncrypt") }
                if schema != nil { throw UsageError("handover.xdomeaSchema") }
            }
            let schema = self.schema ?? 3
            guard [1, 2, 3].contains(schema) else { throw UsageError("handover.schemaOption", ["value": .number(schema)]) }
            let modules = session.store.vocabulary.moduleChoices
            var request = HandoverExporter.Request(caseId: caseId, receiver: to, date: date.date)
            request.excluded = Set(try exclude.map { try session.context.choice($0, "--exclude", in: modules) })
            request.withoutConsent = withoutConsent
            request.passphrase = encrypt || passphraseFile != nil ? try Passphrase.read(file: passphraseFile, confirm: true, voice: voice) : nil
            request.signingKey = (sign ?? session.context.configuration.deployment.signingKey).map { URL(fileURLWithPath: $0) }
            request.signingKeyOfUser = sign != nil
            request.output = output
            request.schemaVersion = schema
            // The client's notice is set before anything is written: a missing font stops the handover, not the notice alone.
            let participants = try session.store.documentParticipants(caseId, on: date.date)
            let clients = try session.context.clientCatalogs(for: nil, reading: participants.readingLanguages, besides: session.context.catalog.locale)
            let notice = try PDFWriter().render(PrintDocument(clients.map { client in
                HandoverLetter(kind: .notice(on: date.date), caseId: caseId, participants: participants, receiver: to,
                               modules: session.context.configuration.modules.map(\.module.id).filter { !request.excluded.contains($0) },
                               excluded: request.excluded.sorted(),
                               words: Bilingual(catalog: session.context.catalog, client: client, isolateNames: true)).printDocument()
            }))
            if format == .xdomea {
                let vocabulary = session.store.vocabulary
                request.xdomea = .init(caseFilePDF: { try PDFWriter().render(CaseFileDocument(bundle: $0, vocabulary: vocabulary, voice: voice).printDocument()) }, product: Lotse.version)
            }
            let (path, verified, leftOut) = try HandoverExporter(store: session.store, resources: session.context.resources, locale: session.context.catalog.locale).export(request)
            let bundle = verified.bundle
            voice.say("handover.exported", ["file": .text(path), "persons": .number(bundle.persons.count), "files": .number(bundle.attachments.count),
                                              "bytes": .text(String(verified.payloadBytes)), "case": .number(caseId), "receiver": .text(to),
                                              "encryption": .label(verified.encrypted ? "handover.andEncrypted" : "value.empty"),
                                              "signature": .label(verified.signedBy != nil ? "handover.andSigned" : "value.empty")])
            let noticePath = (path.hasSuffix(".zip") ? String(path.dropLast(4)) : path) + ".notice.pdf"
            try OutputFile.write(notice, to: noticePath)
            voice.say("handoverNotice.written", ["file": .text(noticePath)])
            if schema < 3 { voice.say(leftOut.isEmpty ? "handover.version1" : "handover.version1LeftOut", ["what": .list(leftOut), "version": .number(schema)]) }
        }
    }
}
