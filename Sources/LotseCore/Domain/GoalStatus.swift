public enum GoalStatus: String, Sendable, Codable, CaseIterable {
    case open, achieved, dropped
}
