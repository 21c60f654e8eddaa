/// A refused action: says which role it needs (or that the case belongs to another
/// municipality). Refusals are audited by the store before this reaches the user.
public struct AccessDenied: LotseError {
    enum Reason: Sendable { case role, municipality, selfGrant }

    let principal: Principal
    let permission: Permission
    let caseId: Int64?
    let reason: Reason

    public var exitCode: Int32 { 1 }

    public var message: Message {
        switch reason {
        case .role:
            Message(principal.roles.isEmpty ? "error.denied.role.none" : "error.denied.role", [
                "activity": permission.label,
                "needed": .alternatives(permission.roles.sorted().map(\.label)),
                "user": .text(principal.name),
                "held": .list(principal.roles.sorted().map(\.label)),
            ])
        case .municipality:
            caseId.map { Message("error.denied.case", ["case": .number($0), "user": .text(principal.name)]) }
                ?? Message("error.denied.municipality", ["user": .text(principal.name)])
        case .selfGrant:
            Message("error.denied.selfGrant", ["user": .text(principal.name)])
        }
    }
}
