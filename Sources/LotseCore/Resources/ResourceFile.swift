import Foundation

/// The shape of a catalog file: `{"version": 1, "entries": [...]}`.
struct ResourceFile<Entry: Codable & Sendable>: Codable, Sendable {
    let version: Int
    let entries: [Entry]

    static func load(_ url: URL) throws(DataError) -> ResourceFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DataError("resources.missing", ["path": .text(url.path)])
        }
        do { return try JSONDecoder().decode(ResourceFile.self, from: data) } catch {
            throw DataError("resources.invalid", ["path": .text(url.path), "problem": .message(BundleReader.describe(error))])
        }
    }
}
