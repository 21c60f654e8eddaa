import PluginKit

/// The rules `batch close` applies to active cases.
public enum ClosureRule: String, Sendable, CaseIterable {
    /// A move out of the municipality was recorded: closed on the move's date.
    case movedAway = "moved-away"
    /// Every goal of the latest agreement achieved or dropped, at least one achieved.
    case completed
    /// No conversation for the configured number of months.
    case inactive
    /// In care longer than the funding allows (a justified extension adds a year).
    case maxDuration = "max-duration"

    /// The closure reason (closure-reasons.json) the rule records.
    public var reason: String {
        switch self {
        case .movedAway: "moved_away"
        case .completed: "integration_completed"
        case .inactive: "no_contact"
        case .maxDuration: "no_longer_eligible"
        }
    }
}
