import ArgumentParser
import LotseCore

extension Lotse.MunicipalityCommand {
    struct List: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List municipalities with places and persons in care.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let capacities = try session.store.capacities(personsPerFTE: session.context.configuration.deployment.personsPerFTE, on: session.today)
            if output.json { return print(try JSONOutput.string(capacities)) }
            print(TextTable(header: voice.columns("table.municipalities"),
                            rows: capacities.map { [$0.municipality, voice.catalog.decimal($0.fte, places: 1), String($0.places), String($0.inCare), String($0.free)] }).render())
        }
    }
}
