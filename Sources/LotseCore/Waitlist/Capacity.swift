import PluginKit

/// Places of a municipality: funded FTE × persons per FTE, and how many are taken.
public struct Capacity: Sendable, Codable, Equatable {
    public var municipality: String
    public var fte: Double
    public var places: Int
    public var inCare: Int
    /// The organisation settings `municipality list --json` shows beside the places.
    public var address: String? = nil
    public var authorityKey: String? = nil
    public var free: Int { max(0, places - inCare) }
}
