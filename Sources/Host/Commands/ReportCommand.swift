import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse report --as-of DATE`.
    struct ReportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Figures as they stood on a date: persons in care, cases, agreements, conversations, services and every module's metrics.",
            discussion: "Formats: text (like the committee report), csv (in German with ';' between fields, in English with ','), json, html (one file with SVG charts, printable on A4)."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json, html }

        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Report date.", valueName: "date")) var asOf: LocalDate
        @Option(help: ArgumentHelp("Start of the period for conversations, referrals and contacts (default: all time).", valueName: "date")) var from: LocalDate?
        @Option(help: "Only this municipality (id or name).") var municipality: String?
        @Option(help: "text, csv, json or html.") var format: Format = .text
        @Option(help: "CSV field separator (default: ';' in German, ',' in English).") var delimiter: String?
        @Option(name: .customLong("suppress-below"), help: "Show counts under N as <N, for publication.") var suppressBelow: Int?
        @Flag(name: .customLong("include-origin"), help: "Count facts that came with handovers from other municipalities.") var includeOrigin = false
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            if let delimiter, delimiter.count != 1 { throw UsageError("report.delimiter") }
            if let suppressBelow, suppressBelow < 1 { throw UsageError("report.suppressBelow") }
        }

        func run() throws {
            let session = try store.session()
            let builder = ReportBuilder(store: session.store, modules: session.context.configuration.modules.map(\.module),
                                        deployment: session.context.configuration.deployment)
            let report = try builder.build(ReportQuery(asOf: asOf, from: from, municipality: municipality, includeOrigin: includeOrigin))
            let presenter = ReportPresenter(report: report, catalog: session.context.catalog, suppressBelow: suppressBelow)
            let text: String = switch format {
            case .text: try session.context.templates().render("report-text", ReportDocument(presenter: presenter).model(), as: .text)
            case .csv: ReportCSV(presenter: presenter, delimiter: delimiter ?? session.context.text("format.csvDelimiter")).render()
            case .html: try session.context.templates().render("report-html", ReportDocument(presenter: presenter).model(), as: .html)
            case .json: try JSONOutput.string(ReportJSON(report: report, suppressBelow: suppressBelow))
            }
            if let output {
                try OutputFile.write(text, to: output)
            } else if format == .csv {
                Console.machine(text)
            } else {
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}
