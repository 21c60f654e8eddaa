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
    let catalog: Catalog
    var client: ClientCatalog? = nil
    var isolateNames = false

    private func core(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    func printDocument() throws -> PrintDocument {
        guard let controller = organisation.controller else { throw UsageError("notice.noController") }
        let language = client.map { PrintDocument.Language(tag: $0.language, rightToLeft: $0.rightToLeft, fontPackage: $0.fontPackage, font: $0.font) }
        /// The official block, beside the client's words for the same key where there are any.
        func both(_ make: (String) -> PrintDocument.Block, _ key: String, _ arguments: [String: String] = [:], official: [String: TextValue] = [:]) -> PrintDocument.Block {
            let block = make(core(key, official))
            guard let client, let language else { return block }
            return .pair(block, make(client.text(key, arguments)), language)
        }
        let name = isolateNames ? ClientCatalog.isolated(person) : person
        var blocks: [PrintDocument.Block] = [
            both(PrintDocument.Block.heading, "notice.title"),
            both(PrintDocument.Block.paragraph, "notice.subtitle", ["person": name], official: ["person": .text(person)]),
        ]
        if let client { blocks.append(.pair(.note(core("notice.translationNote", ["language": .label("lang.\(client.language)")])), .note(client.text("agreement.germanCounts")), language!)) }
        blocks += [both(PrintDocument.Block.subheading, "notice.controllerHeading"), .paragraph(controller)]
        if let officer = organisation.dataProtectionOfficer { blocks += [both(PrintDocument.Block.subheading, "notice.dpoHeading"), .paragraph(officer)] }
        for part in ["purpose", "legalBasis", "recipients"] {
            blocks += [both(PrintDocument.Block.subheading, "notice.\(part)Heading"), both(PrintDocument.Block.paragraph, "notice.\(part)")]
        }
        blocks += [both(PrintDocument.Block.subheading, "notice.retentionHeading"),
                   both(PrintDocument.Block.paragraph, "notice.retention", ["years": String(retentionYears)], official: ["years": .number(retentionYears)]),
                   both(PrintDocument.Block.subheading, "notice.rightsHeading"), both(PrintDocument.Block.paragraph, "notice.rights"),
                   both(PrintDocument.Block.paragraph, "notice.complaint")]
        if let client, !client.reviewed, let language {
            blocks.append(.pair(.note(core("agreement.translationUnreviewed", ["language": .label("lang.\(client.language)")])), .note(client.text("agreement.unreviewed")), language))
        }
        return PrintDocument(title: core("notice.title"), language: catalog.locale, blocks: blocks, pageFooter: core("print.page"))
    }
}
