/// Whom a case's client documents (consent, handover notice) are for.
public struct DocumentParticipants: Sendable {
    public struct Person: Sendable {
        public var name: String
        public var adult: Bool
        /// Tags, the document language first.
        public var languages: [String]
    }

    public var municipality: String
    /// Eldest first.
    public var persons: [Person]

    /// The adults, who sign.
    public var signers: [String] { persons.filter(\.adult).map(\.name) }

    /// The languages the copies are printed in: each adult's first language, once,
    /// eldest first; where no adult's is known, any person's.
    public var readingLanguages: [String] {
        LotseCore.Person.readingLanguages(signers: persons.filter(\.adult).map(\.languages), everyone: persons.map(\.languages))
    }
}
