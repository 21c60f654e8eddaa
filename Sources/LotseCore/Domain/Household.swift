import PluginKit

/// A household and who belonged to it when: a person joining later does not change
/// the figures of dates before.
public struct Household: Sendable, Equatable, Codable {
    public var id: Int64?
    public var municipalityId: Int64
    public var sourceRef: String?

    public init(id: Int64? = nil, municipalityId: Int64, sourceRef: String? = nil) {
        self.id = id
        self.municipalityId = municipalityId
        self.sourceRef = sourceRef
    }
}
