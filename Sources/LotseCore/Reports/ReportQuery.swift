import PluginKit

/// What a report is computed for.
public struct ReportQuery: Sendable, Equatable {
    /// Figures as they stood on this date: only facts dated on or before it count.
    public var asOf: LocalDate
    /// Start of the period for conversations, referrals and network contacts; nil: all time.
    public var from: LocalDate?
    /// Only this municipality (id or name).
    public var municipality: String?
    /// Count facts that arrived with a handover from another municipality.
    public var includeOrigin: Bool

    public init(asOf: LocalDate, from: LocalDate? = nil, municipality: String? = nil, includeOrigin: Bool = false) {
        self.asOf = asOf
        self.from = from
        self.municipality = municipality
        self.includeOrigin = includeOrigin
    }
}
