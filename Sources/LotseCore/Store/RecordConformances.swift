import GRDB
import PluginKit

// The domain types (Domain/) are plain structs that never import GRDB; here they
// become GRDB records. The feature folders hold their own persistence (CaseStore+….swift)
// and import GRDB for it; Host and the modules never do.

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { iso.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap { LocalDate(iso: $0) }
    }
}

extension MunicipalityKind: DatabaseValueConvertible {}
extension StaffRole: DatabaseValueConvertible {}
extension Sex: DatabaseValueConvertible {}
extension StayProspect: DatabaseValueConvertible {}
extension CaseKind: DatabaseValueConvertible {}
extension CaseStatus: DatabaseValueConvertible {}
extension GoalStatus: DatabaseValueConvertible {}
extension ConversationKind: DatabaseValueConvertible {}
extension ResponsibleParty: DatabaseValueConvertible {}

/// Records whose rowid is the `id` column, filled in after insert.
protocol IdentifiedRecord: MutablePersistableRecord {
    var id: Int64? { get set }
}

extension IdentifiedRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Inserts the record; returns it as stored and its new id (no optional to unwrap).
    func insertedWithId(_ db: Database) throws -> (record: Self, id: Int64) {
        var record = self
        try record.insert(db)
        return (record, db.lastInsertedRowID)
    }
}

extension Municipality: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "municipality"
}
extension User: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "appUser"
}
extension Staff: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "staff"
}
extension Household: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "household"
}
extension Person: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "person"
}
extension PersonIdentity: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "personIdentity"
}
extension HouseholdMember: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "householdMember"
}
extension CaseFile: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "caseFile"
}
extension Answer: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "answer"
}
extension Agreement: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "agreement"
}
extension Goal: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "goal"
}
extension GoalReview: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "goalReview"
}
extension GoalChange: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "goalChange"
}
extension ScheduledReview: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "scheduledReview"
}
extension Conversation: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "conversation"
}
extension Referral: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "referral"
}
extension Outcome: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "outcome"
}
extension Move: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "move"
}
extension Consent: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "consent"
}
extension Attachment: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "attachment"
}
extension CaseNote: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "caseNote"
}
extension NetworkContact: FetchableRecord, IdentifiedRecord {
    public static let databaseTableName = "networkContact"
}
