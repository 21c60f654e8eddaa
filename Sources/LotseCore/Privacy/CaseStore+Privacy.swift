import Foundation
import GRDB
import PluginKit

// MARK: - Data protection: subject access, correction, erasure

extension CaseStore {
    /// Whom a client document is for: the person's name and the languages they read (an
    /// audited read).
    public func documentSubject(_ personId: Int64) throws -> (name: String, languages: [String]) {
        try auditedRead(.readCases) { audit in
            guard let person = try Person.fetchOne(audit.db, key: personId) else { throw notFound("person", String(personId)) }
            try principal.authorize(.readCases, personId: personId, audit.db)
            guard let identity = try PersonIdentity.fetchOne(audit.db, key: personId) else { throw notFound("personErased", String(personId)) }
            try audit.record(.read, "person", id: personId, caseId: nil, field: "notice")
            return (identity.fullName, person.languages)
        }
    }

    /// Who a case's client documents are for on a date: its municipality, and its persons
    /// eldest first with whether they are adults (who sign) and the languages they read
    /// (an audited read).
    public func documentParticipants(_ caseId: Int64, on date: LocalDate) throws -> DocumentParticipants {
        try auditedRead(.readCases, case: caseId) { audit in
            let caseFile = try CaseFile.existing(caseId, audit.db)
            let rows = try Row.fetchAll(audit.db, sql: """
                SELECT p.birthDate, p.languageCodes, pi.givenNames, pi.familyName FROM householdMember m
                JOIN person p ON p.id = m.personId JOIN personIdentity pi ON pi.personId = p.id
                WHERE m.householdId = ? AND (? IS NULL OR m.personId = ?) AND m.fromDate <= ? AND (m.toDate IS NULL OR m.toDate > ?)
                ORDER BY p.birthDate, p.id
                """, arguments: [caseFile.householdId, caseFile.personId, caseFile.personId, date, date])
            try audit.record(.read, "caseFile", id: caseId, caseId: caseId, field: "documents")
            let municipality = try Municipality.fetchOne(audit.db, key: caseFile.municipalityId)?.name ?? ""
            return DocumentParticipants(municipality: municipality, persons: rows.map { row in
                let born: LocalDate = row["birthDate"]
                return .init(name: "\(row["givenNames"] as String) \(row["familyName"] as String)", adult: born.age(on: date) >= 18,
                             languages: Person.languages(row["languageCodes"]))
            })
        }
    }

    /// Everything stored about a person, including who accessed it (an audited read).
    public func subjectAccess(_ personId: Int64, on date: LocalDate) throws -> SubjectAccess {
        try auditedRead(.readCases) { audit in
            let db = audit.db
            guard let person = try Person.fetchOne(db, key: personId) else {
                throw notFound("person", String(personId))
            }
            try principal.authorize(.readCases, personId: personId, db)
            let caseRows = try Row.fetchAll(db, sql: """
                SELECT c.id, m.name, c.status, c.openedOn, c.closedOn, hm.fromDate, hm.toDate FROM householdMember hm
                JOIN caseFile c ON c.householdId = hm.householdId AND (c.personId IS NULL OR c.personId = hm.personId)
                JOIN municipality m ON m.id = c.municipalityId WHERE hm.personId = ? ORDER BY c.id
                """, arguments: [personId])
            let cases = caseRows.map { SubjectAccess.CaseEntry(caseId: $0[0], municipality: $0[1], status: $0[2], openedOn: $0[3], closedOn: $0[4],
                                                               memberFrom: $0[5], memberTo: $0[6]) }
            let caseIds = cases.map(\.caseId)
            let consents = try Consent.ofCases(caseIds).concerning(person: personId).fetchAll(db)
            var transfers: [SubjectAccess.Transfer] = []
            for referral in try Referral.ofCases(caseIds).concerning(person: personId).fetchAll(db) {
                let consent = consents.first { $0.scope.lowercased() == "referral" && $0.isValid(on: referral.date) }
                transfers.append(.init(kind: "referral", to: referral.service, on: referral.date, what: referral.problem,
                                       basis: consent.map { .consent(id: $0.id!, givenOn: $0.givenOn) } ?? .counselling))
            }
            for handover in try Handover.sent(ofCases: caseIds).fetchAll(db) {
                let on = handover.handedOverOn
                let consent = consents.first { ["handover", "all"].contains($0.scope.lowercased()) && $0.isValid(on: on) }
                transfers.append(.init(kind: "handover", to: handover.counterpart, on: on, what: String(handover.caseId),
                                       basis: consent.map { .consent(id: $0.id!, givenOn: $0.givenOn) } ?? .withoutConsent(reason: handover.withoutConsentReason)))
            }
            let accesses = try Row.fetchAll(db, sql: """
                SELECT at, actor, action, entity, entityId, field FROM auditEvent
                WHERE (entity IN ('person', 'personIdentity', 'householdMember') AND entityId = ?1)
                   OR caseId IN (SELECT c.id FROM householdMember hm JOIN caseFile c ON c.householdId = hm.householdId WHERE hm.personId = ?1)
                ORDER BY seq
                """, arguments: [personId]).map {
                SubjectAccess.AuditEntry(at: $0["at"], actor: $0["actor"], action: $0["action"],
                                         record: "\($0["entity"] as String)" + (($0["entityId"] as Int64?).map { " \($0)" } ?? ""),
                                         entity: $0["entity"], entityId: $0["entityId"], field: $0["field"])
            }
            try audit.record(.read, "person", id: personId, caseId: nil, field: "subjectAccess")
            return SubjectAccess(
                createdOn: date, person: person, identity: try PersonIdentity.fetchOne(db, key: personId), cases: cases,
                answers: try Answer.ofCases(caseIds).about(person: personId).fetchAll(db),
                goals: try Goal.ofCases(caseIds).concerning(person: personId).fetchAll(db),
                conversations: try Conversation.ofCases(caseIds).fetchAll(db),
                outcomes: try Outcome.ofPersons([personId]).fetchAll(db),
                consents: consents, attachments: try Attachment.ofCases(caseIds).fetchAll(db),
                transfers: transfers.sorted { $0.on < $1.on }, accesses: accesses)
        }
    }

