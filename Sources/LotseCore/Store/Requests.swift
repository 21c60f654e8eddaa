import GRDB
import PluginKit

// The questions features ask of the records, as requests: each record's columns named
// once (`Columns`), each order a record is listed in decided once. SQL stays where a
// request cannot say it: reports' compiled metrics and counts, the batch rules, the
// queries that join several tables, the audit chain and the import's bulk inserts.

/// The columns of a record that belongs to one case.
protocol CaseColumns {
    static var caseId: Column { get }
    /// The order the records happened in, oldest first; ties by id.
    static var chronological: [Column] { get }
}

/// The column of a record about one person (nil: about the household).
protocol PersonColumns {
    static var personId: Column { get }
}

/// The column of a record that belongs to one goal.
protocol GoalColumns {
    static var goalId: Column { get }
}

extension TableRecord where Columns: CaseColumns {
    /// The case's records, oldest first.
    static func ofCase(_ caseId: Int64) -> QueryInterfaceRequest<Self> {
        filter(Columns.caseId == caseId).order(Columns.chronological)
    }

    /// The records of several cases, oldest first.
    static func ofCases(_ caseIds: [Int64]) -> QueryInterfaceRequest<Self> {
        filter(caseIds.contains(Columns.caseId)).order(Columns.chronological)
    }
}

extension TableRecord where Columns: GoalColumns {
    /// The records of the goals of a case's agreements.
    static func ofCase(_ caseId: Int64) -> QueryInterfaceRequest<Self> {
        filter(Goal.ofCases([caseId]).select(Goal.Columns.id).contains(Columns.goalId))
    }
}

extension QueryInterfaceRequest where RowDecoder: TableRecord, RowDecoder.Columns: PersonColumns {
    /// Those about one person, or about the whole household (no person).
    func concerning(person personId: Int64) -> Self {
        filter(RowDecoder.Columns.personId == nil || RowDecoder.Columns.personId == personId)
    }

    /// Those about one person only.
    func about(person personId: Int64) -> Self { filter(RowDecoder.Columns.personId == personId) }
}

extension CaseFile {
    public enum Columns {
        static let id = Column("id"), status = Column("status"), municipalityId = Column("municipalityId")
        static let householdId = Column("householdId"), openedOn = Column("openedOn"), closedOn = Column("closedOn")
    }

    /// The ids of one municipality's cases.
    static func ids(in municipalityId: Int64) -> QueryInterfaceRequest<CaseFile> {
        filter(Columns.municipalityId == municipalityId).select(Columns.id)
    }

    /// Cases still worked on (active or waiting), newest first; of one municipality when given.
    static func open(in municipalityId: Int64?) -> QueryInterfaceRequest<CaseFile> {
        let request = filter([CaseStatus.active, .waiting].map(\.rawValue).contains(Columns.status)).order(Columns.id.desc)
        return municipalityId.map { request.filter(Columns.municipalityId == $0) } ?? request
    }

    /// Closed cases (not yet archived) closed before a date, oldest first.
    static func closed(before date: LocalDate) -> QueryInterfaceRequest<CaseFile> {
        filter(Columns.status == CaseStatus.closed.rawValue && Columns.closedOn < date).order(Columns.closedOn, Columns.id)
    }
}

extension Answer {
    public enum Columns: CaseColumns, PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId")
        static let chronological = [id]
    }
}

extension Agreement {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), signedOn = Column("signedOn")
        static let chronological = [signedOn, id]
    }
}

extension Conversation {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), date = Column("date"), note = Column("note")
        static let chronological = [date, id]
    }
}

extension Referral {
    public enum Columns: CaseColumns, PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId"), date = Column("date")
        static let problem = Column("problem"), outcome = Column("outcome")
        static let chronological = [date, id]
    }
}

extension QueryInterfaceRequest<Referral> {
    /// Blanks the referrals' free texts (archiving, erasure): service and date stay.
    func eraseFreeText(_ db: Database) throws {
        try updateAll(db, Referral.Columns.problem.set(to: ""), Referral.Columns.outcome.set(to: nil))
    }
}

extension Move {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), movedOn = Column("movedOn"), destination = Column("destination")
        static let chronological = [movedOn, id]
    }
}

extension Consent {
    public enum Columns: CaseColumns, PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId"), givenOn = Column("givenOn")
        static let attachmentId = Column("attachmentId")
        static let chronological = [givenOn, id]
    }
}

extension Attachment {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), storedName = Column("storedName")
        static let chronological = [id]
    }
}

extension CaseNote {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), writtenOn = Column("writtenOn")
        static let chronological = [writtenOn, id]
    }
}

extension Outcome {
    public enum Columns: PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId"), date = Column("date")
    }

    /// The outcomes recorded for these persons, oldest first.
    static func ofPersons(_ personIds: some Collection<Int64>) -> QueryInterfaceRequest<Outcome> {
        filter(personIds.contains(Columns.personId)).order(Columns.date, Columns.id)
    }
}

