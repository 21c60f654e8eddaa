import Foundation
import GRDB
import PluginKit

// MARK: - Cases: open, edit, close, reopen, reassign

extension CaseStore {
    /// A new case with its household and first person. A case starts on the waiting
    /// list unless `open` is set. Returns the case, and persons that look like the new
    /// one (the caller warns about possible duplicates).
    public func newCase(kind: CaseKind, municipality: String, staff: String?, person: NewPerson, open: Bool,
                        on date: LocalDate) throws -> (caseFile: CaseFile, personId: Int64, similar: [PersonMatch]) {
        if kind == .individual, !Person(birth: person.birth, sex: person.sex, arrivalDate: nil, stayProspect: .unknown).isAdult(on: date) {
            throw UsageError("case.individualMinor", ["date": .date(date)])
        }
        try (open ? FactDate.opened : .waitlisted).check(date)
        return try write(.writeCases) { audit in
            let db = audit.db
            let municipality = try Municipality.resolve(municipality, db)
            try principal.authorize(.writeCases, municipalityId: municipality.id!)
            let staffId = try staff.map { try Staff.resolve($0, db).id! }
            let similar = try Self.similarPersons(to: person, db)
            let (household, householdId) = try Household(municipalityId: municipality.id!).insertedWithId(db)
            let inserted = try insert(person, into: householdId, from: date, db)
            var caseFile = CaseFile(kind: kind, householdId: householdId, personId: kind == .individual ? inserted.id : nil,
                                    municipalityId: municipality.id!, staffId: staffId, status: open ? .active : .waiting,
                                    waitlistedOn: date, openedOn: open ? date : nil)
            try caseFile.insert(db)
            // Audited once the case exists, so every event names it.
            try audit.created(household, id: household.id, caseId: caseFile.id)
            try inserted.audit(audit, caseId: caseFile.id)
            try audit.created(caseFile, id: caseFile.id, caseId: caseFile.id)
            return (caseFile, inserted.id, similar)
        }
    }

    /// Adds a person to a case's household from a date.
    public func addPerson(to caseId: Int64, _ person: NewPerson, from date: LocalDate) throws -> (personId: Int64, similar: [PersonMatch]) {
        try FactDate.joined.check(date, notBefore: person.birth.date, limit: .birth)
        return try write(.writeCases, case: caseId) { audit in
            let caseFile = try CaseFile.existing(caseId, audit.db)
            guard caseFile.kind == .family else {
                throw UsageError("case.individualMembers", ["case": .number(caseId)])
            }
            let similar = try Self.similarPersons(to: person, audit.db)
            let inserted = try insert(person, into: caseFile.householdId, from: date, audit.db)
            try inserted.audit(audit, caseId: caseId)
            return (inserted.id, similar)
        }
    }

    /// The rows of a person who just joined a household.
    struct InsertedPerson {
        let person: Person
        let identity: PersonIdentity
        let member: HouseholdMember
        var id: Int64 { person.id! }

        func audit(_ audit: AuditLog, caseId: Int64?) throws {
            try audit.created(person, id: id, caseId: caseId)
            try audit.created(identity, id: id, caseId: caseId)
            try audit.created(member, id: id, caseId: caseId)
        }
    }

    func insert(_ new: NewPerson, into householdId: Int64, from date: LocalDate, _ db: Database) throws -> InsertedPerson {
        guard !new.familyName.isEmpty, !new.givenNames.isEmpty else { throw UsageError("person.namesNeeded") }
        try FactDate.born.check(new.birth.date)
        if let arrival = new.arrivalDate { try FactDate.arrived.check(arrival, notBefore: new.birth.date, limit: .birth) }
        let (person, personId) = try Person(birth: new.birth, sex: new.sex, arrivalDate: new.arrivalDate, stayProspect: new.stayProspect,
                                            country: try new.country.map(vocabulary.personCodes.checkedCountry),
                                            residence: try new.residence.map(vocabulary.personCodes.checkedResidence),
                                            languageCodes: new.languageCodes).insertedWithId(db)
        let identity = PersonIdentity(personId: personId, familyName: new.familyName, givenNames: new.givenNames,
                                      residenceStatus: new.residenceStatus, languages: new.languages,
                                      interpreterNeeded: new.interpreterNeeded, phone: new.phone, address: new.address)
        try identity.insert(db)
        let member = HouseholdMember(householdId: householdId, personId: personId, fromDate: date)
        try member.insert(db)
        return InsertedPerson(person: person, identity: identity, member: member)
    }

