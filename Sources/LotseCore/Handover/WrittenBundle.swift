/// A bundle just written: what the writer put in it, so the file on disk can be
/// checked without deriving a key for every entry again (see `BundleReader.check`).
public struct WrittenBundle: Sendable {
    public let path: String
    /// SHA-256 of the zip file.
    public let sha256: String
    /// Entry name → uncompressed size.
    let entries: [String: UInt64]
    let encrypted: Bool
}
