/// A figure of a report: a count, or a percentage with one decimal. JSON holds either
/// as a plain number.
public enum ReportValue: Sendable, Equatable, Codable {
    case count(Int)
    case percent(Double)

    /// The count; nil for a percentage.
    public var count: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) { self = .count(n) } else { self = .percent(try container.decode(Double.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .count(let n): try container.encode(n)
        case .percent(let p): try container.encode(p)
        }
    }

    /// `part` of `whole` in percent, one decimal; nil when the whole is 0.
    public static func percent(_ part: Int, of whole: Int) -> ReportValue? {
        whole > 0 ? .percent((Double(part) * 1000 / Double(whole)).rounded() / 10) : nil
    }
}
