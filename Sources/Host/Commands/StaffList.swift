import ArgumentParser
import LotseCore

extension Lotse.StaffCommand {
    struct List: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Only this municipality (id or name).") var municipality: String?

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let staff = try session.store.staff(municipality: municipality)
            if output.json { return print(try JSONOutput.string(staff)) }
            let names = Dictionary(uniqueKeysWithValues: try session.store.municipalities().map { ($0.id!, $0.name) })
            print(TextTable(header: voice.columns("table.staff"),
                            rows: staff.map { [String($0.id!), $0.name, voice.label($0.role), "\(Int(($0.fteShare * 100).rounded())) %", names[$0.municipalityId] ?? ""] }).render())
        }
    }
}
