import Foundation
import LotseCore

/// What a kiosk user may not do that a command-line user may: choose the database or
/// configuration, or name files outside the export folder. Applied to the words of a
/// command line before it runs; the roles are checked in LotseCore as everywhere.
struct KioskLimits: Sendable {
    /// The folder exports go to and files are read from (the kiosk's working directory).
    let exportFolder: URL
    let idle: Duration

    static let forbiddenOptions: Set<String> = ["--db", "--config", "--trusted-keys"]
    static let forbiddenCommands: Set<String> = ["kiosk", "init", "restore"]

    /// Why the words may not run in the kiosk, or nil.
    func refusal(_ words: [String]) -> Message? {
        if let command = words.first, Self.forbiddenCommands.contains(command) { return Message("error.kiosk.command", ["command": .text(command)]) }
        for word in words {
            let option = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            if Self.forbiddenOptions.contains(option) { return Message("error.kiosk.option", ["option": .text(option)]) }
            let value = word.hasPrefix("-") ? String(word.drop { $0 != "=" }.dropFirst()) : word
            if looksLikePath(value), !isInside(value) {
                return Message("error.kiosk.path", ["folder": .text(exportFolder.path)])
            }
        }
        return nil
    }

    private func looksLikePath(_ word: String) -> Bool {
        word.contains("/") || word.hasPrefix("~") || word == ".." || word.hasPrefix(".")
    }

    /// Whether a path (relative ones from the export folder) stays inside it, with
    /// `..` and symbolic links resolved as far as the path exists.
    func isInside(_ path: String) -> Bool {
        if path.hasPrefix("~") || path.split(separator: "/").contains("..") { return false }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : exportFolder.appendingPathComponent(path)
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let resolved = rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }.path
        let root = exportFolder.resolvingSymlinksInPath().path
        return resolved == root || resolved.hasPrefix(root + "/")
    }
}
