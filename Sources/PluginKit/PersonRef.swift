

/// A person as modules see them: an opaque reference the core understands, and
/// whether they count as an adult or a child on the intake date.
public struct PersonRef: Sendable, Hashable {
    public let id: String
    public let scope: Scope

    public init(id: String, scope: Scope) {
        self.id = id
        self.scope = scope
    }
}