    /// Corrects a person's details (Art. 16); the audit log keeps every earlier value.
    ///
    /// The country of origin and coded residence status (nil: unchanged) are checked
    /// against `PersonCodes` and kept in the pseudonymous person, so they can be set for
    /// an erased person too; `change` (nil: none) corrects the identity. One transaction.
    ///
    /// `languages`, when given, are read by `names` into the person's tags and a note. A
    /// person whose languages are only a free-text note (recorded before they were coded)
    /// has that note read the same way at any correction: coded when edited, never behind
    /// the user's back.
    public func correctPerson(_ personId: Int64, country: String? = nil, residence: String? = nil,
                              languages: String? = nil, names: LanguageNames? = nil,
                              _ change: ((inout PersonIdentity) -> Void)? = nil) throws {
        let codes = vocabulary.personCodes
        let country = try country.map(codes.checkedCountry), residence = try residence.map(codes.checkedResidence)
        try write(.writeCases) { audit in
            try principal.authorize(.writeCases, personId: personId, audit.db)
            guard let person = try Person.fetchOne(audit.db, key: personId) else { throw notFound("person", String(personId)) }
            let old = try PersonIdentity.fetchOne(audit.db, key: personId)
            let uncoded = person.languageCodes == nil ? old?.languages : nil
            let spoken = (languages ?? uncoded).flatMap { text in names.map { $0.code(text) } }
            var coded = person
            coded.country = country ?? person.country
            coded.residence = residence ?? person.residence
            if let spoken, languages != nil || !spoken.codes.isEmpty { coded.languageCodes = spoken.codes.isEmpty ? nil : spoken.codes.joined(separator: ",") }
            if coded != person {
                try coded.update(audit.db)
                try audit.updated(from: person, to: coded, id: personId, caseId: nil)
            }
            guard change != nil || languages != nil || coded.languageCodes != person.languageCodes else { return }
            guard let old else {
                throw notFound("personErased", String(personId))
            }
            var new = old
            change?(&new)
            if let spoken, coded.languageCodes != person.languageCodes || languages != nil { new.languages = spoken.note }
            guard !new.familyName.isEmpty, !new.givenNames.isEmpty else { throw UsageError("person.namesNeeded") }
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: personId, caseId: nil)
        }
    }

    /// Why a person's data may not be erased yet, or nil when it may.
    public func erasureBlocker(_ personId: Int64, retentionYears: Int, on date: LocalDate) throws -> Message? {
        try read(.archive) { db in
            for row in try Row.fetchAll(db, sql: """
                SELECT c.id, c.status, c.closedOn FROM householdMember hm
                JOIN caseFile c ON c.householdId = hm.householdId AND (c.personId IS NULL OR c.personId = hm.personId)
                WHERE hm.personId = ? AND c.status <> 'archived' ORDER BY c.id
                """, arguments: [personId]) {
                let caseId: Int64 = row["id"]
                let status: CaseStatus = row["status"]
                switch status {
                case .active, .waiting:
                    return Message("erase.ongoing", ["case": .number(caseId), "status": status.label])
                default:
                    let closed: LocalDate = row["closedOn"] ?? date
                    let until = closed.adding(months: 12 * retentionYears)
                    if until > date {
                        return Message("erase.retention", ["case": .number(caseId), "years": .number(retentionYears), "date": .date(until)])
                    }
                }
            }
            return nil
        }
    }

    /// Erases a person's personal data (Art. 17): names, contact details, answers, their
    /// free texts and the audit values of their records; keeps the pseudonymous facts
    /// reports need. The database is checkpointed so no copy stays in the WAL.
    public func erasePerson(_ personId: Int64, reason: String, retentionYears: Int, on date: LocalDate) throws {
        guard try read(.archive, { try Person.fetchOne($0, key: personId) }) != nil else {
            throw notFound("person", String(personId))
        }
        if let blocker = try erasureBlocker(personId, retentionYears: retentionYears, on: date) { throw UsageError("person.eraseBlocked", ["person": .number(personId), "reason": .message(blocker)]) }
        try write(.archive) { audit in
            let db = audit.db
            try audit.forgetValues(ofPerson: personId)
            try PersonIdentity.deleteOne(db, key: personId)
            try audit.deleteAll(Answer.filter(Answer.Columns.personId == personId), caseId: nil, why: "erased")
            let referrals = Referral.filter(Referral.Columns.personId == personId)
            try AuditedState.forgetImported("referral", ids: try referrals.select(Referral.Columns.id, as: Int64.self).fetchAll(db), db)
            try referrals.eraseFreeText(db)
            try AuditedState.forgetImported("person", ids: [personId], db)
            try AuditedState.forgetImported("personIdentity", ids: [personId], db)
            try audit.record(.delete, "personIdentity", id: personId, caseId: nil, field: "erased", value: .some(reason))
        }
        try checkpoint()
    }

    /// Moves the WAL into the database file, and empties it when nobody is reading
    /// (see `LotseDatabase.checkpoint`): deleted personal data leaves the WAL file.
    public func checkpoint() throws {
        try database.checkpoint()
    }
}
