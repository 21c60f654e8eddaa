

/// Data or files that are not as they must be: exit code 2.
public struct DataError: LotseError {
    public let message: Message
    public var exitCode: Int32 { 2 }
    public init(_ key: String, _ arguments: [String: TextValue] = [:]) { message = Message(key, arguments) }
    public init(_ message: Message) { self.message = message }
}
