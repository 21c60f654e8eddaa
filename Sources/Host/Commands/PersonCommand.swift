import ArgumentParser
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse person add|find`.
    struct PersonCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "person",
            abstract: "Add a household member to a case, or find persons by name.",
            subcommands: [Add.self, Find.self, Edit.self, Export.self, Erase.self]
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person to a family case's household.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "Case id.") var caseId: Int64
            @Option(help: ArgumentHelp("Member of the household from (default today).", valueName: "date")) var from: LocalDate?
            @OptionGroup var person: PersonOptions

            func run() throws {
                let session = try store.session()
                let result = try session.store.addPerson(to: caseId, person.person, from: from ?? session.today)
                result.similar.warnAsPossibleDuplicates(except: result.personId)
                Console.say("person.added", ["person": .number(result.personId), "case": .number(caseId)])
            }
        }

        struct Find: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "find", abstract: "Find persons by name parts and birth year (the search is audited).")
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions
            @Argument(help: "Parts of the family or given names.") var names: [String] = []
            @Option(help: "Birth year.") var born: Int?

            func run() throws {
                let matches = try store.session().store.findPersons(nameParts: names, bornIn: born)
                if output.json { return print(try JSONOutput.string(matches)) }
                if matches.isEmpty { return Console.say("person.noneFound") }
                print(TextTable(header: Console.columns("table.persons"),
                                rows: matches.map { [String($0.personId), $0.familyName, $0.givenNames, $0.birth, $0.caseIds.map(String.init).joined(separator: ", ")] }).render())
            }
        }
    }
}
