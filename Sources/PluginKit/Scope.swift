

/// Whom a question is about.
public enum Scope: String, Sendable, Codable, CaseIterable {
    /// Asked once for the whole household.
    case household
    /// Asked once for every adult (18 or older on the intake date).
    case adult
    /// Asked once for every child.
    case child
}
