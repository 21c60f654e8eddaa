/// `waiting → active → closed → archived`, or `handed_over` to another municipality.
public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    case waiting
    case active
    case closed
    case archived
    case handedOver = "handed_over"
}
