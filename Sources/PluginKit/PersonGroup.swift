

/// Which persons a metric counts, by age on the report date.
public enum PersonGroup: String, Sendable, Hashable {
    case all
    /// 18 or older on the report date.
    case adults
    case children
}
