/// plugins.json is malformed or inconsistent. The message is one line naming the file,
/// the key and what is expected, so that an administrator can fix it without a trace.
public struct ConfigurationError: LotseError, Equatable {
    public let file: String
    public let key: String
    public let expected: String

    public var message: String { "\(file): \(key): \(expected)" }
    public var exitCode: Int32 { 2 }
}
