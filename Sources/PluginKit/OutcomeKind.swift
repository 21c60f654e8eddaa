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

/// What value an outcome carries.
public enum OutcomeValueKind: String, Sendable, Hashable {
    case none
    case cefrLevel
    case text

    /// Nil when the value fits, else the catalog key (core) of what is expected.
    public func problem(with value: String?) -> String? {
        switch self {
        case .none: nil
        case .cefrLevel: value.flatMap { CEFRLevel(rawValue: $0.uppercased()) } == nil ? "outcomeValue.cefrLevel" : nil
        case .text: (value ?? "").isEmpty ? "outcomeValue.text" : nil
        }
    }
}
