import PluginKit

/// What a review recorded.
public struct ReviewResult: Sendable, Equatable {
    public var reviewed: Int
    public var outcomes: [Outcome]
    public var conversationId: Int64
    public var nextReviewOn: LocalDate?
}
