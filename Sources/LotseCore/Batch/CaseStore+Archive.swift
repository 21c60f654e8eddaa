import Foundation
import GRDB
import PluginKit

// MARK: - Archive and purge: personal data leaves, pseudonymous facts stay

extension CaseStore {
    public func archiveCandidates(closedBefore date: LocalDate) throws -> [ArchiveCandidate] {
        try read(.archive) { db in
            try CaseFile.closed(before: date).fetchAll(db).map { ArchiveCandidate(caseId: $0.id!, closedOn: $0.closedOn!) }
        }
    }

    /// Removes a case's personal data once its archive bundle is written and verified,
    /// in one transaction: names and contact details, answers, notes, free texts, files
    /// and the audit values; keeps what reports need (persons' birth dates, household
    /// membership, case dates, agreements and goals, conversations, referrals by service,
    /// outcomes). Returns the attachment files to delete after the commit.
    public func stripPersonalData(_ caseId: Int64, bundleFile: String, sha256: String, on date: LocalDate) throws -> [URL] {
        try write(.archive) { audit in
            let db = audit.db
            let old = try CaseFile.existing(caseId, db)
            guard old.status == .closed, let closedOn = old.closedOn else { throw UsageError("case.notClosedForArchive", ["case": .number(caseId), "status": old.status.label]) }
            // The case's persons who belong to no other case still in use.
            let persons = try Int64.fetchAll(db, sql: """
                SELECT hm.personId FROM householdMember hm WHERE hm.householdId = :household AND (:person IS NULL OR hm.personId = :person)
                  AND NOT EXISTS (SELECT 1 FROM householdMember other JOIN caseFile c ON c.householdId = other.householdId
                                  WHERE other.personId = hm.personId AND c.id <> :caseId AND c.status <> 'archived')
                """, arguments: ["household": old.householdId, "person": old.personId, "caseId": caseId])
            let files = try String.fetchAll(db, sql: "SELECT storedName FROM attachment WHERE caseId = ?", arguments: [caseId])
            let personList = persons.map(String.init).joined(separator: ",")
            try db.execute(sql: """
                DELETE FROM personIdentity WHERE personId IN (\(personList.isEmpty ? "NULL" : personList));
                DELETE FROM answer WHERE caseId = :caseId;
                DELETE FROM caseNote WHERE caseId = :caseId;
                DELETE FROM intakeSession WHERE caseId = :caseId;
                UPDATE consent SET attachmentId = NULL WHERE caseId = :caseId;
                DELETE FROM attachment WHERE caseId = :caseId;
                UPDATE conversation SET note = NULL WHERE caseId = :caseId;
                UPDATE referral SET problem = '', outcome = NULL WHERE caseId = :caseId;
                UPDATE goal SET note = NULL WHERE agreementId IN (SELECT id FROM agreement WHERE caseId = :caseId);
                UPDATE goalReview SET note = NULL WHERE goalId IN (SELECT g.id FROM goal g JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = :caseId);
                UPDATE move SET destination = '' WHERE caseId = :caseId;
                DELETE FROM auditValue WHERE seq IN (SELECT seq FROM auditEvent WHERE caseId = :caseId);
                UPDATE caseFile SET status = 'archived' WHERE id = :caseId;
                """, arguments: ["caseId": caseId])
            try db.execute(sql: "INSERT INTO archiveEntry (caseId, bundleFile, sha256, closedOn, archivedOn) VALUES (?, ?, ?, ?, ?)",
                           arguments: [caseId, bundleFile, sha256, closedOn, date])
            // Audited as what changed (the status, the identities deleted), so that the
            // state check in `audit verify` finds no difference.
            for person in persons { try audit.record(.delete, "personIdentity", id: person, caseId: caseId, field: "archived") }
            try AuditedState.forgetImported("caseFile", ids: [caseId], db)
            try AuditedState.forgetImported("person", ids: persons, db)
            try AuditedState.forgetImported("personIdentity", ids: persons, db)
            try audit.record(.update, "caseFile", id: caseId, caseId: caseId, field: "status", value: .some(CaseStatus.archived.rawValue))
            return files.map { attachmentsFolder.appendingPathComponent($0) }
        }
    }

