import PluginKit

/// A person found by name, for `person find` and duplicate warnings.
public struct PersonMatch: Sendable, Codable, Equatable {
    public let personId: Int64
    public let familyName: String
    public let givenNames: String
    public let birth: String
    public let caseIds: [Int64]
}
