import Foundation
import PluginKit

/// Words for a user before they have a language: a catalog key and the values it names.
/// Core and Host say everything a user reads as a `Message`; the catalog of the
/// session's locale renders it (`Catalog.render`). A test compares keys, not prose.
public struct Message: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let namespace: String
    public let key: String
    public let arguments: [String: TextValue]

    public init(_ key: String, _ arguments: [String: TextValue] = [:], namespace: String = "core") {
        self.namespace = namespace
        self.key = key
        self.arguments = arguments
    }

    /// A message without arguments, named by its key.
    public init(stringLiteral key: String) { self.init(key) }

    /// The key and its arguments, for logs and test failures (never shown to a user).
    public var description: String {
        arguments.isEmpty ? key : "\(key) \(arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))"
    }
}

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

extension Message {
    /// What the system said (an `errno`), in the catalog's words for the common cases.
    public static func system(_ code: Int32) -> Message {
        let known: [Int32: String] = [EACCES: "access", EPERM: "access", ENOENT: "noEntry", EEXIST: "exists", ENOSPC: "noSpace",
                                      EDQUOT: "noSpace", EROFS: "readOnly", EISDIR: "isDirectory", ENOTDIR: "notDirectory"]
        return known[code].map { Message("system.\($0)") } ?? Message("system.other", ["code": .number(Int(code))])
    }

    /// What a Foundation file error says, in the catalog's words.
    public static func system(_ error: any Error) -> Message {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return system(Int32(underlying.code))
        }
        return nsError.domain == NSPOSIXErrorDomain ? system(Int32(nsError.code)) : Message("system.other", ["code": .number(nsError.code)])
    }
}
