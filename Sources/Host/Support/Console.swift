import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// The one way text reaches the terminal or a pipe. Whatever is printed may hold
/// stored or received text (names, notes, a bundle's fields), so every line passes
/// `UntrustedText.visible` first: a stored `ESC ]2;…` shows as `␛]2;…`, never sets the
/// window title. lotse's own styling is marked with private-use characters that are
/// turned into escape codes only after that, and only on a terminal without NO_COLOR.
enum Console {
    /// The catalog of the deployment's locale read at start-up (`Voice.startup`), and
    /// where the resources were then.
    private static let early: (catalog: Catalog, resources: URL?) = {
        let locale = configuredLocale(CommandLine.arguments)
        guard let resources = try? Locations().resources(), let catalog = try? Catalog.load(from: resources, locale: locale, problem: warn) else {
            return (Catalog(locale: locale, texts: [:]), nil)
        }
        return (catalog, resources)
    }()
    static var startupCatalog: Catalog { early.catalog }

    /// A locale's catalog: the one made at start-up when it is the same, else a new one
    /// (so a command reads its locale files once).
    static func catalog(locale: String, resources: URL) throws -> Catalog {
        if early.resources == resources, early.catalog.locale == locale { return early.catalog }
        return try Catalog.load(from: resources, locale: locale, problem: warn)
    }

    /// A locale text set aside when its namespace was read: a warning, once a process.
    @Sendable private static func warn(_ problem: Message) {
        standardError("lotse: \(early.catalog.render(Message("warning.locale", ["problem": .message(problem)])))\n")
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

    /// The voice for what a shell command says outside its session (help, argument
    /// errors, the error it ended with): the mapped user's own language where they chose
    /// one (`user edit --locale`), else the deployment's.
    static func userVoice(_ arguments: [String]) -> Voice {
        let startup = early.catalog
        guard let resources = early.resources,
              let locale = Accounts.locale(osUser: CaseStore.operatingSystemUser, database: Locations().database(explicit: value(of: "--db", in: arguments))),
              locale != startup.locale, let own = try? Self.catalog(locale: locale, resources: resources) else { return Voice(catalog: startup) }
        return Voice(catalog: own)
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

    /// Whether ArgumentParser raised it (help, version, a mistake in the arguments), by
    /// the exit code its public API gives it: success for help and version, a validation
    /// failure for a mistake. lotse's own errors and `ExitCode`s are caught before.
    static func isArgumentError(_ error: any Error) -> Bool {
        !(error is any LotseError) && !(error is ExitCode) && [.success, .validationFailure].contains(Lotse.exitCode(for: error))
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

/// A `Message` is not text yet: say it with the session's voice, which renders it first.
@available(*, unavailable, message: "render it: voice.say(message) or voice.text(message)")
func print(_ message: Message) {}
