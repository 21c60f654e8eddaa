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
