import ArgumentParser

extension Lotse {
    /// `lotse batch …`: runs over the whole database, safe to run unattended (cron).
    struct BatchCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch",
            abstract: "Batch runs over all cases (one at a time per database; a log line per case; non-zero exit when anything failed).",
            subcommands: [Close.self, Archive.self, Offer.self, Appraisal.self, Handoff.self, Confirm.self, Purge.self]
        )
    }
}
