import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.OutcomeCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record an outcome for a person of a case, of a kind a module owns.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "Person id.") var person: Int64
        @Option(help: "Module id, e.g. work.") var module: String
        @Option(help: "Outcome kind, e.g. employment.") var kind: String
        @Option(help: "Value, e.g. B1 for language level_reached.") var value: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let vocabulary = session.store.vocabulary
            let module = try session.context.choice(module, "--module", in: vocabulary.moduleChoices)
            let kind = try session.context.choice(kind, "--kind", in: vocabulary.outcomeChoices(module: module))
            let outcome = try session.store.addOutcome(caseId, personId: person, module: module, kind: kind, value: value, on: date.date)
            voice.say("outcome.recorded", ["outcome": .number(outcome.id!), "kind": .message(Message("outcome.\(outcome.kind)", namespace: outcome.module))])
        }
    }
}
