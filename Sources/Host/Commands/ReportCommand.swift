import ArgumentParser
import Foundation
import LotseCore
import PluginKit

extension Lotse {
    /// `lotse report [--as-of DATE]` (default today), and a funder's sheet with `--profile`.
    struct ReportCommand: LotseCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Figures as they stood on a date: persons in care, cases, agreements, conversations, services and every module's metrics.",
            discussion: """
                Formats: text (like the committee report), csv (in German with ';' between fields, in English with ','), json, html (one file with SVG \
                charts, printable on A4). --profile land-bw gives the Land's statistics sheet (text, csv, json, xlsx with -o); with --sachbericht \
                the draft of the Sachbericht (text or html).
                """
        )

        enum Format: String, Labelled {
            case text, csv, json, html, xlsx, pdf
            static var labelPrefix: String { "outputFormat" }
        }

        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as-of"), help: ArgumentHelp("Report date (default today).", valueName: "date")) var asOf: LocalDate?
        @Option(help: ArgumentHelp("Start of the period for conversations, referrals and contacts (default: all time).", valueName: "date")) var from: LocalDate?
        @Option(help: "Only this municipality (id or name).") var municipality: String?
        @Option(help: "text, csv, json, html, xlsx or pdf (xlsx and pdf need -o).") var format: String?
        @Option(help: "CSV field separator (default: ';' in German, ',' in English).") var delimiter: String?
        @Option(name: .customLong("suppress-below"), help: "Show counts under N as <N, for publication.") var suppressBelow: Int?
        @Flag(name: .customLong("include-origin"), help: "Count facts that came with handovers from other municipalities.") var includeOrigin = false
        @Option(help: "A funder's sheet (resources/reports/NAME.json), e.g. land-bw.") var profile: String?
        @Option(help: "With --profile: only the municipalities of this grantee (municipality edit --grantee).") var grantee: String?
        @Flag(help: "With --profile: the draft of the Sachbericht (text or html).") var sachbericht = false
        @Option(name: .shortAndLong, help: "Write to this file instead of standard output.") var output: String?

        /// Checks that need the catalog for their message, so not in `validate()`.
        private func check(_ format: Format) throws {
            if let delimiter, delimiter.count != 1 { throw UsageError("report.delimiter") }
            if let suppressBelow, suppressBelow < 1 { throw UsageError("report.suppressBelow") }
            if profile == nil, grantee != nil || sachbericht || format == .xlsx { throw UsageError("report.profileNeeded") }
            if format == .xlsx, output == nil { throw UsageError("report.xlsxFile") }
            if format == .pdf, output == nil { throw UsageError("print.pdfFile") }
            if profile != nil, !sachbericht, [.html, .pdf].contains(format) { throw UsageError("report.profileFormat") }
            if sachbericht, ![.text, .html, .pdf].contains(format) { throw UsageError("report.sachberichtFormat") }
        }

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let format = try session.context.choice(self.format, "--format", as: Format.self) ?? .text
            try check(format)
            let query = ReportQuery(asOf: asOf ?? session.today, from: from, municipality: municipality, includeOrigin: includeOrigin)
            let publication = Publication(catalog: session.context.catalog, suppressBelow: suppressBelow)
            let csvDelimiter = delimiter ?? session.context.text("format.csvDelimiter")
            let result: Data
            if let profile {
                let loaded = try ReportProfile.load(profile, from: session.context.resources, vocabulary: session.store.vocabulary)
                let report = try ProfileBuilder(store: session.store, profile: loaded, deployment: session.context.configuration.deployment)
                    .build(query, grantee: grantee, background: sachbericht)
                let document = ProfileDocument(report: report, publication: publication, county: session.context.configuration.organisation.county)
                result = switch format {
                case .text where sachbericht, .html where sachbericht:
                    Data(try Sachbericht(report: report, suppressBelow: suppressBelow, context: session.context).render(html: format == .html).utf8)
                case .pdf: try PDFWriter().render(try Sachbericht(report: report, suppressBelow: suppressBelow, context: session.context).printDocument())
                case .csv: Data(document.csv(delimiter: csvDelimiter).utf8)
                case .json: Data(try JSONOutput.string(ProfileJSON(report: report, publication: publication)).utf8)
                case .xlsx: try document.workbook().data()
                case .text, .html: Data(document.text().utf8)
                }
            } else {
                let builder = ReportBuilder(store: session.store, modules: session.context.configuration.modules.map(\.module),
                                            deployment: session.context.configuration.deployment)
                let report = try builder.build(query)
                let presenter = ReportPresenter(report: report, catalog: session.context.catalog, suppressBelow: suppressBelow)
                let document = ReportDocument(presenter: presenter)
                result = switch format {
                case .text: Data(try session.context.templates().render("report-text", document.model(), as: .text).utf8)
                case .csv: Data(ReportCSV(presenter: presenter, delimiter: csvDelimiter).render().utf8)
                case .html: Data(try session.context.templates().render("report-html", document.model(), as: .html).utf8)
                case .pdf: try PDFWriter().render(document.printDocument(county: session.context.configuration.organisation.county))
                case .json, .xlsx: Data(try JSONOutput.string(ReportJSON(report: report, publication: publication)).utf8)
                }
            }
            if let output {
                try OutputFile.write(result, to: output)
            } else if format == .csv {
                Console.machine(String(decoding: result, as: UTF8.self))
            } else {
                let text = String(decoding: result, as: UTF8.self)
                print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
            }
        }
    }
}
