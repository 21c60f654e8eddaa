import Foundation
import LotseCore
import PluginKit

/// The whole case file as a document to print: what `case show` says, as the file an
/// office without lotse receives (the primary document of an xdomea handover), in the
/// deployment's language. Data of modules left out of the handover are left out here.
struct CaseFileDocument {
    let text: CaseDetailText
    let exported: LocalDate

    init(detail: CaseDetail, vocabulary: Vocabulary, excluding excluded: Set<String>, exported: LocalDate) {
        var detail = detail
        detail.agreements = detail.agreements.map { agreement in
            var agreement = agreement
            agreement.goals.removeAll { excluded.contains($0.goal.module) }
            return agreement
        }
        detail.outcomes.removeAll { excluded.contains($0.module) }
        text = CaseDetailText(detail: detail, vocabulary: vocabulary, withoutIds: true)
        self.exported = exported
    }

    func printDocument() -> PrintDocument {
        typealias Block = PrintDocument.Block
        var blocks: [Block] = [.heading(text.title), .note(Console.text("caseFile.exported", ["date": .date(exported)]))]
        blocks += text.header.map(Block.paragraph)
        for section in text.sections {
            blocks.append(.subheading(section.title))
            blocks += section.entries.map { Block.paragraph($0.replacingOccurrences(of: "\n    ", with: "\n")) }
        }
        return PrintDocument(title: text.title, language: Console.catalog.locale, blocks: blocks, pageFooter: Console.text("print.page"))
    }
}
