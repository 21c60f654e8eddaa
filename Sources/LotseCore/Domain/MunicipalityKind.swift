/// A county office or a city that runs its own integration management.
public enum MunicipalityKind: String, Sendable, Codable, CaseIterable {
    case county
    case city
}
