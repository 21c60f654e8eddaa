

/// Which outcomes make a person count. Only outcomes dated on or before the report
/// date are considered.
public enum OutcomeRule: Sendable, Hashable {
    /// Any outcome of these kinds (optionally with one of these values).
    case any(of: [String], values: [String]? = nil)
    /// The person's latest outcome among `among` is one of `is`.
    case latest(among: [String], is: [String])

    /// Every outcome kind the rule reads.
    public var kinds: [String] {
        switch self {
        case .any(let kinds, _): kinds
        case .latest(let among, let wanted): among + wanted.filter { !among.contains($0) }
        }
    }
}
