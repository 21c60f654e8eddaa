import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse waitlist [admit]`.
    struct WaitlistCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "waitlist",
            abstract: "Show the waiting list, or admit from it while places are free.",
            discussion: "Order: arrival between 01.01.2015 and 29.02.2016 first, then stay prospect (high, medium, low, unknown), then waiting time.",
            subcommands: [Show.self, Admit.self],
            defaultSubcommand: Show.self
        )

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "show", abstract: "The waiting list in admission order.")
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "Municipality id or name.") var municipality: String?

            func run() throws {
                let session = try store.session()
                let entries = try session.store.waitlist(municipality: municipality, on: session.today)
                if output.json { return print(try JSONOutput.string(entries)) }
                print(TextTable(header: Console.columns("table.waitlist"),
                                rows: entries.enumerated().map { [String($0.offset + 1), String($0.element.caseId), $0.element.municipality, String($0.element.persons),
                                                                  Console.text($0.element.arrivedInPriorityWindow ? "answer.yes" : "answer.no"), Console.label($0.element.stayProspect),
                                                                  Console.date($0.element.waitlistedOn)] }).render())
            }
        }

        struct Admit: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "admit", abstract: "Admit waiting cases in order while places are free (FTE × persons per FTE).")
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "Municipality id or name.") var municipality: String?
            @OptionGroup var date: DateOption

            func run() throws {
                let session = try store.session()
                let result = try session.store.admit(municipality: municipality, personsPerFTE: session.context.configuration.deployment.personsPerFTE, on: date.date)
                if output.json { return print(try JSONOutput.string(result)) }
                for entry in result.admitted { Console.say("waitlist.admitted", ["case": .number(entry.caseId), "municipality": .text(entry.municipality), "persons": .number(entry.persons)]) }
                for skip in result.skipped { Console.say("waitlist.skipped", ["case": .number(skip.caseId), "persons": .number(skip.persons), "free": .number(skip.freePlaces)]) }
                if result.admitted.isEmpty && result.skipped.isEmpty { Console.say("waitlist.nobody") }
                for capacity in result.capacities { Console.say("waitlist.capacity", ["municipality": .text(capacity.municipality), "inCare": .number(capacity.inCare), "places": .number(capacity.places), "free": .number(capacity.free)]) }
            }
        }
    }
}
