import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.ConversationCommand {
    struct Add: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a conversation with one person or the family.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Case id.") var caseId: Int64
        @Option(help: "individual or family.") var kind: String
        @Option(help: "Topics, comma-separated: module ids or health, family, residence_law, everyday_life (e.g. language,health).") var topics: String
        @Option(help: "A short note.") var note: String?
        @OptionGroup var date: DateOption

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let kind = try session.context.choice(kind, "--kind", as: ConversationKind.self)
            let topics = try session.store.vocabulary.topicChoices.resolveList(topics, option: "--topics", catalog: session.context.catalog)
            let conversation = try session.store.addConversation(caseId, on: date.date, kind: kind, topics: topics, note: note)
            voice.say("conversation.recorded", ["conversation": .number(conversation.id!), "date": .date(conversation.date)])
        }
    }
}
