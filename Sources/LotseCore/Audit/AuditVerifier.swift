import GRDB

/// Checks the audit chain: every event's hash, the links between events, the values
/// still present against their hashes, and the chain's end against its head.
public struct AuditVerification: Sendable, Equatable {
    public let events: Int64
    /// Problems found, each naming the event; empty when the log is intact.
    public let problems: [String]

    public var isIntact: Bool { problems.isEmpty }
}

enum AuditVerifier {
    static func verify(_ db: Database) throws -> AuditVerification {
        var problems: [String] = []
        var expectedSeq: Int64 = 1
        var previous = AuditChain.genesis
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.*, v.salt AS vSalt, v.value AS vValue, v.seq AS vSeq
            FROM auditEvent e LEFT JOIN auditValue v ON v.seq = e.seq ORDER BY e.seq
            """)
        while let row = try rows.next(), problems.count < 20 {
            let seq: Int64 = row["seq"]
            if seq != expectedSeq {
                problems.append(seq > expectedSeq ? "events \(expectedSeq)–\(seq - 1) are missing (deleted)" : "event \(seq) is out of order")
            }
            let event = AuditChain.Event(seq: seq, at: row["at"], actor: row["actor"], action: row["action"], entity: row["entity"],
                                         entityId: row["entityId"], caseId: row["caseId"], field: row["field"], valueHash: row["valueHash"])
            let prevHash: String = row["prevHash"]
            let stored: String = row["hash"]
            if prevHash != previous && seq == expectedSeq {
                problems.append("event \(seq) does not follow event \(seq - 1) (its link was changed)")
            }
            if event.hash(after: prevHash) != stored {
                problems.append("event \(seq) was changed (its hash does not match its content)")
            }
            if row["vSeq"] as Int64? != nil {
                let salt: String = row["vSalt"]
                if AuditChain.valueHash(salt: salt, value: row["vValue"]) != event.valueHash {
                    problems.append("the value of event \(seq) was changed")
                }
            }
            previous = stored
            expectedSeq = seq + 1
        }
        let count = expectedSeq - 1
        let head = try Row.fetchOne(db, sql: "SELECT count, lastHash FROM auditHead WHERE id = 1")
        let headCount: Int64 = head?["count"] ?? 0
        let headHash: String = head?["lastHash"] ?? AuditChain.genesis
        if headCount > count {
            problems.append("the log ends at event \(count) but its head records \(headCount): the last \(headCount - count) events were cut off")
        } else if headCount < count {
            problems.append("the log has \(count) events but its head records \(headCount): events were appended outside lotse")
        } else if headHash != previous {
            problems.append("the last event \(count) does not match the recorded head (it was replaced)")
        }
        return AuditVerification(events: count, problems: problems)
    }
}
