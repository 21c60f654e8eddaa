import ArgumentParser
import LotseCore

extension Lotse.MunicipalityCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a municipality's funded FTE or grantee.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Municipality id or name.") var municipality: String
        @Option(help: "Funded full-time equivalents, e.g. 1.5.") var fte: String?
        @Option(help: "The Stadt- or Landkreis that receives the funding for it (report --grantee); \"\" removes it.") var grantee: String?

        func run() throws {
            guard fte != nil || grantee != nil else { throw UsageError("municipality.editNothing") }
            let session = try store.session()
            let changed = try session.store.editMunicipality(municipality, fte: try session.context.decimal(fte, "--fte"), grantee: grantee)
            Console.say("municipality.changed", ["name": .text(changed.name), "fte": .decimal(changed.fte, places: 1),
                                                 "grantee": .text(changed.grantee ?? "–")])
        }
    }
}
