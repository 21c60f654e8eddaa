import GRDB
import PluginKit

// The domain types are plain structs; here they become GRDB records. Only the store
// imports GRDB, so the rest of lotse sees domain values and store functions.

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
}

extension Municipality: FetchableRecord, IdentifiedRecord, TableRecord {}
extension Staff: FetchableRecord, IdentifiedRecord {}
extension Household: FetchableRecord, IdentifiedRecord {}
extension Person: FetchableRecord, IdentifiedRecord {}
extension PersonIdentity: FetchableRecord, PersistableRecord {}
extension HouseholdMember: FetchableRecord, PersistableRecord {}
extension CaseFile: FetchableRecord, IdentifiedRecord {}
extension Answer: FetchableRecord, IdentifiedRecord {}
extension Agreement: FetchableRecord, IdentifiedRecord {}
extension Goal: FetchableRecord, IdentifiedRecord {}
extension GoalReview: FetchableRecord, IdentifiedRecord {}
extension Conversation: FetchableRecord, IdentifiedRecord {}
extension Referral: FetchableRecord, IdentifiedRecord {}
extension Outcome: FetchableRecord, IdentifiedRecord {}
extension Move: FetchableRecord, IdentifiedRecord {}
extension Consent: FetchableRecord, IdentifiedRecord {}
extension Attachment: FetchableRecord, IdentifiedRecord {}
extension CaseNote: FetchableRecord, IdentifiedRecord {}
extension NetworkContact: FetchableRecord, IdentifiedRecord {}