extension Goal {
    public enum Columns: PersonColumns {
        static let id = Column("id"), agreementId = Column("agreementId"), personId = Column("personId"), note = Column("note")
    }

    /// The goals of these cases' agreements, in the order they were agreed.
    static func ofCases(_ caseIds: [Int64]) -> QueryInterfaceRequest<Goal> {
        filter(Agreement.ofCases(caseIds).select(Agreement.Columns.id).contains(Columns.agreementId)).order(Columns.id)
    }

    /// An agreement's goals in the order they were agreed.
    static func ofAgreement(_ agreementId: Int64?) -> QueryInterfaceRequest<Goal> {
        filter(Columns.agreementId == agreementId).order(Columns.id)
    }
}

extension GoalChange {
    public enum Columns: GoalColumns {
        static let id = Column("id"), goalId = Column("goalId"), changedOn = Column("changedOn")
    }

    /// A goal's history, oldest first.
    static func ofGoal(_ goalId: Int64?) -> QueryInterfaceRequest<GoalChange> {
        filter(Columns.goalId == goalId).order(Columns.changedOn, Columns.id)
    }
}

extension ScheduledReview {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), heldOn = Column("heldOn"), movedOn = Column("movedOn")
        static let chronological = [id]
    }

    /// The review date a case is waiting for (neither held nor moved).
    static func pending(of caseId: Int64) -> QueryInterfaceRequest<ScheduledReview> {
        filter(Columns.caseId == caseId && Columns.heldOn == nil && Columns.movedOn == nil).order(Columns.id.desc)
    }
}

extension GoalReview {
    public enum Columns: GoalColumns {
        static let id = Column("id"), goalId = Column("goalId"), reviewedOn = Column("reviewedOn"), note = Column("note")
    }

    /// A goal's reviews, oldest first.
    static func ofGoal(_ goalId: Int64?) -> QueryInterfaceRequest<GoalReview> {
        filter(Columns.goalId == goalId).order(Columns.reviewedOn, Columns.id)
    }
}

extension Household {
    public enum Columns {
        static let id = Column("id"), municipalityId = Column("municipalityId")
    }
}

extension PersonIdentity {
    public enum Columns {
        static let personId = Column("personId")
    }
}

extension HouseholdMember {
    public enum Columns: PersonColumns {
        static let householdId = Column("householdId"), personId = Column("personId"), fromDate = Column("fromDate")
        static let toDate = Column("toDate")
    }

    /// The persons living in a household on a date.
    static func persons(in householdId: Int64, on date: LocalDate) -> QueryInterfaceRequest<Int64> {
        filter(Columns.householdId == householdId && Columns.fromDate <= date && (Columns.toDate == nil || Columns.toDate > date))
            .select(Columns.personId, as: Int64.self)
    }

    /// The members a case is about: its household, or the one person of a person case,
    /// in the order they joined.
    static func ofCase(_ caseFile: CaseFile) -> QueryInterfaceRequest<HouseholdMember> {
        var request = filter(Columns.householdId == caseFile.householdId)
        if let personId = caseFile.personId { request = request.about(person: personId) }
        return request.order(Columns.fromDate, Columns.personId)
    }
}

extension User {
    public enum Columns {
        static let name = Column("name"), osUser = Column("osUser")
    }

    static func named(_ name: String) -> QueryInterfaceRequest<User> { filter(Columns.name == name) }
    /// The user an operating-system account acts as.
    static func mapped(to osUser: String) -> QueryInterfaceRequest<User> { filter(Columns.osUser == osUser) }
    static var byName: QueryInterfaceRequest<User> { order(Columns.name) }
}

extension Municipality {
    public enum Columns {
        static let name = Column("name")
    }

    /// Names are unique whatever their case.
    static func named(_ name: String) -> QueryInterfaceRequest<Municipality> { filter(Columns.name.collating(.nocase) == name) }
    static var byName: QueryInterfaceRequest<Municipality> { order(Columns.name) }
}

extension Staff {
    public enum Columns {
        static let name = Column("name"), municipalityId = Column("municipalityId"), active = Column("active")
    }

    /// Staff members still working.
    static var working: QueryInterfaceRequest<Staff> { filter(Columns.active == true) }

    static func named(_ name: String) -> QueryInterfaceRequest<Staff> { filter(Columns.name.collating(.nocase) == name) }
    /// By municipality, then name; only one municipality's when given.
    static func listed(in municipalityId: Int64?) -> QueryInterfaceRequest<Staff> {
        let request = order(Columns.municipalityId, Columns.name)
        return municipalityId.map { request.filter(Columns.municipalityId == $0) } ?? request
    }
}
