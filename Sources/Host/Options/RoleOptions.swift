import ArgumentParser
import LotseCore

extension Lotse.UserCommand {
    /// The roles and municipality of a user, shared by `add` and `role`.
    struct RoleOptions: ParsableArguments {
        @Option(name: .customLong("role"), help: ArgumentHelp("manager, lead, admin or auditor; repeat or separate with commas.", valueName: "role"))
        var roles: [String] = []
        @Option(help: ArgumentHelp("The staff record the user is (sets their municipality).", valueName: "name")) var staff: String?
        @Flag(name: .customLong("county-wide"), help: "A manager or lead without a staff record who sees every municipality (the county's coordination).")
        var countyWide = false

        /// The roles named, in the session's words or as ids.
        func parsed(_ context: AppContext) throws -> Set<Role> {
            try Set(Choices(Role.self).resolveList(roles.joined(separator: ","), option: "--role", catalog: context.catalog).compactMap(Role.init))
        }
    }
}
