/// A kind of outcome a module owns ("language.course_completed"). Outcomes are the
/// dated facts reports count; the store refuses kinds no module owns.
public struct OutcomeKind: Sendable, Identifiable, Hashable {
    /// Local id within the module, e.g. "level_reached".
    public let id: String
    public let value: OutcomeValueKind

    public init(_ id: String, value: OutcomeValueKind = .none) {
        self.id = id
        self.value = value
    }

    public var labelKey: String { "outcome.\(id)" }
}
