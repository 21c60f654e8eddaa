import PluginKit

/// A person as the intake sees them: who to name in the prompt and how old they are
/// on the intake date.
public struct IntakePerson: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let age: Int
    /// The country of origin, when known: the intake asks it where it is not.
    public let country: String?
    /// The languages the person reads, when known: the intake asks an adult's where not.
    public let languages: [String]

    public init(id: Int64, name: String, age: Int, country: String? = nil, languages: [String] = []) {
        self.id = id
        self.name = name
        self.age = age
        self.country = country
        self.languages = languages
    }

    public var scope: Scope { age >= 18 ? .adult : .child }
    public var ref: PersonRef { PersonRef(id: String(id), scope: scope) }
}
