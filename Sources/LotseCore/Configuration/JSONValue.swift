import Foundation

/// A parsed JSON document that keeps booleans and numbers apart, so configuration
/// validation can say exactly which type a key has and which it should have.
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    /// Parses a document; a syntax error names its line and column.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw JSONSyntaxError(data: data)
        }
    }

    /// How the value reads in an error message: its type and a short form of it.
    public var shortDescription: Message {
        switch self {
        case .null: Message("json.value", ["value": "null"])
        case .bool(let b): Message("json.value", ["value": .text(String(b))])
        case .integer(let n): Message("json.value", ["value": .text(String(n))])
        case .number(let d): Message("json.value", ["value": .text(String(d))])
        case .string(let s): Message("json.string", ["value": .text(String(s.prefix(40)))])
        case .array: "json.list"
        case .object: "json.object"
        }
    }
}
