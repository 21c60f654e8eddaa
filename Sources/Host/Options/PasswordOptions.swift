import ArgumentParser

/// Where a new password comes from: never the command line (shell history, process
/// lists), but a file or the terminal without echo.
struct PasswordOptions: ParsableArguments {
    @Option(name: .customLong("password-file"), help: ArgumentHelp("Read the password from the first line of this file (else asked twice).", valueName: "file"))
    var file: String?

    func read(_ voice: Voice) throws -> String { try Passphrase.password(file: file, voice: voice) }
}
