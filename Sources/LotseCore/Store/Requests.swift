import GRDB
import PluginKit

// The requests every record of a case, a person or a goal shares. Each record names its
// own columns (`Columns`) and its own requests beside itself, as GRDB lays them out
// (Domain/…): SQL stays where a request cannot say it: reports' compiled metrics and
// counts, the batch rules, the queries that join several tables, the audit chain and
// the import's bulk inserts.

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
