import PluginKit

/// A case a rule applies to, and why.
public struct ClosureCandidate: Sendable, Equatable {
    public var caseId: Int64
    public var municipality: String
    public var persons: Int
    public var closeOn: LocalDate
    /// Why, in a few words without personal data ("moved out of the municipality on 01.01.2019").
    public var why: Message
}
