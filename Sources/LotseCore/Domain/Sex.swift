public enum Sex: String, Sendable, Codable, CaseIterable {
    case female = "f"
    case male = "m"
    case diverse = "d"
    case unknown = "u"
}
