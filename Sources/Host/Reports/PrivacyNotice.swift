import LotseCore

/// The information a client is given about their data (GDPR Art. 13): who is
/// responsible and who looks after data protection (the organisation settings), the
/// purposes, the legal basis, the recipients, how long the data are kept (the configured
/// years) and the client's rights with the supervisory authority to complain to. The
/// official German beside the client's plain-language translation, like the agreement.
struct PrivacyNotice {
    let person: String
    let organisation: Organisation
    let retentionYears: Int
    let words: Bilingual

    func printDocument() throws -> PrintDocument {
        guard let controller = organisation.controller else { throw UsageError("notice.noController") }
        typealias Block = PrintDocument.Block
        var blocks: [Block] = [words.both(Block.heading, "notice.title"),
                               words.both(Block.paragraph, "notice.subtitle", ["person": words.name(person)], official: ["person": .text(person)])]
        blocks += words.translationNote
        blocks += [words.both(Block.subheading, "notice.controllerHeading"), .paragraph(controller)]
        if let officer = organisation.dataProtectionOfficer { blocks += [words.both(Block.subheading, "notice.dpoHeading"), .paragraph(officer)] }
        for part in ["purpose", "legalBasis", "recipients"] {
            blocks += [words.both(Block.subheading, "notice.\(part)Heading"), words.both(Block.paragraph, "notice.\(part)")]
        }
        blocks += [words.both(Block.subheading, "notice.retentionHeading"),
                   words.both(Block.paragraph, "notice.retention", ["years": String(retentionYears)], official: ["years": .number(retentionYears)]),
                   words.both(Block.subheading, "notice.rightsHeading"), words.both(Block.paragraph, "notice.rights"),
                   words.both(Block.paragraph, "notice.complaint")]
        blocks += words.unreviewedNote
        return PrintDocument(title: words.core("notice.title"), language: words.catalog.locale, blocks: blocks, pageFooter: words.core("print.page"))
    }
}
