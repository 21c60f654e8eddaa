import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.HandoverCommand {
    struct Import: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Verify a bundle, then create its case here in one transaction (a bundle is imported once only)."
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var bundleOptions: BundleReadOptions
        @Argument(help: "The bundle (.zip).") var file: String
        @Option(help: "Receiving municipality here (default: the bundle's receiver).") var municipality: String?
        @Option(help: "Responsible staff member here (id or name).") var staff: String?
        @Option(help: ArgumentHelp("Write the receipt for the sender here (default: beside the bundle, BUNDLE.receipt.json).", valueName: "file"))
        var receipt: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let signingKey = try session.context.configuration.deployment.signingKey.map { try SigningKey.loadPrivate(URL(fileURLWithPath: $0)) }
            let bundle = try UserRights.fetch(file, limit: Int64(session.context.configuration.deployment.bundleMaxTotalMB) << 20)
            defer { bundle.discard() }
            let reader = try bundleOptions.reader(for: bundle.url.path, context: session.context)
            let folder = try session.store.scratchFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let verified = try reader.read(bundle.url.path, extractTo: folder)
            let receiptPath = receipt ?? (file.hasSuffix(".zip") ? String(file.dropLast(4)) : file) + ".receipt.json"
            // The receipt is written inside the import's transaction: a receipt that cannot
            // be written rolls the import back, so the sender can send again.
            let caseId = try session.store.importBundle(verified.bundle, files: verified.files, municipality: municipality ?? verified.bundle.receiver,
                                                        staff: staff, on: date.date, sha256: verified.sha256,
                                                        unsignedReason: verified.signedBy == nil ? bundleOptions.allowUnsigned : nil) { caseId in
                let receiptFile = try HandoverReceipt(bundleId: verified.bundle.bundleId, bundleSha256: verified.sha256, receiver: municipality ?? verified.bundle.receiver,
                                                      receiverCaseId: caseId, receivedOn: date.date).file(signedWith: signingKey)
                try OutputFile.write(receiptFile, to: receiptPath)
            }
            voice.say("handover.imported", ["case": .number(caseId), "sender": .text(verified.bundle.sender.municipality), "senderCase": .number(verified.bundle.sender.caseId), "persons": .number(verified.bundle.persons.count), "files": .number(verified.files.count)])
            voice.say(signingKey == nil ? "handover.receiptUnsigned" : "handover.receiptSigned", ["file": .text(receiptPath), "sender": .text(verified.bundle.sender.municipality)])
        }
    }
}
