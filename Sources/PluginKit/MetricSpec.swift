/// A report figure, declared rather than computed: the core compiles every spec into
/// one SQL query, so reports run at database speed and modules stay free of I/O.
/// Every metric counts distinct persons.
public struct MetricSpec: Sendable, Identifiable {
    /// "<module>.<name>", the key in report JSON.
    public let id: String
    public let persons: PersonGroup
    public let rule: OutcomeRule
    /// Count only persons whose case is active on the report date.
    public let inCareOnDate: Bool

    public init(_ id: String, persons: PersonGroup = .all, _ rule: OutcomeRule, inCareOnDate: Bool = false) {
        self.id = id
        self.persons = persons
        self.rule = rule
        self.inCareOnDate = inCareOnDate
    }

    public var name: String { id.split(separator: ".", maxSplits: 1).last.map(String.init) ?? id }
    public var labelKey: String { "metric.\(name)" }
    /// A sentence saying exactly what is counted, shown in reports and `modules show`.
    public var docKey: String { "metric.\(name).doc" }
}
