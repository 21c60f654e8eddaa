import ArgumentParser
import LotseCore

extension Lotse {
    /// `lotse municipality add|list`: the county office and cities with their funded FTE.
    struct MunicipalityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "municipality",
            abstract: "Add or list municipalities (county office, cities) with their funded FTE.",
            subcommands: [Add.self, List.self],
            defaultSubcommand: List.self
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a municipality.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "Its name, e.g. \"Stadt Aalen\".") var name: String
            @Option(help: "county or city.") var kind: MunicipalityKind
            @Option(help: "Funded full-time equivalents, e.g. 1.5.") var fte: Double

            func run() throws {
                let municipality = try store.session().store.addMunicipality(name: name, kind: kind, fte: fte)
                Console.say("municipality.added", ["municipality": .number(municipality.id!), "name": .text(municipality.name), "kind": municipality.kind.label, "fte": .decimal(municipality.fte, places: 1)])
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List municipalities with places and persons in care.")
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions

            func run() throws {
                let session = try store.session()
                let capacities = try session.store.capacities(personsPerFTE: session.context.configuration.deployment.personsPerFTE, on: session.today)
                if output.json { return print(try JSONOutput.string(capacities)) }
                print(TextTable(header: Console.columns("table.municipalities"),
                                rows: capacities.map { [$0.municipality, Console.catalog.decimal($0.fte, places: 1), String($0.places), String($0.inCare), String($0.free)] }).render())
            }
        }
    }
}
