import GRDB

// MARK: - The audit log as auditors read it

extension CaseStore {
    /// Checks the audit chain.
    public func verifyAudit() throws -> AuditVerification {
        try read(.readAuditLog) { try AuditVerifier.verify($0, seal: database.seal) }
    }

    /// Who saw and changed what, oldest first: all events, or those of one case.
    public func auditLog(caseId: Int64?, limit: Int = 10_000) throws -> [AuditEntry] {
        try read(.readAuditLog) { db in
            try Row.fetchAll(db, sql: """
                SELECT seq, at, actor, action, entity, entityId, caseId, field FROM auditEvent
                WHERE ? IS NULL OR caseId = ? ORDER BY seq DESC LIMIT ?
                """, arguments: [caseId, caseId, limit]).reversed().map {
                AuditEntry(seq: $0["seq"], at: $0["at"], actor: $0["actor"], action: $0["action"], entity: $0["entity"],
                           entityId: $0["entityId"], caseId: $0["caseId"], field: $0["field"])
            }
        }
    }
}
