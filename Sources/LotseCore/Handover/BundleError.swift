/// Why a bundle was refused: one line for the user, exit code 2. Nothing was imported.
public enum BundleError: LotseError, Equatable {
    case unreadable(Message)
    case corrupt(Message)
    case passphrase
    case encryption(Message)
    case unsafe(Message)
    case limit(Message)
    case manifest(Message)
    case checksum(Message)
    case signature(Message)
    case schema(Message)
    case duplicate(Message)

    public var message: Message {
        switch self {
        case .passphrase: Message("bundle.refused.passphrase")
        case .unsafe(let what): Message("bundle.refused.unsafe", ["entry": .message(what)])
        case .checksum(let what): Message("bundle.refused.checksum", ["entry": .message(what)])
        case .unreadable(let what), .corrupt(let what), .encryption(let what), .limit(let what), .manifest(let what),
             .signature(let what), .schema(let what), .duplicate(let what):
            Message("bundle.refused", ["reason": .message(what)])
        }
    }

    /// What was wrong, without "bundle refused" around it.
    var reason: Message {
        switch self {
        case .passphrase: Message("bundle.refused.passphrase")
        case .unreadable(let what), .corrupt(let what), .encryption(let what), .unsafe(let what), .limit(let what), .manifest(let what),
             .checksum(let what), .signature(let what), .schema(let what), .duplicate(let what):
            what
        }
    }

    public var exitCode: Int32 { 2 }
}
