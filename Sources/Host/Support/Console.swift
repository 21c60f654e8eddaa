import Foundation
import LotseCore

/// The one way text reaches the terminal or a pipe. Whatever is printed may hold
/// stored or received text (names, notes, a bundle's fields), so every line passes
/// `UntrustedText.visible` first: a stored `ESC ]2;…` shows as `␛]2;…`, never sets the
/// window title. lotse's own styling is marked with private-use characters that are
/// turned into escape codes only after that, and only on a terminal without NO_COLOR.
enum Console {
    static func error(_ message: String) {
        standardError("lotse: \(message)\n")
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
