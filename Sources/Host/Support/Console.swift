import Foundation
import LotseCore
import PluginKit
import Synchronization

/// The one way text reaches the terminal or a pipe. Whatever is printed may hold
/// stored or received text (names, notes, a bundle's fields), so every line passes
/// `UntrustedText.visible` first: a stored `ESC ]2;…` shows as `␛]2;…`, never sets the
/// window title. lotse's own styling is marked with private-use characters that are
/// turned into escape codes only after that, and only on a terminal without NO_COLOR.
enum Console {
    /// The catalog the session speaks with: the deployment's locale, or the user's own
    /// once they are known (`use`). Before the configuration is read (an error in it),
    /// German, the county's language.
    private static let active = Mutex<Catalog?>(nil)
    private static let early: (catalog: Catalog, resources: URL?) = {
        let locale = configuredLocale(CommandLine.arguments)
        guard let resources = try? Locations().resources(), let catalog = try? Catalog.load(from: resources, locale: locale, problem: warn) else {
            return (Catalog(locale: locale, texts: [:]), nil)
        }
        return (catalog, resources)
    }()
    private static var beforeConfiguration: Catalog { early.catalog }

    /// A locale's catalog: the one made at start-up when it is the same, else a new one
    /// (so a command reads its locale files once).
    static func catalog(locale: String, resources: URL) throws -> Catalog {
        if early.resources == resources, early.catalog.locale == locale { return early.catalog }
        return try Catalog.load(from: resources, locale: locale, problem: warn)
    }

    /// A locale text set aside when its namespace was read: a warning, once a process.
    @Sendable private static func warn(_ problem: Message) {
        error(Message("warning.locale", ["problem": .message(problem)]))
    }

    /// The deployment locale as plugins.json names it, read without validating the rest
    /// (for messages before the configuration is loaded, or when it cannot be); "de"
    /// when there is none.
    static func configuredLocale(_ arguments: [String]) -> String {
        guard let url = try? Locations().configuration(explicit: value(of: "--config", in: arguments)), let data = FileManager.default.contents(atPath: url.path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let locale = (root["deployment"] as? [String: Any])?["locale"] as? String, ["de", "en"].contains(locale) else { return "de" }
        return locale
    }

    /// An option's value on a command line that was not parsed (`--db F` or `--db=F`); the last one wins.
    private static func value(of option: String, in arguments: [String]) -> String? {
        var found: String?
        for (index, word) in arguments.enumerated() {
            if word == option, index + 1 < arguments.count { found = arguments[index + 1] }
            if word.hasPrefix(option + "=") { found = String(word.dropFirst(option.count + 1)) }
        }
        return found
    }

    static func use(_ catalog: Catalog) { active.withLock { $0 = catalog } }

    /// The catalog for help and argument errors, which come before any session: the
    /// mapped user's own language where they chose one (`user edit --locale`), else the
    /// deployment's.
    static func userCatalog(_ arguments: [String]) -> Catalog {
        guard let resources = early.resources,
              let locale = Accounts.locale(osUser: CaseStore.operatingSystemUser, database: Locations().database(explicit: value(of: "--db", in: arguments))),
              locale != catalog.locale, let own = try? Self.catalog(locale: locale, resources: resources) else { return catalog }
        return own
    }
    static var catalog: Catalog { active.withLock { $0 } ?? beforeConfiguration }

    /// A message in the session's language.
    static func text(_ message: Message) -> String { catalog.render(message) }
    static func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    /// A date as the session's locale writes it; "–" for none.
    static func date(_ value: LocalDate?) -> String { value.map { catalog.date($0) } ?? "–" }
    /// An enum value's label.
    static func label(_ value: some Labelled) -> String { catalog.format(value.label) }
    /// A table's column headings: one catalog text, the columns separated by "|".
    static func columns(_ key: String) -> [String] { text(key).split(separator: "|", omittingEmptySubsequences: false).map(String.init) }

    /// Prints a message on standard output.
    static func say(_ key: String, _ arguments: [String: TextValue] = [:]) { print(text(key, arguments)) }
    static func say(_ message: Message) { print(text(message)) }

    /// One line on standard error: "lotse: " and the message.
    static func error(_ message: Message) {
        standardError("lotse: \(text(message))\n")
    }

    /// The message of any error: lotse's own, or a generic one naming only its type.
    static func message(for error: any Error) -> Message {
        if let error = error as? any LotseError { return error.message }
        let nsError = error as NSError
        if [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(nsError.domain) {
            return Message("error.fileSystem", ["path": .text(nsError.userInfo[NSFilePathErrorKey] as? String ?? "–"), "reason": .message(.system(error))])
        }
        return Message("error.unexpected", ["detail": .text("\(type(of: error))")])
    }

    /// Whether ArgumentParser raised it (help, version, a mistake in the arguments).
    static func isArgumentError(_ error: any Error) -> Bool {
        String(reflecting: type(of: error)).hasPrefix("ArgumentParser.")
    }

    /// Any error as one line: lotse's own by their message; another (a bug) by a
    /// generic line, its details only in the crash log's neighbourhood (never data).
    static func error(_ error: any Error) {
        self.error(message(for: error))
    }

    /// The standard error lotse was started with (see `CrashGuard`), text rendered.
    static func standardError(_ text: String) {
        FileHandle(fileDescriptor: CrashGuard.userError, closeOnDealloc: false).write(Data(render(text).utf8))
    }

    static let colorEnabled: Bool = {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }()

    private static let boldMark: Character = "\u{E000}", dimMark: Character = "\u{E001}", resetMark: Character = "\u{E002}"

    static func bold(_ text: String) -> String { "\(boldMark)\(text)\(resetMark)" }
    static func dim(_ text: String) -> String { "\(dimMark)\(text)\(resetMark)" }

    /// Text as it may be written: controls made visible, then the style marks turned
    /// into escape codes (or dropped).
    static func render(_ text: String) -> String {
        let visible = UntrustedText.visible(text)
        guard visible.contains(where: { $0 == boldMark || $0 == dimMark || $0 == resetMark }) else { return visible }
        var result = ""
        for character in visible {
            switch character {
            case boldMark: if colorEnabled { result += "\u{1B}[1m" }
            case dimMark: if colorEnabled { result += "\u{1B}[2m" }
            case resetMark: if colorEnabled { result += "\u{1B}[0m" }
            default: result.append(character)
            }
        }
        return result
    }

    /// A machine format whose fields are cleaned already (CSV with its CRLF rows):
    /// written as it is.
    static func machine(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Escape codes lotse itself sends (clearing the kiosk's screen); never data.
    static func control(_ sequence: String) {
        Swift.print(sequence, terminator: "")
        fflush(nil)
    }
}

/// `print` for the whole Host module: every word goes through `Console.render`.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Swift.print(Console.render(items.map { "\($0)" }.joined(separator: separator)), terminator: Console.render(terminator))
}

/// A `Message` is not text yet: say it with `Console.say`, which renders it first.
@available(*, unavailable, message: "render it: Console.say(message) or Console.text(message)")
func print(_ message: Message) {}
