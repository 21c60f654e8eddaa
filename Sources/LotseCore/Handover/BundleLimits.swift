import Foundation
import PluginKit

/// What a bundle may hold before it is refused.
public struct BundleLimits: Sendable {
    public var maxEntries = 10_000
    public var maxEntryBytes: UInt64 = 512 << 20
    public var maxTotalBytes: UInt64 = 4 << 30
    /// Uncompressed size over compressed size; more suggests a zip bomb.
    public var maxRatio: UInt64 = 100
    /// `data/case.json` is read into memory, so it has a small limit of its own.
    public var maxCaseJSONBytes: UInt64 = 16 << 20
    /// The tag files (bagit.txt, manifests, bag-info.txt, the signature).
    public var maxTagFileBytes: UInt64 = 1 << 20

    public init(maxEntryMB: Int = 512, maxTotalMB: Int = 4096, maxCaseJSONMB: Int = 16) {
        maxEntryBytes = UInt64(maxEntryMB) << 20
        maxTotalBytes = UInt64(maxTotalMB) << 20
        maxCaseJSONBytes = UInt64(maxCaseJSONMB) << 20
    }
}