    /// The archive index: one row per archived case, without personal data.
    public func archiveIndex() throws -> [ArchiveCandidate] {
        try read(.archive) { db in
            try Row.fetchAll(db, sql: "SELECT caseId, closedOn, bundleFile, archivedOn FROM archiveEntry ORDER BY caseId").map {
                ArchiveCandidate(caseId: $0["caseId"], closedOn: $0["closedOn"], bundleFile: $0["bundleFile"], archivedOn: $0["archivedOn"])
            }
        }
    }

    /// Archived cases whose retention period has ended on `date`.
    public func purgeCandidates(retentionYears: Int, on date: LocalDate) throws -> [ArchiveCandidate] {
        try archiveIndex().filter { $0.closedOn.adding(months: 12 * retentionYears) < date }
    }

    /// Deletes every remaining trace of an archived case in one transaction and logs the
    /// deletion without personal data.
    public func purge(_ candidate: ArchiveCandidate, on date: LocalDate) throws {
        try write(.archive) { audit in
            let db = audit.db
            let caseFile = try CaseFile.existing(candidate.caseId, db)
            guard caseFile.status == .archived else { throw UsageError("case.notArchived", ["case": .number(candidate.caseId)]) }
            let id = candidate.caseId
            let persons = try Int64.fetchAll(db, sql: """
                SELECT hm.personId FROM householdMember hm WHERE hm.householdId = :household
                  AND NOT EXISTS (SELECT 1 FROM householdMember other JOIN caseFile c ON c.householdId = other.householdId
                                  WHERE other.personId = hm.personId AND c.id <> :caseId)
                """, arguments: ["household": caseFile.householdId, "caseId": id])
            let list = persons.isEmpty ? "NULL" : persons.map(String.init).joined(separator: ",")
            let sharedHousehold = try Int.fetchOne(db, sql: "SELECT count(*) FROM caseFile WHERE householdId = ? AND id <> ?", arguments: [caseFile.householdId, id])! > 0
            try db.execute(sql: """
                DELETE FROM goalReview WHERE goalId IN (SELECT g.id FROM goal g JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = :caseId);
                DELETE FROM goalChange WHERE goalId IN (SELECT g.id FROM goal g JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = :caseId);
                DELETE FROM scheduledReview WHERE caseId = :caseId;
                DELETE FROM goal WHERE agreementId IN (SELECT id FROM agreement WHERE caseId = :caseId);
                DELETE FROM agreement WHERE caseId = :caseId;
                DELETE FROM conversation WHERE caseId = :caseId;
                DELETE FROM referral WHERE caseId = :caseId;
                DELETE FROM outcome WHERE caseId = :caseId OR personId IN (\(list));
                DELETE FROM move WHERE caseId = :caseId;
                DELETE FROM consent WHERE caseId = :caseId;
                DELETE FROM answer WHERE caseId = :caseId;
                DELETE FROM handover WHERE caseId = :caseId;
                DELETE FROM archiveEntry WHERE caseId = :caseId;
                DELETE FROM caseFile WHERE id = :caseId;
                """, arguments: ["caseId": id])
            try db.execute(sql: "DELETE FROM householdMember WHERE personId IN (\(list))")
            try db.execute(sql: "DELETE FROM personIdentity WHERE personId IN (\(list)); DELETE FROM person WHERE id IN (\(list))")
            if !sharedHousehold { try db.execute(sql: "DELETE FROM household WHERE id = ?", arguments: [caseFile.householdId]) }
            try db.execute(sql: "INSERT INTO purgeLog (caseRef, closedOn, archivedOn, purgedOn, bundleFile) VALUES (?, ?, ?, ?, ?)",
                           arguments: ["case \(id)", candidate.closedOn, candidate.archivedOn, date, candidate.bundleFile])
            try audit.record(.delete, "caseFile", id: id, caseId: id, field: "purged")
            for person in persons { try audit.record(.delete, "person", id: person, caseId: id, field: "purged") }
        }
    }
}
