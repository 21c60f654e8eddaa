import Foundation

/// Output to the terminal or a pipe. Colour only on a terminal and never with NO_COLOR.
enum Console {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("lotse: \(message)\n".utf8))
    }

    static let colorEnabled: Bool = {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }()

    static func bold(_ text: String) -> String { colorEnabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    static func dim(_ text: String) -> String { colorEnabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
