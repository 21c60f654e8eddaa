import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.WaitlistCommand {
    struct Show: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "The waiting list in admission order.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Municipality id or name.") var municipality: String?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let entries = try session.store.waitlist(municipality: municipality, on: session.today, eligibility: session.context.configuration.deployment.eligibility)
            if output.json { return print(try JSONOutput.string(entries)) }
            print(TextTable(header: voice.columns("table.waitlist"),
                            rows: entries.enumerated().map { [String($0.offset + 1), String($0.element.caseId), $0.element.municipality, String($0.element.persons),
                                                              voice.text($0.element.arrivedInPriorityWindow ? "answer.yes" : "answer.no"), voice.label($0.element.stayProspect),
                                                              voice.date($0.element.waitlistedOn)] }).render())
        }
    }
}
