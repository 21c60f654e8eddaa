/// An error a user sees: a message (a catalog key and its values, rendered in the
/// session's language) and the exit code it ends the program with (1: the user's input,
/// 2: the data, files or configuration). Tests tell one refusal from another by the key.
public protocol LotseError: Error, CustomStringConvertible {
    var message: Message { get }
    var exitCode: Int32 { get }
}

extension LotseError {
    public var description: String { message.description }
}

/// A mistake in what the user asked for: exit code 1.
public struct UsageError: LotseError {
    public static let exitCode: Int32 = 1
    public let message: Message
    public var exitCode: Int32 { Self.exitCode }
    public init(_ key: String, _ arguments: [String: TextValue] = [:]) { message = Message(key, arguments) }
    public init(_ message: Message) { self.message = message }
}

/// Data or files that are not as they must be: exit code 2.
public struct DataError: LotseError {
    public let message: Message
    public var exitCode: Int32 { 2 }
    public init(_ key: String, _ arguments: [String: TextValue] = [:]) { message = Message(key, arguments) }
    public init(_ message: Message) { self.message = message }
}
