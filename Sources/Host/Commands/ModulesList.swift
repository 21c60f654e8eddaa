import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse.Modules {
    /// `lotse modules [--json]`: one row per module, enabled ones in configured order.
    struct List: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Table of modules: name, version, questions, goal templates, metrics."
        )

        @OptionGroup var config: ConfigOptions
        @Flag(help: "Print JSON instead of a table.") var json = false
        @Flag(help: "Also show each module's id (as plugins.json names it).") var ids = false

        struct Row: Encodable {
            let id: String
            let version: String
            let enabled: Bool
            let questions: Int
            let goalTemplates: Int
            let outcomeKinds: [String]
            let metrics: [String]
        }

        func run(in source: SessionSource) throws {
            let context = try source.context(config)
            let enabled = context.configuration.modules.map(\.module)
            let disabled = builtinModules.modules.filter { module in !enabled.contains { $0.id == module.id } }
            let rows = (enabled + disabled).map { module in
                Row(id: module.id, version: module.version, enabled: enabled.contains { $0.id == module.id },
                    questions: module.questions.count, goalTemplates: module.goalTemplates.count,
                    outcomeKinds: module.outcomeKinds.map(\.id), metrics: module.metrics.map(\.id))
            }
            if json {
                print(try JSONOutput.string(rows))
                return
            }
            let table = TextTable(
                header: ["id", "version", "questions", "goals", "metrics", "enabled"].map { context.text("modules.header.\($0)") },
                rows: rows.map { row in
                    let title = context.catalog.text(row.id, "module.title")
                    return [ids ? "\(title) (\(row.id))" : title, row.version, String(row.questions), String(row.goalTemplates), String(row.metrics.count), row.enabled ? "✓" : "–"]
                }
            )
            print(table.render())
        }
    }
}
