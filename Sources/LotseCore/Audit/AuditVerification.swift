import GRDB

/// Checks the audit chain (every event's hash, the links between events, the values
/// still present against their hashes, the chain's end against its head), then today's
/// rows against the last values the chain recorded (`AuditedState`).
public struct AuditVerification: Sendable, Equatable {
    public let events: Int64
    /// Problems found, each naming the event; empty when the log is intact.
    public let problems: [Message]

    public var isIntact: Bool { problems.isEmpty }
}
