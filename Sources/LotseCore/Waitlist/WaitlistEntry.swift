import PluginKit

/// A case on the waiting list, with what orders it.
public struct WaitlistEntry: Sendable, Codable, Equatable {
    public var caseId: Int64
    public var municipality: String
    /// Persons the case brings into care.
    public var persons: Int
    /// Someone arrived between 1 January 2015 and 29 February 2016.
    public var arrivedInPriorityWindow: Bool
    /// The best stay prospect among the case's persons.
    public var stayProspect: StayProspect
    public var waitlistedOn: LocalDate?

    /// The reference document's rule: arrival window first, then stay prospect, then
    /// how long the case has waited.
    public static func precedes(_ a: WaitlistEntry, _ b: WaitlistEntry) -> Bool {
        if a.arrivedInPriorityWindow != b.arrivedInPriorityWindow { return a.arrivedInPriorityWindow }
        if a.stayProspect != b.stayProspect { return a.stayProspect < b.stayProspect }
        let aDate = a.waitlistedOn ?? LocalDate(year: 9999, month: 12, day: 31)!
        let bDate = b.waitlistedOn ?? LocalDate(year: 9999, month: 12, day: 31)!
        if aDate != bDate { return aDate < bDate }
        return a.caseId < b.caseId
    }
}
