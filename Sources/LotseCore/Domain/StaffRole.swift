/// What a staff member does in the team.
public enum StaffRole: String, Sendable, Codable, CaseIterable {
    /// An integration manager with their own cases.
    case manager
    /// A team lead: sees all cases of the municipality, reassigns, reports.
    case lead
}
