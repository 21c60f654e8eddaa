import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.HandoverCommand {
    struct Import: ParsableCommand {
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

        func run() throws {
            let session = try store.session()
            let signingKey = try session.context.configuration.deployment.signingKey.map { try SigningKey.loadPrivate(URL(fileURLWithPath: $0)) }
            let bundle = try UserRights.fetch(file, limit: Int64(session.context.configuration.deployment.bundleMaxTotalMB) << 20)
            defer { bundle.discard() }
            let reader = try bundleOptions.reader(for: bundle.url.path, context: session.context)
            let folder = try session.store.scratchFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let verified = try reader.read(bundle.url.path, extractTo: folder)
            let caseId = try session.store.importBundle(verified.bundle, files: verified.files, municipality: municipality ?? verified.bundle.receiver,
                                                        staff: staff, on: date.date, sha256: verified.sha256,
                                                        unsignedReason: verified.signedBy == nil ? bundleOptions.allowUnsigned : nil)
            Console.say("handover.imported", ["case": .number(caseId), "sender": .text(verified.bundle.sender.municipality), "senderCase": .number(verified.bundle.sender.caseId), "persons": .number(verified.bundle.persons.count), "files": .number(verified.files.count)])
            let receiptPath = receipt ?? (file.hasSuffix(".zip") ? String(file.dropLast(4)) : file) + ".receipt.json"
            let receiptFile = try HandoverReceipt(bundleId: verified.bundle.bundleId, bundleSha256: verified.sha256, receiver: municipality ?? verified.bundle.receiver,
                                                  receiverCaseId: caseId, receivedOn: date.date).file(signedWith: signingKey)
            try OutputFile.write(String(decoding: receiptFile, as: UTF8.self), to: receiptPath)
            Console.say(signingKey == nil ? "handover.receiptUnsigned" : "handover.receiptSigned", ["file": .text(receiptPath), "sender": .text(verified.bundle.sender.municipality)])
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check a bundle completely without touching the database.")
        @OptionGroup var config: ConfigOptions
        @OptionGroup var bundleOptions: BundleReadOptions
        @Argument(help: "The bundle (.zip).") var file: String

        func run() throws {
            let context = try AppContext(options: config)
            let fetched = try UserRights.fetch(file, limit: Int64(context.configuration.deployment.bundleMaxTotalMB) << 20)
            defer { fetched.discard() }
            let verified = try bundleOptions.reader(for: fetched.url.path, context: context).read(fetched.url.path)
            let bundle = verified.bundle
            Console.say("handover.verified", [
                "purpose": .text(bundle.purpose), "sender": .text(bundle.sender.municipality), "senderCase": .number(bundle.sender.caseId),
                "receiver": .text(bundle.receiver), "date": .date(bundle.exportedOn), "schema": .text(bundle.schema),
                "persons": .number(bundle.persons.count), "goals": .number(bundle.agreements.reduce(0) { $0 + $1.goals.count }),
                "conversations": .number(bundle.conversations.count), "files": .number(bundle.attachments.count), "bytes": .text(String(verified.payloadBytes)),
                "encryption": .label(verified.encrypted ? "handover.encrypted" : "handover.notEncrypted"),
                "signature": verified.signedBy.map { .message(Message("handover.signedBy", ["key": .text(String($0.prefix(12)))])) } ?? .label("handover.notSigned"),
            ])
            if !bundle.excludedModules.isEmpty { Console.say("handover.leftOut", ["modules": .list(bundle.excludedModules.map { .text($0) })]) }
        }
    }
}
