import ArgumentParser
import Foundation
import LotseCore

extension Lotse {
    /// `lotse doctor`.
    struct DoctorCommand: LotseCommand {
        /// A finding in `--json`: the check and the message's code for programs, the texts for people.
        struct Rendered: Encodable {
            let level: Finding.Level
            let check: Finding.Check
            let code: String
            let message: String
            let advice: String?
        }

        static let configuration = CommandConfiguration(commandName: "doctor", abstract: "Check file modes, database integrity, audit chain, attachments, configuration and disk space.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let findings = try Doctor(store: session.store, deployment: session.context.configuration.deployment).run()
            if output.json {
                print(try JSONOutput.string(findings.map {
                    Rendered(level: $0.level, check: $0.check, code: $0.message.key, message: voice.text($0.message), advice: $0.advice.map(voice.text))
                }))
            } else {
                for finding in findings {
                    let line: [String: TextValue] = ["level": .label("doctor.level.\(finding.level.rawValue)"), "check": finding.check.label, "message": .message(finding.message)]
                    voice.say(finding.advice.map { Message("doctor.lineAdvice", line.merging(["advice": .message($0)]) { $1 }) } ?? Message("doctor.line", line))
                }
            }
            let problems = findings.filter { $0.level == .problem }.count
            if problems > 0 { throw DataError("doctor.problems", ["count": .number(problems)]) }
        }
    }
}
