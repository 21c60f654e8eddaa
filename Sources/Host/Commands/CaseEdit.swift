import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct Edit: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a case's staff, justified extension or next review date.",
                                                        discussion: "An extension (care for one year beyond maxCareYears) needs a reason; it is dated with --on.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var id: Int64
        @Option(help: "Responsible staff member (id or name).") var staff: String?
        @Flag(name: .customLong("extension"), inversion: .prefixedNo, help: "Care beyond the funded maximum is justified.") var justifiedExtension: Bool?
        @Option(help: "Why the extension is justified (required with --extension).") var reason: String?
        @Option(name: .customLong("next-review"), help: ArgumentHelp("Next review date.", valueName: "date")) var nextReview: LocalDate?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            guard staff != nil || justifiedExtension != nil || nextReview != nil else {
                throw UsageError("case.editNothing")
            }
            let changes = CaseStore.CaseChanges(staff: staff, justifiedExtension: justifiedExtension, extensionReason: reason, nextReviewOn: nextReview)
            let session = try source.session(store)
            let voice = session.voice
            let caseFile = try session.store.editCase(id, changes, on: date.date)
            voice.say("case.updated", ["case": .number(caseFile.id!)])
        }
    }
}
