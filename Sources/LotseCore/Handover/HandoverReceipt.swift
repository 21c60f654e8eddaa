import Crypto
import Foundation
import PluginKit

/// What the receiver of a bundle sends back: which bundle (its id and the SHA-256 of the
/// zip as received), who received it, under which local case, on which day, signed with
/// the receiver's key when it has one. The sender's `handover confirm` checks it against
/// the bundle it sent and records the case as received.
///
/// The file is JSON: `{"receipt": {…}, "publicKey": "…", "signature": "…"}`; the
/// signature covers the receipt object as lotse encodes it (sorted keys, no spaces).
public struct HandoverReceipt: Sendable, Codable, Equatable {
    public static let schemaVersion = "lotse-receipt/1"
    /// A receipt is a few hundred bytes; anything much larger is not one.
    static let maxBytes = 64 << 10

    public var schema = Self.schemaVersion
    public var bundleId: String
    public var bundleSha256: String
    public var receiver: String
    public var receiverCaseId: Int64
    public var receivedOn: LocalDate

    public init(bundleId: String, bundleSha256: String, receiver: String, receiverCaseId: Int64, receivedOn: LocalDate) {
        self.bundleId = bundleId
        self.bundleSha256 = bundleSha256
        self.receiver = receiver
        self.receiverCaseId = receiverCaseId
        self.receivedOn = receivedOn
    }

    /// The file as written.
    private struct Envelope: Codable {
        var receipt: HandoverReceipt
        var publicKey: String?
        var signature: String?
    }

    /// The bytes the signature covers.
    func signedBytes() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The receipt file, signed when `key` is given.
    public func file(signedWith key: Curve25519.Signing.PrivateKey?) throws -> Data {
        let envelope = Envelope(receipt: self, publicKey: key?.publicKey.rawRepresentation.base64EncodedString(),
                                signature: try key.map { try $0.signature(for: signedBytes()).base64EncodedString() })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(envelope)
    }

    /// A receipt read and checked as far as it can be without the sender's records:
    /// well-formed, and its signature (if any) valid and by a trusted key.
    public struct Checked: Sendable {
        public let receipt: HandoverReceipt
        /// The trusted key that signed it; nil when unsigned.
        public let signedBy: String?
    }

    /// Reads a receipt file. A signature must verify and come from a trusted key; an
    /// unsigned receipt is returned with `signedBy` nil (the caller decides).
    public static func read(_ data: Data, trusted: Set<String>) throws(ReceiptError) -> Checked {
        guard data.count <= maxBytes else { throw .malformed("receipt.tooLarge") }
        if let problem = StrictJSON.problem(in: data) { throw .malformed(Message("receipt.json", ["path": .text(problem.path), "problem": .message(problem.what)])) }
        let envelope: Envelope
        do { envelope = try JSONDecoder().decode(Envelope.self, from: data) } catch {
            throw .malformed(BundleReader.describe(error))
        }
        let receipt = envelope.receipt
        guard receipt.schema == schemaVersion else { throw .malformed(Message("receipt.version", ["version": .text(receipt.schema)])) }
        guard receipt.bundleSha256.count == 64, receipt.bundleSha256.allSatisfy(\.isHexDigit), receipt.receiverCaseId > 0 else {
            throw .malformed("receipt.fields")
        }
        switch (envelope.publicKey, envelope.signature) {
        case (nil, nil):
            return Checked(receipt: receipt, signedBy: nil)
        case (let keyText?, let signatureText?):
            guard let raw = Data(base64Encoded: keyText), let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw),
                  let signature = Data(base64Encoded: signatureText) else { throw .badSignature("receipt.signatureMalformed") }
            guard trusted.contains(keyText) else {
                throw .badSignature(Message("receipt.unknownKey", ["key": .text(String(keyText.prefix(12)))]))
            }
            guard let bytes = try? receipt.signedBytes(), key.isValidSignature(signature, for: bytes) else {
                throw .badSignature("receipt.signatureMismatch")
            }
            return Checked(receipt: receipt, signedBy: keyText)
        default:
            throw .badSignature("receipt.keyOrSignature")
        }
    }
}
