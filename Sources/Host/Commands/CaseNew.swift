import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct New: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "new", 
            abstract: "Open a case with its first person; it waits on the waiting list unless --open.",
            discussion: "Add more household members with 'lotse person add CASE'."
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "Municipality id or name.") var municipality: String
        @Option(help: "family (the household) or individual (one adult).") var kind: String?
        @Option(help: "Responsible staff member (id or name).") var staff: String?
        @Flag(help: "Open the case now instead of putting it on the waiting list.") var open = false
        @Option(help: ArgumentHelp("Date (default today).", valueName: "date")) var on: LocalDate?
        @OptionGroup var person: PersonOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let result = try session.store.newCase(kind: try session.context.choice(kind, "--kind") ?? CaseKind.family, municipality: municipality, staff: staff,
                                                   person: try person.person(session.context),
                                                   open: open, on: on ?? session.today)
            result.similar.warnAsPossibleDuplicates(except: result.personId, voice: voice)
            voice.say("case.opened", ["case": .number(result.caseFile.id!), "status": result.caseFile.status.label, "person": .number(result.personId)])
        }
    }
}
