import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct Close: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a case with a reason from closure-reasons.json.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var id: Int64
        @Option(help: "moved_away, integration_completed, no_longer_eligible, no_contact, declined, deceased or other.") var reason: String
        @Option(help: ArgumentHelp("Closing date (default today).", valueName: "date")) var on: LocalDate?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let reason = try session.context.choice(reason, "--reason", in: session.store.vocabulary.closureChoices)
            let caseFile = try session.store.closeCase(id, reason: reason, on: on ?? session.today)
            voice.say("case.closed", ["case": .number(caseFile.id!), "date": .optionalDate(caseFile.closedOn), "reason": .label("closure.\(reason)")])
        }
    }
}
