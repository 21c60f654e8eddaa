import ArgumentParser
import LotseCore
import PluginKit

extension Lotse.CaseCommand {
    struct List: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases, newest first, a page at a time.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "Municipality id or name.") var municipality: String?
        @Option(help: "waiting, active, closed, archived or handed_over.") var status: String?
        @Option(help: "Staff member id or name.") var staff: String?
        @Option(help: "Page number, from 1.") var page = 1
        @Option(name: .customLong("page-size"), help: "Cases per page.") var pageSize = 50

        struct Page: Encodable {
            let page: Int
            let pageSize: Int
            let total: Int
            let cases: [CaseSummary]
        }

        func run(in source: SessionSource) throws {
            guard page >= 1, (1...1000).contains(pageSize) else { throw UsageError("case.listPage") }
            let session = try source.session(store)
            let voice = session.voice
            let filter = CaseFilter(municipality: municipality, status: try session.context.choice(status, "--status"), staff: staff, page: page, pageSize: pageSize)
            let (cases, total) = try session.store.listCases(filter)
            if output.json { return print(try JSONOutput.string(Page(page: page, pageSize: pageSize, total: total, cases: cases))) }
            let pages = max(1, (total + pageSize - 1) / pageSize)
            guard page <= pages else { throw UsageError("list.noSuchPage", ["page": .number(page), "pages": .number(pages)]) }
            print(TextTable(header: voice.columns("table.cases"),
                            rows: cases.map { [String($0.id), voice.label($0.kind), voice.label($0.status), $0.name ?? "–", String($0.persons),
                                               $0.municipality, $0.staff ?? "–", voice.date($0.openedOn), voice.date($0.nextReviewOn)] }).render())
            voice.say("case.listFooter", ["page": .number(page), "pages": .number(pages), "count": .number(total)])
        }
    }
}
