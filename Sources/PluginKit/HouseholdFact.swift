

/// Facts about the household that the core derives from its data (members and their
/// birth dates on the intake date), so conditions need not ask for them.
public enum HouseholdFact: String, Sendable, Hashable, CaseIterable {
    case adults
    case children
    /// Age in years of the person a per-person question is about.
    case personAge
}
