/// Why a bundle was refused: one line for the user, exit code 2. Nothing was imported.
public enum BundleError: LotseError, Equatable {
    case unreadable(String)
    case corrupt(String)
    case passphrase
    case encryption(String)
    case unsafe(String)
    case limit(String)
    case manifest(String)
    case checksum(String)
    case signature(String)
    case schema(String)
    case duplicate(String)

    public var message: String {
        switch self {
        case .unreadable(let what): "bundle refused: \(what)"
        case .corrupt(let what): "bundle refused: \(what)"
        case .passphrase: "bundle refused: wrong or missing passphrase; give the passphrase the sender used (--passphrase-file or at the prompt)"
        case .encryption(let what): "bundle refused: \(what)"
        case .unsafe(let what): "bundle refused: unsafe entry \(what)"
        case .limit(let what): "bundle refused: \(what)"
        case .manifest(let what): "bundle refused: \(what)"
        case .checksum(let what): "bundle refused: checksum mismatch: \(what)"
        case .signature(let what): "bundle refused: \(what)"
        case .schema(let what): "bundle refused: \(what)"
        case .duplicate(let what): "bundle refused: \(what)"
        }
    }

    public var exitCode: Int32 { 2 }
}
