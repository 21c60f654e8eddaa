/// plugins.json is malformed or inconsistent. The message is one line naming the file,
/// the key and what is expected, so that an administrator can fix it without a trace.
public struct ConfigurationError: LotseError, Equatable {
    public let file: String
    public let key: TextValue
    public let expected: Message

    public init(file: String, key: TextValue, expected: Message) {
        self.file = file
        self.key = key
        self.expected = expected
    }

    public var message: Message { Message("error.configuration", ["file": .text(file), "key": key, "expected": .message(expected)]) }
    public var exitCode: Int32 { 2 }
}
