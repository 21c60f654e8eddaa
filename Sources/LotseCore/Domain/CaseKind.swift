/// A case covers a family (the household) or one adult individual.
public enum CaseKind: String, Sendable, Codable, CaseIterable {
    case family
    case individual
}
