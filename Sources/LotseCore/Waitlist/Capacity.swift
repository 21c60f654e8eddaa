import PluginKit

/// Places of a municipality: funded FTE × persons per FTE, and how many are taken.
public struct Capacity: Sendable, Codable, Equatable {
    public var municipality: String
    public var fte: Double
    public var places: Int
    public var inCare: Int
    public var free: Int { max(0, places - inCare) }
}
