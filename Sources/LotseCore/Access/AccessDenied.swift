/// A refused action: says which role it needs (or that the case belongs to another
/// municipality). Refusals are audited by the store before this reaches the user.
public struct AccessDenied: LotseError {
    enum Reason: Sendable { case role, municipality }

    let principal: Principal
    let permission: Permission
    let caseId: Int64?
    let reason: Reason

    public var exitCode: Int32 { 1 }

    public var message: String {
        switch reason {
        case .role:
            let needed = permission.roles.sorted().map(\.rawValue).joined(separator: " or ")
            let held = principal.roles.isEmpty ? "no role" : "the role " + principal.roles.sorted().map(\.rawValue).joined(separator: ", ")
            return "not allowed: \(permission.activity) needs the role \(needed); \(principal.name) has \(held). Ask an admin ('lotse user role')"
        case .municipality:
            let what = caseId.map { "case \($0)" } ?? "that municipality"
            return "not allowed: \(what) belongs to another municipality than \(principal.name)'s; ask its team or the county's coordination"
        }
    }
}
