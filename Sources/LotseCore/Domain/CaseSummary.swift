import PluginKit

/// One row of `case list`.
public struct CaseSummary: Sendable, Codable, Equatable {
    public var id: Int64
    public var kind: CaseKind
    public var status: CaseStatus
    public var municipality: String
    public var staff: String?
    /// The family name of the individual, or of the household's first member.
    public var name: String?
    public var persons: Int
    public var openedOn: LocalDate?
    public var nextReviewOn: LocalDate?
}
