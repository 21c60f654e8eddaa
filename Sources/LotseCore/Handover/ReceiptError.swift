import Crypto
import Foundation
import PluginKit

/// Why a receipt was refused; nothing was changed.
public enum ReceiptError: LotseError, Equatable {
    case malformed(Message)
    case badSignature(Message)
    case unsigned
    case unknownBundle(String)
    case checksum(String)
    /// An xdomea reply that is not one lotse can take.
    case reply(Message)

    public var message: Message {
        switch self {
        case .malformed(let what): Message("receipt.refused.malformed", ["reason": .message(what)])
        case .badSignature(let what), .reply(let what): Message("receipt.refused", ["reason": .message(what)])
        case .unsigned: Message("receipt.refused.unsigned")
        case .unknownBundle(let id): Message("receipt.refused.unknownBundle", ["bundle": .text(id)])
        case .checksum(let id): Message("receipt.refused.checksum", ["bundle": .text(id)])
        }
    }

    public var exitCode: Int32 { 2 }
}