    /// What `case edit` may change.
    public struct CaseChanges: Sendable {
        public var staff: String?
        /// Grant (with a reason) or withdraw the extension beyond `maxCareYears`.
        public var justifiedExtension: Bool?
        public var extensionReason: String?
        public var nextReviewOn: LocalDate?
        public init(staff: String? = nil, justifiedExtension: Bool? = nil, extensionReason: String? = nil, nextReviewOn: LocalDate? = nil) {
            self.staff = staff
            self.justifiedExtension = justifiedExtension
            self.extensionReason = extensionReason
            self.nextReviewOn = nextReviewOn
        }
    }

    public func editCase(_ caseId: Int64, _ changes: CaseChanges, on date: LocalDate = .today) throws -> CaseFile {
        try change(caseId, action: .update) { caseFile, audit in
            if let staff = changes.staff { caseFile.staffId = try Staff.resolve(staff, audit.db).id }
            if let extended = changes.justifiedExtension {
                // Granted on a date for a reason (both audited); withdrawn, both go.
                let reason = changes.extensionReason?.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !extended || !(reason ?? "").isEmpty else { throw UsageError("case.extensionReason", ["case": .number(caseId)]) }
                caseFile.justifiedExtension = extended
                caseFile.extendedOn = extended ? date : nil
                caseFile.extensionReason = extended ? reason : nil
            } else if changes.extensionReason != nil {
                throw UsageError("case.reasonWithoutExtension")
            }
            if let review = changes.nextReviewOn {
                try FactDate.review.ahead(review, today: date)
                caseFile.nextReviewOn = review
                try ScheduledReview.schedule(caseId, next: review, on: date, held: false, audit)
            }
        }
    }

    /// Closes a case; `batch close` passes its own permission (leads run it).
    public func closeCase(_ caseId: Int64, reason: String, on date: LocalDate, as permission: Permission = .writeCases) throws -> CaseFile {
        if let problem = vocabulary.closureProblem(reason) { throw UsageError(problem) }
        try FactDate.closed.check(date)
        return try change(caseId, action: .close, permission: permission) { caseFile, _ in
            try caseFile.end(.closed, reason: reason, on: date)
        }
    }

    public func reopenCase(_ caseId: Int64, on date: LocalDate) throws -> CaseFile {
        try FactDate.reopened.check(date)
        return try change(caseId, action: .reopen) { caseFile, _ in
            guard caseFile.status == .closed else {
                throw UsageError("case.notReopenable", ["case": .number(caseId), "status": caseFile.status.label])
            }
            caseFile.status = .active
            caseFile.closedOn = nil
            caseFile.closureReason = nil
            if caseFile.openedOn == nil { caseFile.openedOn = date }
        }
    }

    /// Gives a case to a member of its municipality's team; returns that member.
    @discardableResult
    public func reassignCase(_ caseId: Int64, to staff: String) throws -> Staff {
        var assigned: Staff?
        _ = try change(caseId, action: .reassign, permission: .reassignCases) { caseFile, audit in
            let member = try Staff.resolve(staff, audit.db)
            guard member.municipalityId == caseFile.municipalityId else {
                throw UsageError("case.staffElsewhere", ["staff": .text(member.name)])
            }
            caseFile.staffId = member.id
            assigned = member
        }
        return assigned!
    }

    /// Loads a case, applies a change and saves it with its audit events.
    func change(_ caseId: Int64, action: AuditLog.Action, permission: Permission = .writeCases,
                _ body: (inout CaseFile, AuditLog) throws -> Void) throws -> CaseFile {
        try write(permission, case: caseId) { audit in
            let old = try CaseFile.existing(caseId, audit.db)
            var new = old
            try body(&new, audit)
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: caseId, caseId: caseId, action: action)
            return new
        }
    }
}

extension CaseFile {
    static func existing(_ id: Int64, _ db: Database) throws -> CaseFile {
        guard let found = try CaseFile.fetchOne(db, key: id) else {
            throw notFound("case", String(id))
        }
        return found
    }
}

extension CaseFile {
    /// Ends a waiting or active case on `date`: closed for `reason`, or handed over to
    /// another municipality. The one rule for both: not before it was opened.
    mutating func end(_ status: CaseStatus, reason: String, on date: LocalDate) throws {
        guard self.status == .active || self.status == .waiting else {
            throw UsageError("case.notClosable", ["case": .number(id ?? 0), "status": self.status.label])
        }
        if let opened = openedOn, date < opened { throw UsageError("case.closeBeforeOpen", ["case": .number(id ?? 0), "date": .date(opened)]) }
        self.status = status
        closedOn = date
        closureReason = reason
    }
}
