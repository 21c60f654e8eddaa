import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.WaitlistCommand {
    struct Admit: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "admit", abstract: "Admit waiting cases in order while places are free (FTE × persons per FTE).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Municipality id or name.") var municipality: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let result = try session.store.admit(municipality: municipality, personsPerFTE: session.context.configuration.deployment.personsPerFTE, on: date.date,
                                                eligibility: session.context.configuration.deployment.eligibility)
            if output.json { return print(try JSONOutput.string(result)) }
            for entry in result.admitted { voice.say("waitlist.admitted", ["case": .number(entry.caseId), "municipality": .text(entry.municipality), "persons": .number(entry.persons)]) }
            for skip in result.skipped { voice.say("waitlist.skipped", ["case": .number(skip.caseId), "persons": .number(skip.persons), "free": .number(skip.freePlaces)]) }
            if result.admitted.isEmpty && result.skipped.isEmpty { voice.say("waitlist.nobody") }
            for capacity in result.capacities { voice.say("waitlist.capacity", ["municipality": .text(capacity.municipality), "inCare": .number(capacity.inCare), "places": .number(capacity.places), "free": .number(capacity.free)]) }
        }
    }
}
