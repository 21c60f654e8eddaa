import Foundation
import LotseCore

/// Passphrases never come from the command line (they would end up in shell history
/// and process lists): from a file, or typed twice at the terminal without echo.
enum Passphrase {
    static func read(file: String?, confirm: Bool) throws -> String {
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8),
                  let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty else {
                throw UsageError("\(file) holds no passphrase on its first line")
            }
            return String(line)
        }
        guard isatty(STDIN_FILENO) == 1 else { throw UsageError("no terminal to ask for the passphrase; give --passphrase-file FILE") }
        let first = hidden("Passphrase: ")
        guard first.count >= 8 else { throw UsageError("the passphrase must have at least 8 characters") }
        if confirm, hidden("Repeat passphrase: ") != first { throw UsageError("the passphrases differ; nothing was written") }
        return first
    }

    /// Reads a line with the terminal's echo off.
    static func hidden(_ prompt: String) -> String {
        print(prompt, terminator: "")
        fflush(nil)
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            print("")
        }
        return readLine(strippingNewline: true) ?? ""
    }
}
