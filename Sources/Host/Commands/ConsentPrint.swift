import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.ConsentCommand {
    struct Print: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "print", abstract: "The consent to sign before a handover, beside the client's language; file its signed scan with consent add --form.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "The receiving municipality.") var to: String
        @Option(help: "What the consent is for: handover.") var scope: String
        @Option(help: ArgumentHelp("A module whose data stay here (repeatable).", valueName: "module")) var exclude: [String] = []
        @OptionGroup var date: DateOption
        @OptionGroup var document: DocumentOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            _ = try session.context.choice(scope, "--scope", in: Choices([("handover", .label("consentScope.handover"))]))  // the one form so far
            let modules = session.store.vocabulary.moduleChoices
            let excluded = try exclude.map { try session.context.choice($0, "--exclude", in: modules) }
            let participants = try session.store.documentParticipants(caseId, on: date.date)
            try document.write(session, reading: participants.readingLanguages) { catalog, client, isolateNames in
                HandoverLetter(kind: .consent, caseId: caseId, participants: participants, receiver: to,
                               modules: session.context.configuration.modules.map(\.module.id).filter { !excluded.contains($0) }, excluded: excluded,
                               words: Bilingual(catalog: catalog, client: client, isolateNames: isolateNames)).printDocument()
            }
        }
    }
}
