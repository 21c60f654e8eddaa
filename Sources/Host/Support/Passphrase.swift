import Foundation
import LotseCore

/// Passphrases never come from the command line (they would end up in shell history
/// and process lists): from a file, or typed twice at the terminal without echo.
enum Passphrase {
    static func read(file: String?, confirm: Bool) throws -> String {
        try read(file: file, confirm: confirm, noun: "passphrase", minimum: 8)
    }

    /// A user's password: from `--password-file`, or typed twice without echo.
    static func password(file: String?) throws -> String {
        try read(file: file, confirm: true, noun: "password", minimum: PasswordHash.minimumLength)
    }

    private static func read(file: String?, confirm: Bool, noun: String, minimum: Int) throws -> String {
        if let file {
            guard let text = String(data: try UserRights.read(file, limit: 64 << 10), encoding: .utf8),
                  let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty else {
                throw UsageError("\(file) holds no \(noun) on its first line")
            }
            return String(line)
        }
        guard isatty(STDIN_FILENO) == 1 else { throw UsageError("no terminal to ask for the \(noun); give --\(noun)-file FILE") }
        let first = hidden("\(noun.prefix(1).uppercased() + noun.dropFirst()): ")
        guard first.count >= minimum else { throw UsageError("the \(noun) must have at least \(minimum) characters") }
        if confirm, hidden("Repeat \(noun): ") != first { throw UsageError("the \(noun)s differ; nothing was written") }
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
