import ArgumentParser
import LotseCore

extension Lotse.AgreementCommand {
    struct Edit: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Correct who interpreted when an agreement was made (audited).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Agreement id.") var id: Int64
        @Option(help: ArgumentHelp("The interpreter's name, printed with a line to sign; \"\" removes it.", valueName: "name")) var interpreter: String

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let agreement = try session.store.editAgreement(id, interpreter: interpreter)
            voice.say(agreement.interpreter == nil ? "agreement.interpreterRemoved" : "agreement.interpreterSet",
                        ["agreement": .number(id), "name": .text(agreement.interpreter ?? "")])
        }
    }
}
