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
            let persons = try Self.personsOnlyIn(old, ofCase: old.personId, besidesArchived: true, db)
            let files = try Attachment.ofCase(caseId).select(Attachment.Columns.storedName, as: String.self).fetchAll(db)
            try PersonIdentity.deleteAll(db, keys: persons)
            try audit.deleteAll(Answer.ofCase(caseId), caseId: caseId, why: "archived")
            try audit.deleteAll(CaseNote.ofCase(caseId), caseId: caseId, why: "archived")
            try IntakeSession.deleteOne(db, key: caseId)
            try Consent.ofCase(caseId).updateAll(db, Consent.Columns.attachmentId.set(to: nil))
            try audit.deleteAll(Attachment.ofCase(caseId), caseId: caseId, why: "archived")
            try Conversation.ofCase(caseId).updateAll(db, Conversation.Columns.note.set(to: nil))
            try Referral.ofCase(caseId).eraseFreeText(db)
            try Goal.ofCases([caseId]).updateAll(db, Goal.Columns.note.set(to: nil))
            try GoalReview.ofCase(caseId).updateAll(db, GoalReview.Columns.note.set(to: nil))
            try Move.ofCase(caseId).updateAll(db, Move.Columns.destination.set(to: ""))
            try audit.forgetValues(ofCase: caseId)
            try CaseFile.filter(key: caseId).updateAll(db, CaseFile.Columns.status.set(to: CaseStatus.archived.rawValue))
            try ArchiveEntry(caseId: caseId, bundleFile: bundleFile, sha256: sha256, closedOn: closedOn, archivedOn: date).insert(db)
            // Audited as what changed (the status, the identities deleted), so that the
            // state check in `audit verify` finds no difference.
            for person in persons { try audit.record(.delete, "personIdentity", id: person, caseId: caseId, field: "archived") }
            try AuditedState.forgetImported(ofCase: caseId, db)
            try AuditedState.forgetImported("person", ids: persons, db)
            try AuditedState.forgetImported("personIdentity", ids: persons, db)
            try audit.record(.update, "caseFile", id: caseId, caseId: caseId, field: "status", value: .some(CaseStatus.archived.rawValue))
            return files.map { attachmentsFolder.appendingPathComponent($0) }
        }
    }

    /// The archive index: one row per archived case, without personal data.
    public func archiveIndex() throws -> [ArchiveCandidate] {
        try read(.archive) { db in
            try ArchiveEntry.index.fetchAll(db).map {
                ArchiveCandidate(caseId: $0.caseId, closedOn: $0.closedOn, bundleFile: $0.bundleFile, archivedOn: $0.archivedOn)
            }
        }
    }

    /// Archived cases whose retention period has ended on `date`.
    public func purgeCandidates(retentionYears: Int, on date: LocalDate) throws -> [ArchiveCandidate] {
        try archiveIndex().filter { $0.closedOn.adding(months: 12 * retentionYears) < date }
    }

    /// Deletes every remaining trace of an archived case in one transaction and logs the
    /// deletion without personal data.
    /// `archiveRef`: the archive took the case (its reference from the 0506); the offer
    /// row stays, marked purged.
    public func purge(_ candidate: ArchiveCandidate, on date: LocalDate, archiveRef: String? = nil) throws {
        try write(.archive) { audit in
            let db = audit.db
            let caseFile = try CaseFile.existing(candidate.caseId, db)
            guard caseFile.status == .archived else { throw UsageError("case.notArchived", ["case": .number(candidate.caseId)]) }
            let id = candidate.caseId
            let persons = try Self.personsOnlyIn(caseFile, ofCase: nil, besidesArchived: false, db)
            // Each row with its delete event, so the state check expects it gone.
            try audit.deleteAll(GoalReview.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(GoalChange.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(ScheduledReview.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Goal.ofCases([id]), caseId: id, why: "purged")
            try audit.deleteAll(Agreement.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Conversation.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Referral.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Outcome.filter(Outcome.Columns.caseId == id || persons.contains(Outcome.Columns.personId)), caseId: id, why: "purged")
            try audit.deleteAll(Move.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Consent.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Answer.ofCase(id), caseId: id, why: "purged")
            try audit.deleteAll(Handover.ofCase(id), caseId: id, why: "purged")
            try ArchiveEntry.deleteOne(db, key: id)
            try CaseFile.deleteOne(db, key: id)
            try audit.deleteAll(HouseholdMember.filter(persons.contains(HouseholdMember.Columns.personId)), key: HouseholdMember.Columns.personId, caseId: id, why: "purged")
            try PersonIdentity.deleteAll(db, keys: persons)
            try Person.deleteAll(db, keys: persons)
            if try CaseFile.filter(CaseFile.Columns.householdId == caseFile.householdId).isEmpty(db) {
                try Household.deleteOne(db, key: caseFile.householdId)
            }
            try PurgeLogEntry(caseRef: "case \(id)", closedOn: candidate.closedOn, archivedOn: candidate.archivedOn, purgedOn: date,
                              bundleFile: candidate.bundleFile, archiveRef: archiveRef).insert(db)
            if var offer = try ArchiveOffer.fetchOne(db, key: id) {
                offer.purgedOn = date
                offer.archiveRef = archiveRef
                try offer.update(db)
            }
            try audit.record(.delete, "caseFile", id: id, caseId: id, field: "purged")
            for person in persons { try audit.record(.delete, "person", id: person, caseId: id, field: "purged") }
        }
    }

    /// The persons of a case's household (only `person`, when given) who belong to no
    /// other case; with `besidesArchived`, to no other case not archived yet.
    static func personsOnlyIn(_ caseFile: CaseFile, ofCase person: Int64?, besidesArchived: Bool, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(db, sql: """
            SELECT hm.personId FROM householdMember hm WHERE hm.householdId = :household AND (:person IS NULL OR hm.personId = :person)
              AND NOT EXISTS (SELECT 1 FROM householdMember other JOIN caseFile c ON c.householdId = other.householdId
                              WHERE other.personId = hm.personId AND c.id <> :caseId AND (NOT :besidesArchived OR c.status <> 'archived'))
            """, arguments: ["household": caseFile.householdId, "person": person, "caseId": caseFile.id, "besidesArchived": besidesArchived])
    }
}
