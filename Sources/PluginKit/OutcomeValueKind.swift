

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
