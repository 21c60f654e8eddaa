import LotseCore
import PluginKit

/// What a client signs before their file goes to another municipality (the consent),
/// and what they are given once it went (the notice): who hands it to whom, what it
/// holds and what was left out, their rights; beside their language.
struct HandoverLetter {
    enum Kind { case consent, notice(on: LocalDate) }

    let kind: Kind
    let caseId: Int64
    let participants: DocumentParticipants
    let receiver: String
    /// The modules whose answers go with it, and those left out (`--exclude`).
    let modules: [String]
    let excluded: [String]
    let words: Bilingual

    func printDocument() -> PrintDocument {
        typealias Block = PrintDocument.Block
        func key(_ part: String) -> String { if case .consent = kind { "consentForm.\(part)" } else { "handoverNotice.\(part)" } }
        let sender = participants.municipality
        let names = { (ids: [String]) in ids.map { words.catalog.format(Vocabulary.moduleLabel($0)) }.joined(separator: ", ") }
        let translated = { (ids: [String], client: ClientCatalog) in
            ids.map { client.has("module.\($0)") ? client.text("module.\($0)") : words.catalog.format(Vocabulary.moduleLabel($0)) }.joined(separator: ", ")
        }
        var blocks: [Block] = [words.both(Block.heading, key("title"))]
        blocks += words.translationNote
        switch kind {
        case .consent:
            blocks.append(words.both(Block.paragraph, "consentForm.intro", ["sender": words.name(sender), "receiver": words.name(receiver), "case": String(caseId)],
                                     official: ["sender": .text(sender), "receiver": .text(receiver), "case": .number(caseId)]))
        case .notice(let date):
            blocks.append(words.both(Block.paragraph, "handoverNotice.sent",
                                     ["sender": words.name(sender), "receiver": words.name(receiver), "case": String(caseId), "date": words.catalog.date(date)],
                                     official: ["sender": .text(sender), "receiver": .text(receiver), "case": .number(caseId), "date": .date(date)]))
        }
        blocks.append(words.both(Block.subheading, key("whatHeading")))
        blocks.append(words.both(.paragraph(words.core(key("what"), ["modules": .text(names(modules))]))) {
            .paragraph($0.text(key("what"), ["modules": translated(modules, $0)]))
        })
        if !excluded.isEmpty {
            blocks.append(words.both(.paragraph(words.core(key("excluded"), ["modules": .text(names(excluded))]))) {
                .paragraph($0.text(key("excluded"), ["modules": translated(excluded, $0)]))
            })
        }
        switch kind {
        case .consent:
            blocks.append(words.both(Block.paragraph, "consentForm.voluntary"))
            blocks.append(words.both(.signatures([words.core("agreement.place")])) { .signatures([$0.text("agreement.place")]) })
            blocks.append(words.both(.signatures(participants.signers.map { words.core("agreement.signPerson", ["person": .text($0)]) })) { client in
                .signatures(participants.signers.map { client.text("agreement.signPerson", ["person": words.name($0)]) })
            })
        case .notice:
            blocks.append(words.both(Block.paragraph, "handoverNotice.questions", ["sender": words.name(sender), "receiver": words.name(receiver)],
                                     official: ["sender": .text(sender), "receiver": .text(receiver)]))
            blocks.append(words.both(Block.paragraph, "notice.complaint"))
        }
        blocks += words.unreviewedNote
        return PrintDocument(title: words.core(key("title")), language: words.catalog.locale, blocks: blocks, pageFooter: words.core("print.page"))
    }
}
