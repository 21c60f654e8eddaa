import Foundation
import LotseCore

/// Passphrases never come from the command line (they would end up in shell history
/// and process lists): from a file, or typed twice at the terminal without echo.
enum Passphrase {
    static func read(file: String?, confirm: Bool, voice: Voice) throws -> String {
        try read(file: file, confirm: confirm, noun: "passphrase", minimum: 8, voice: voice)
    }

    /// A user's password: from `--password-file`, or typed twice without echo.
    static func password(file: String?, voice: Voice) throws -> String {
        try read(file: file, confirm: true, noun: "password", minimum: PasswordHash.minimumLength, voice: voice)
    }

    private static func read(file: String?, confirm: Bool, noun: String, minimum: Int, voice: Voice) throws -> String {
        if let file {
            guard let text = String(data: try UserRights.read(file, limit: 64 << 10), encoding: .utf8),
                  let line = text.split(whereSeparator: \.isNewline).first, !line.isEmpty else {
                throw UsageError("secret.\(noun).empty", ["file": .text(file)])
            }
            return String(line)
        }
        guard isatty(STDIN_FILENO) == 1 else { throw UsageError("secret.\(noun).noTerminal") }
        let first = try hidden(voice.text("secret.\(noun).prompt"))
        guard first.count >= minimum else { throw UsageError("secret.\(noun).short", ["count": .number(minimum)]) }
        if confirm, try hidden(voice.text("secret.\(noun).repeat")) != first { throw UsageError("secret.\(noun).differ") }
        return first
    }

    /// Reads a line with the terminal's echo off (under the kiosk's idle deadline).
    static func hidden(_ prompt: String) throws -> String {
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
        return try IdleInput.line() ?? ""
    }
}
