import PluginKit

/// An agreement with what printing it needs.
public struct AgreementDocument: Sendable {
    public var agreement: Agreement
    public var goals: [Goal]
    public var caseFile: CaseFile
    public var municipality: String
    /// The municipality's postal address, where one is set (`municipality edit --address`).
    public var municipalityAddress: String?
    public var staff: String?
    /// Names of the persons of the case, by person id.
    public var names: [Int64: String]
    /// The adults who sign, eldest first.
    public var adults: [Int64]
    /// The languages each person reads (tags, their document language first).
    public var languages: [Int64: [String]] = [:]

    /// The languages the client's copies are printed in: each signing adult's first
    /// language, once, eldest first; where no adult's is known, any person's.
    public var readingLanguages: [String] {
        Person.readingLanguages(signers: adults.map { languages[$0] ?? [] }, everyone: languages.keys.sorted().map { languages[$0]! })
    }
}
