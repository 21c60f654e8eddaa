import ArgumentParser
import LotseCore

extension Lotse {
    /// `lotse staff add|list`: the integration managers and team leads.
    struct StaffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "staff",
            abstract: "Add or list staff (integration managers, team leads) with their FTE share.",
            subcommands: [Add.self, List.self],
            defaultSubcommand: List.self
        )

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff member.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "Name.") var name: String
            @Option(help: "Municipality id or name.") var municipality: String
            @Option(help: "manager or lead.") var role: StaffRole = .manager
            @Option(name: .customLong("fte-share"), help: "Share of a full-time position, e.g. 0.41.") var fteShare: Double

            func run() throws {
                let staff = try store.session().store.addStaff(name: name, municipality: municipality, role: role, fteShare: fteShare)
                Console.say("staff.added", ["staff": .number(staff.id!), "name": .text(staff.name), "role": staff.role.label, "percent": .number(Int((staff.fteShare * 100).rounded()))])
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff.")
            @OptionGroup var store: StoreOptions
            @OptionGroup var output: OutputOptions
            @Option(help: "Only this municipality (id or name).") var municipality: String?

            func run() throws {
                let staff = try store.session().store.staff(municipality: municipality)
                if output.json { return print(try JSONOutput.string(staff)) }
                print(TextTable(header: Console.columns("table.staff"),
                                rows: staff.map { [String($0.id!), $0.name, Console.label($0.role), "\(Int(($0.fteShare * 100).rounded())) %", String($0.municipalityId)] }).render())
            }
        }
    }
}
