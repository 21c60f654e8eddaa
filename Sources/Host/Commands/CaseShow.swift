import ArgumentParser
import LotseCore

extension Lotse.CaseCommand {
    struct Show: LotseCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show everything recorded about a case (the read is audited).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Case id.") var id: Int64

        func run(in source: SessionSource) throws {
            let session = try source.session(store)
            let detail = try session.store.caseDetail(id)
            print(output.json ? try JSONOutput.string(detail) : CaseDetailText(detail: detail, vocabulary: session.store.vocabulary, voice: session.voice).render())
        }
    }
}
