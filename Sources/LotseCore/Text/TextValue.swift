import Foundation
import PluginKit

/// A value a message names, rendered for the locale: a date as 27.11.2026 or
/// 2026-11-27, a decimal as 1,5 or 1.5, a label (an enum value such as a case status)
/// in the locale's word. `text` is shown as given: ids, names, stored text, paths.
public indirect enum TextValue: Sendable, Equatable, CustomStringConvertible,
                                ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByStringInterpolation {
    case text(String)
    case number(Int)
    case decimal(Double, places: Int)
    case date(LocalDate)
    /// A key in the core catalog (an enum value's label, a word such as "none").
    case label(String)
    /// Values joined by the locale's list separator ("a, b").
    case list([TextValue])
    /// Values one per line.
    case lines([TextValue])
    /// Values joined as alternatives ("a or b" / "a oder b").
    case alternatives([TextValue])
    /// A whole message inside another (an underlying error, a reason).
    case message(Message)

    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }

    public static func number(_ value: Int64) -> TextValue { .number(Int(value)) }
    public static func optionalDate(_ value: LocalDate?) -> TextValue { value.map { .date($0) } ?? .label("value.none") }
    /// Labels of several enum values, e.g. roles.
    public static func labels(_ keys: [String]) -> TextValue { .list(keys.map { .label($0) }) }

    public var description: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .decimal(let value, let places): String(format: "%.\(places)f", value)
        case .date(let date): date.iso
        case .label(let key): "<\(key)>"
        case .list(let values), .alternatives(let values), .lines(let values): values.map(\.description).joined(separator: ",")
        case .message(let message): "(\(message))"
        }
    }
}
