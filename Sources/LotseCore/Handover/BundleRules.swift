import PluginKit

/// What a received `case.json` must mean, beyond its shape: what `BundleReader` checks
/// after decoding, so `verify` refuses everything `import` would.
public struct BundleRules: Sendable {
    /// Modules, outcome kinds and questions a bundle's facts must name.
    public var vocabulary: Vocabulary
    /// Most persons one case may hold (`maxPersonsPerCase`).
    public var maxPersons: Int
    /// Dates after this are in the future (a birth date in 2099).
    public var today: LocalDate
    /// How long a text may be, and which may hold line breaks.
    public var fieldLimits: FieldLimits

    public init(vocabulary: Vocabulary, maxPersons: Int, today: LocalDate, fieldLimits: FieldLimits = FieldLimits()) {
        self.vocabulary = vocabulary
        self.maxPersons = maxPersons
        self.today = today
        self.fieldLimits = fieldLimits
    }
}
