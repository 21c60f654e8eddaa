import Foundation
import PluginKit

/// A bundle that passed every check.
public struct VerifiedBundle: Sendable {
    public let bundle: CaseBundle
    public let bagInfo: [String: String]
    /// The public key that signed it, if signed.
    public let signedBy: String?
    public let encrypted: Bool
    /// SHA-256 of the zip file.
    public let sha256: String
    /// Extracted attachments by reference, when extraction was asked for.
    public let files: [String: URL]
    public let payloadBytes: UInt64
}
