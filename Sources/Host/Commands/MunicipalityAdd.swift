import ArgumentParser
import LotseCore

extension Lotse.MunicipalityCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a municipality.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Its name, e.g. \"Stadt Aalen\".") var name: String
        @Option(help: "county or city.") var kind: String
        @Option(help: "Funded full-time equivalents, e.g. 1.5.") var fte: String
        @Option(help: "The Stadt- or Landkreis that receives the funding for it (report --grantee).") var grantee: String?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let municipality = try session.store.addMunicipality(name: name, kind: try session.context.choice(kind, "--kind"), fte: try session.context.decimal(fte, "--fte"), grantee: grantee)
            voice.say("municipality.added", ["municipality": .number(municipality.id!), "name": .text(municipality.name), "kind": municipality.kind.label, "fte": .decimal(municipality.fte, places: 1)])
        }
    }
}
