/// An error a user sees: one line that says what was wrong and what to do, and the
/// exit code it ends the program with (1: the user's input, 2: the data or files).
public protocol LotseError: Error, CustomStringConvertible {
    var message: String { get }
    var exitCode: Int32 { get }
}

extension LotseError {
    public var description: String { message }
}

/// A mistake in what the user asked for: exit code 1.
public struct UsageError: LotseError {
    public static let exitCode: Int32 = 1
    public let message: String
    public var exitCode: Int32 { Self.exitCode }
    public init(_ message: String) { self.message = message }
}

/// Data or files that are not as they must be: exit code 2.
public struct DataError: LotseError {
    public let message: String
    public var exitCode: Int32 { 2 }
    public init(_ message: String) { self.message = message }
}
