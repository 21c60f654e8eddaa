import PluginKit

/// What `waitlist admit` did.
public struct Admission: Sendable, Codable, Equatable {
    public struct Skipped: Sendable, Codable, Equatable {
        public var caseId: Int64
        public var persons: Int
        public var freePlaces: Int
    }

    public var admitted: [WaitlistEntry] = []
    public var skipped: [Skipped] = []
    public var capacities: [Capacity] = []
}
