import ArgumentParser
import Foundation
import LotseCore

extension Lotse.UserCommand {
    struct Edit: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a user's own language.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user.") var name: String
        @Option(help: "de or en; 'deployment' for the deployment's language.") var locale: String

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let voice = session.voice
            let choices = Choices(AppContext.locales.choices.map { ($0.id, $0.label) } + [("deployment", .label("locale.deployment"))])
            let locale = try session.context.choice(locale, "--locale", in: choices)
            try session.store.setLocale(name, locale == "deployment" ? nil : locale)
            voice.say("user.localeSet", ["user": .text(name)])
        }
    }
}
