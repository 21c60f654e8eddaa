import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.PersonCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a person to a family case's household.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: ArgumentHelp("Member of the household from (default today).", valueName: "date")) var from: LocalDate?
        @OptionGroup var person: PersonOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let result = try session.store.addPerson(to: caseId, try person.person(session.context), from: from ?? session.today)
            result.similar.warnAsPossibleDuplicates(except: result.personId, voice: voice)
            voice.say("person.added", ["person": .number(result.personId), "case": .number(caseId)])
        }
    }
}
