import ArgumentParser
import LotseCore

extension Lotse.MunicipalityCommand {
    struct Edit: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a municipality's funded FTE, grantee, postal address or official key.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Municipality id or name.") var municipality: String
        @Option(help: "Funded full-time equivalents, e.g. 1.5.") var fte: String?
        @Option(help: "The Stadt- or Landkreis that receives the funding for it (report --grantee); \"\" removes it.") var grantee: String?
        @Option(help: ArgumentHelp("The office's postal address, e.g. \"Marktplatz 30, 73430 Aalen\"; \"\" removes it.", valueName: "address")) var address: String?
        @Option(name: .customLong("authority-key"), help: ArgumentHelp("Amtlicher Gemeindeschlüssel (8 digits) or Regionalschlüssel (12 digits); \"\" removes it.", valueName: "key"))
        var authorityKey: String?

        func run(in source: SessionSource) throws {
            guard fte != nil || grantee != nil || address != nil || authorityKey != nil else { throw UsageError("municipality.editNothing") }
            let session = try source.session(store)
            let voice = session.voice
            let changed = try session.store.editMunicipality(municipality, fte: try session.context.decimal(fte, "--fte"), grantee: grantee,
                                                             address: address, authorityKey: authorityKey)
            voice.say("municipality.changed", ["name": .text(changed.name), "fte": .decimal(changed.fte, places: 1),
                                                 "grantee": .text(changed.grantee ?? "–"), "address": .text(changed.address ?? "–"),
                                                 "key": .text(changed.authorityKey ?? "–")])
        }
    }
}
