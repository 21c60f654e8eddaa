import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.Modules {
    /// `lotse modules show ID`: a module's questions in order with their skip
    /// conditions, its goal templates, outcome kinds, metrics and settings.
    struct Show: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one module: questions in order with their conditions, goals, metrics.")

        @OptionGroup var config: ConfigOptions
        @Argument(help: ArgumentHelp("Module id, e.g. language.", valueName: "module")) var id: String
        @Flag(help: "Also show the ids of questions, answers, goals, outcomes, metrics and settings (as plugins.json and answer files name them).") var ids = false

        func run(in source: SessionSource) throws {
            let context = try source.context(config)
            let id = try context.choice(id, "<module>", in: try context.vocabulary().moduleChoices)
            guard let module = builtinModules.module(id) else { return }
            let settings = context.configuration.module(id)?.settings ?? ModuleSettings(defaultsOf: module.settings)
            print(ModuleDescription(module: module, settings: settings, context: context, ids: ids).render())
        }
    }
}
