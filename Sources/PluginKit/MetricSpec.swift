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

/// Which persons a metric counts, by age on the report date.
public enum PersonGroup: String, Sendable, Hashable {
    case all
    /// 18 or older on the report date.
    case adults
    case children
}

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
