import ArgumentParser
import Foundation
import LotseCore
import PluginKit

/// The date of a recorded fact: `--on`, default today.
struct DateOption: ParsableArguments {
    @Option(help: ArgumentHelp("Date (default today).", valueName: "date")) var on: LocalDate?
    var date: LocalDate { on ?? LocalDate.today }
}

extension Lotse {
    /// `lotse conversation add`.
    struct ConversationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "conversation", abstract: "Record counselling conversations.",
                                                        subcommands: [Add.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a conversation with one person or the family.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "Case id.") var caseId: Int64
            @Option(help: "individual or family.") var kind: ConversationKind
            @Option(help: "Topics: module ids, comma-separated (e.g. language,work).") var topics: String
            @Option(help: "A short note.") var note: String?
            @OptionGroup var date: DateOption

            func run() throws {
                let topics = topics.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let conversation = try store.session().store.addConversation(caseId, on: date.date, kind: kind, topics: topics, note: note)
                print("conversation \(conversation.id!) recorded on \(conversation.date.german)")
            }
        }
    }

    /// `lotse referral add`.
    struct ReferralCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "referral", abstract: "Record referrals to regular services.",
                                                        subcommands: [Add.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record a referral to, or joint work with, a regular service.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "Case id.") var caseId: Int64
            @Option(help: "Service id from services.json, e.g. jobcenter.") var service: String
            @Option(help: "The problem situation.") var problem: String
            @Option(help: "Person id, if the referral is for one person.") var person: Int64?
            @Option(help: "What came of it.") var outcome: String?
            @OptionGroup var date: DateOption

            func run() throws {
                let referral = try store.session().store.addReferral(caseId, personId: person, on: date.date, service: service, problem: problem, outcome: outcome)
                print("referral \(referral.id!) recorded")
            }
        }
    }

    /// `lotse outcome add`.
    struct OutcomeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "outcome", abstract: "Record outcomes (what reports count).",
                                                        subcommands: [Add.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Record an outcome for a person of a case, of a kind a module owns.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "Case id.") var caseId: Int64
            @Option(help: "Person id.") var person: Int64
            @Option(help: "Module id, e.g. work.") var module: String
            @Option(help: "Outcome kind, e.g. employment.") var kind: String
            @Option(help: "Value, e.g. B1 for language level_reached.") var value: String?
            @OptionGroup var date: DateOption

            func run() throws {
                let outcome = try store.session().store.addOutcome(caseId, personId: person, module: module, kind: kind, value: value, on: date.date)
                print("outcome \(outcome.id!) recorded: \(outcome.module).\(outcome.kind)")
            }
        }
    }

    /// `lotse move`.
    struct MoveCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Record that a case's household moved out.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "Where to.") var to: String
        @Flag(help: "The move stays within the municipality (no batch closure).") var within = false
        @OptionGroup var date: DateOption

        func run() throws {
            let move = try store.session().store.recordMove(caseId, on: date.date, to: to, leavesMunicipality: !within)
            print("move \(move.id!) recorded on \(move.movedOn.german)")
        }
    }

    /// `lotse attach`.
    struct AttachCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attach", abstract: "Keep a file with a case (copied, mode 0600, sha256).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "The file.") var file: String
        @OptionGroup var date: DateOption

        func run() throws {
            let attachment = try store.session().store.attach(caseId, file: URL(fileURLWithPath: file), on: date.date)
            print("attachment \(attachment.id!) stored (\(attachment.size) bytes, sha256 \(attachment.sha256))")
        }
    }

    /// `lotse note`.
    struct NoteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a free-text note to a case (text from the arguments or stdin).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Argument(help: "The note; read from stdin when left out.") var text: [String] = []
        @OptionGroup var date: DateOption

        func run() throws {
            let body = text.isEmpty ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : text.joined(separator: " ")
            let note = try store.session().store.addNote(caseId, text: body.trimmingCharacters(in: .whitespacesAndNewlines), on: date.date)
            print("note \(note.id!) added")
        }
    }
}
