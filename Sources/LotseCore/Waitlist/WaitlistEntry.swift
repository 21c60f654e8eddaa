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
    /// Someone is displaced from Ukraine (residence status `temporary_protection`): in
    /// the target group under `vwv-2023`.
    public var displacedFromUkraine: Bool
}
