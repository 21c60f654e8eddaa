import GRDB

enum AuditVerifier {
    /// The problems listed; the rest are counted.
    static let listed = 20

    /// With `seal`: the head must be sealed by its key (nil: the head is not checked).
    static func verify(_ db: Database, seal: AuditSeal?) throws -> AuditVerification {
        var problems: [Message] = []
        var found = 0
        func report(_ problem: Message) {
            found += 1
            if problems.count < listed { problems.append(problem) }
        }
        var state: AuditedState.Events = [:]
        var expectedSeq: Int64 = 1
        var previous = AuditChain.genesis
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.*, v.salt AS vSalt, v.value AS vValue, v.seq AS vSeq
            FROM auditEvent e LEFT JOIN auditValue v ON v.seq = e.seq ORDER BY e.seq
            """)
        while let row = try rows.next() {
            let seq: Int64 = row["seq"]
            if seq != expectedSeq {
                report(seq > expectedSeq ? Message("audit.missing", ["from": .number(expectedSeq), "to": .number(seq - 1)]) : Message("audit.order", ["event": .number(seq)]))
            }
            let event = AuditChain.Event(seq: seq, at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"],
                                         entityId: row["entityId"], caseId: row["caseId"], field: row["field"], valueHash: row["valueHash"])
            let prevHash: String = row["prevHash"]
            let stored: String = row["hash"]
            if prevHash != previous && seq == expectedSeq {
                report(Message("audit.link", ["event": .number(seq), "previous": .number(seq - 1)]))
            }
            if event.hash(after: prevHash) != stored {
                report(Message("audit.changed", ["event": .number(seq)]))
            }
            var known = row["vSeq"] as Int64? != nil
            if known, AuditChain.valueHash(salt: row["vSalt"], value: row["vValue"]) != event.valueHash {
                report(Message("audit.valueChanged", ["event": .number(seq)]))
                known = false  // named once, not again as a difference in the data
            }
            AuditedState.collect(&state, entity: event.entity, id: event.entityId, field: event.field, action: event.action,
                                 seq: seq, known: known, value: row["vValue"])
            previous = stored
            expectedSeq = seq + 1
        }
        let count = expectedSeq - 1
        let head = try Row.fetchOne(db, sql: "SELECT count, lastHash FROM auditHead WHERE id = 1")
        let headCount: Int64 = head?["count"] ?? 0
        let headHash: String = head?["lastHash"] ?? AuditChain.genesis
        if headCount > count {
            report(Message("audit.cut", ["event": .number(count), "head": .number(headCount), "count": .number(headCount - count)]))
        } else if headCount < count {
            report(Message("audit.appended", ["events": .number(count), "head": .number(headCount)]))
        } else if headHash != previous {
            report(Message("audit.replaced", ["event": .number(count)]))
        }
        if let seal, try !seal.holds(db) {
            report("audit.headNotSealed")
        }
        try AuditedState.check(db, events: state, report: report)
        if found > problems.count { problems.append(Message("import.more", ["count": .number(found - problems.count)])) }
        return AuditVerification(events: count, problems: problems)
    }
}
