import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person to a family case's household.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: ArgumentHelp("Member of the household from (default today).", valueName: "date")) var from: LocalDate?
        @OptionGroup var person: PersonOptions

        func run() throws {
            let session = try store.session()
            let result = try session.store.addPerson(to: caseId, try person.person(session.context), from: from ?? session.today)
            result.similar.warnAsPossibleDuplicates(except: result.personId)
            Console.say("person.added", ["person": .number(result.personId), "case": .number(caseId)])
        }
    }
}
