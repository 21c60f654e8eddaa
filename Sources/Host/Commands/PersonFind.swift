import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Find: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "find", abstract: "Find persons by name parts and birth year (the search is audited).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Parts of the family or given names.") var names: [String] = []
        @Option(help: "Birth year.") var born: Int?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let matches = try session.store.findPersons(nameParts: names, bornIn: born)
            if output.json { return print(try JSONOutput.string(matches)) }
            if matches.isEmpty { return voice.say("person.noneFound") }
            print(TextTable(header: voice.columns("table.persons"),
                            rows: matches.map { [String($0.personId), $0.familyName, $0.givenNames,
                                                 LocalDate(iso: $0.birth).map(voice.date) ?? $0.birth,  // a year alone stays a year
                                                 $0.caseIds.map(String.init).joined(separator: ", ")] }).render())
        }
    }
}
