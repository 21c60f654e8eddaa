import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.HandoverCommand {
    struct Confirm: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "confirm",
            abstract: "Record the receiver's receipt for a bundle sent from here (checked against the bundle and the receiver's trusted key)."
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The receipt file (BUNDLE.receipt.json), or an xdomea reply (0402, 0403: .xml or .zip).") var file: String
        @Option(name: .customLong("trusted-keys"), help: ArgumentHelp("Folder of trusted public keys (default: trustedKeysDir in plugins.json).", valueName: "dir"))
        var trustedKeys: String?
        @Option(name: .customLong("allow-unsigned"), help: ArgumentHelp("Accept an unsigned receipt, for this reason (audited).", valueName: "reason"))
        var allowUnsigned: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let data = try UserRights.read(file, limit: 1 << 20)
            if XdomeaReply.isReply(data) { return try confirmXdomea(data, session) }
            let folder = session.context.locations.trustedKeys(explicit: trustedKeys, deployment: session.context.configuration.deployment)
            let checked = try HandoverReceipt.read(data, trusted: SigningKey.trusted(in: folder))
            let (caseId, already) = try session.store.confirmReceipt(checked, unsignedReason: allowUnsigned, on: date.date)
            let receipt = checked.receipt
            voice.say(already ? Message("handover.confirmedAlready", ["case": .number(caseId)])
                : Message(checked.signedBy == nil ? "handover.confirmedUnsigned" : "handover.confirmed",
                          ["case": .number(caseId), "receiver": .text(receipt.receiver), "date": .date(receipt.receivedOn),
                           "theirCase": .number(receipt.receiverCaseId), "reason": .text(allowUnsigned ?? "")]))
        }

        /// A 0402 or 0403 from an office that took an xdomea handover.
        private func confirmXdomea(_ data: Data, _ session: Session) throws {
            let reply = try XdomeaReply.read(data, resources: session.context.resources)
            let (caseId, outcome) = try session.store.recordXdomeaReply(reply, on: date.date)
            let voice = session.voice
            switch outcome {
            case .imported: voice.say("handover.xdomeaImported", ["case": .number(caseId)])
            case .failed(let problems): voice.say("handover.xdomeaFailed", ["case": .number(caseId), "problems": .list(problems.map { .text($0) })])
            case .delivered: voice.say("handover.xdomeaDelivered", ["case": .number(caseId)])
            case .already: voice.say("handover.confirmedAlready", ["case": .number(caseId)])
            }
        }
    }
}
