import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.HandoverCommand {
    struct Verify: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check a bundle completely without touching the database.")
        @OptionGroup var config: ConfigOptions
        @OptionGroup var bundleOptions: BundleReadOptions
        @Argument(help: "The bundle (.zip).") var file: String

        func run(in source: SessionSource) throws {
            let context = try source.context(config)
            let voice = context.voice
            if UserRights.secure {
                // In the shared installation: a mapped user (or the kiosk's) with a role
                // that handles bundles, before a byte of the file is copied.
                if let workplace = source.workplace {
                    try workplace.session().store.requireAny([.writeCases, .archive])
                } else {
                    let database = try LotseDatabase.open(at: context.locations.database(explicit: nil))
                    let principal = try Accounts(database: database).principal(osUser: CaseStore.operatingSystemUser)
                    try CaseStore(database: database, principal: principal, vocabulary: try context.vocabulary()).requireAny([.writeCases, .archive])
                }
            }
            let fetched = try UserRights.fetch(file, limit: Int64(context.configuration.deployment.bundleMaxTotalMB) << 20)
            defer { fetched.discard() }
            let verified = try bundleOptions.reader(for: fetched.url.path, context: context).read(fetched.url.path)
            let bundle = verified.bundle
            voice.say("handover.verified", [
                "purpose": .label("bundlePurpose.\(bundle.purpose)"), "sender": .text(bundle.sender.municipality), "senderCase": .number(bundle.sender.caseId),
                "receiver": .text(bundle.receiver), "date": .date(bundle.exportedOn), "schema": .text(bundle.schema),
                "persons": .number(bundle.persons.count), "goals": .number(bundle.agreements.reduce(0) { $0 + $1.goals.count }),
                "conversations": .number(bundle.conversations.count), "files": .number(bundle.attachments.count), "bytes": .text(String(verified.payloadBytes)),
                "encryption": .label(verified.encrypted ? "handover.encrypted" : "handover.notEncrypted"),
                "signature": verified.signedBy.map { .message(Message("handover.signedBy", ["key": .text(String($0.prefix(12)))])) } ?? .label("handover.notSigned"),
            ])
            if !bundle.excludedModules.isEmpty { voice.say("handover.leftOut", ["modules": .list(bundle.excludedModules.map { .text($0) })]) }
        }
    }
}
