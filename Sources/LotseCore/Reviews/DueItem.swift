import PluginKit

/// A case or goal that needs attention soon (`lotse due`).
public struct DueItem: Sendable, Equatable, Codable {
    public var caseId: Int64
    public var staff: String?
    /// "review" for the case's next review, "goal" for a goal's due date, "receipt" for
    /// a handover whose receipt is overdue (title: the receiver), "careEnd" for a case
    /// reaching its limit of care (date: the day it does).
    public var kind: String
    public var date: LocalDate
    public var title: String?
}
