public enum ConversationKind: String, Sendable, Codable, CaseIterable {
    case individual, family
}
