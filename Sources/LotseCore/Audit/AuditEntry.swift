/// One audit event as `lotse audit log` shows it: who did what to which record and
/// field, never the value (values are personal data).
public struct AuditEntry: Sendable, Codable, Equatable {
    public var seq: Int64
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityId: Int64?
    public var caseId: Int64?
    public var field: String?
}
