

/// A mistake in what the user asked for: exit code 1.
public struct UsageError: LotseError {
    public static let exitCode: Int32 = 1
    public let message: Message
    public var exitCode: Int32 { Self.exitCode }
    public init(_ key: String, _ arguments: [String: TextValue] = [:]) { message = Message(key, arguments) }
    public init(_ message: Message) { self.message = message }
}
