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
