import Foundation

/// What a lotse user is for. A user can hold several roles (a team lead who also
/// counsels families holds `lead` and `manager`; the batch service user holds what its
/// runs need).
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Integration manager: reads and writes the cases of their own municipality.
    case manager
    /// Team lead: reads every case of the municipality, reassigns, reports, batch close.
    case lead
    /// Administrator: users, settings, archive and purge — never case content.
    case admin
    /// Auditor: the audit log and reports, no personal data.
    case auditor

    public static func < (a: Role, b: Role) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// Parses "manager,lead"; unknown names are a usage error naming the valid ones.
    public static func parseList(_ text: String) throws -> Set<Role> {
        var roles: Set<Role> = []
        // Split in Swift (commas and spaces): Foundation's trimming bridges through
        // NSString, which cost more than the rest of reading a user, as every command does.
        for name in text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map({ $0.lowercased() }) {
            guard let role = Role(rawValue: name) else {
                throw UsageError("error.unknownRole", ["role": .text(name), "known": .list(allCases.map { .text($0.rawValue) })])
            }
            roles.insert(role)
        }
        return roles
    }

    /// "lead,manager" in a fixed order, as stored.
    static func text(_ roles: Set<Role>) -> String { roles.sorted().map(\.rawValue).joined(separator: ",") }
}
