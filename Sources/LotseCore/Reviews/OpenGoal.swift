import PluginKit

/// A goal due for review, with what the review dialog shows.
public struct OpenGoal: Sendable, Equatable, Codable {
    public var goal: Goal
    public var personName: String?
}
