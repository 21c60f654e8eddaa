

/// Who is responsible for reaching a goal, as written into the agreement.
public enum ResponsibleParty: String, Sendable, Codable, CaseIterable {
    case client
    case manager
    case service
}
