import PluginKit

/// The administrative rule that decides who is counselled first (`eligibility` in
/// plugins.json).
/// - `vwv-2018`: the reference paper's order: someone arrived between 1 January 2015
///   and 29 February 2016 first, then the best stay prospect, then who waited longest.
/// - `vwv-2023` (VwV Integrationsmanagement of 6 June 2023): the target group is
///   refugees in municipal follow-up housing and people displaced from Ukraine
///   (residence status `temporary_protection`); there is no arrival window and no
///   ranking by stay prospect: who waited longest comes first.
public enum Eligibility: String, Sendable, CaseIterable {
    case vwv2018 = "vwv-2018"
    case vwv2023 = "vwv-2023"

    /// Whether `a` is admitted before `b`.
    public func precedes(_ a: WaitlistEntry, _ b: WaitlistEntry) -> Bool {
        if self == .vwv2018 {
            if a.arrivedInPriorityWindow != b.arrivedInPriorityWindow { return a.arrivedInPriorityWindow }
            if a.stayProspect != b.stayProspect { return a.stayProspect < b.stayProspect }
        }
        let aDate = a.waitlistedOn ?? LocalDate(year: 9999, month: 12, day: 31)!
        let bDate = b.waitlistedOn ?? LocalDate(year: 9999, month: 12, day: 31)!
        if aDate != bDate { return aDate < bDate }
        return a.caseId < b.caseId
    }
}
