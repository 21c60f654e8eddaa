import ArgumentParser
import LotseCore

extension Lotse.StaffCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff member.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Name.") var name: String
        @Option(help: "Municipality id or name.") var municipality: String
        @Option(help: "manager or lead.") var role: String?
        @Option(name: .customLong("fte-share"), help: "Share of a full-time position, e.g. 0.41.") var fteShare: String

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let role = try session.context.choice(role, "--role") ?? StaffRole.manager
            let staff = try session.store.addStaff(name: name, municipality: municipality, role: role, fteShare: try session.context.decimal(fteShare, "--fte-share"))
            voice.say("staff.added", ["staff": .number(staff.id!), "name": .text(staff.name), "role": staff.role.label, "percent": .number(Int((staff.fteShare * 100).rounded()))])
        }
    }
}
