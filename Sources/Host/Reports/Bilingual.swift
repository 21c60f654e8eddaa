import LotseCore

/// The words of a client document: each block in the session's language, beside the
/// client's translation of it (`Block.pair`) when a client catalog is given. Shared by
/// the agreement, the privacy notice, the consent and the handover notice.
struct Bilingual {
    let catalog: Catalog
    /// The client's language, or nil for the official text alone.
    let client: ClientCatalog?
    /// Names set into the client's sentences in bidi isolates (the PDF; HTML and text
    /// show isolates as visible controls, so they go without).
    let isolateNames: Bool

    var language: PrintDocument.Language? {
        client.map { PrintDocument.Language(tag: $0.language, rightToLeft: $0.rightToLeft, fontPackage: $0.fontPackage, font: $0.font) }
    }

    func core(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    /// A stored name as it goes into a client's sentence.
    func name(_ name: String) -> String { isolateNames ? ClientCatalog.isolated(name) : name }

    /// The block alone, or beside the client's words for it.
    func both(_ block: PrintDocument.Block, _ translated: (ClientCatalog) -> PrintDocument.Block) -> PrintDocument.Block {
        guard let client, let language else { return block }
        return .pair(block, translated(client), language)
    }

    /// The text of `key` as a block, the official text filled with `official`, the
    /// client's with `arguments`.
    func both(_ make: (String) -> PrintDocument.Block, _ key: String, _ arguments: [String: String] = [:],
              official: [String: TextValue] = [:]) -> PrintDocument.Block {
        both(make(core(key, official))) { make($0.text(key, arguments)) }
    }

    /// Under the title: that a translation is given and that the German text counts.
    var translationNote: [PrintDocument.Block] {
        guard let client, let language else { return [] }
        return [.pair(.note(core("agreement.translationNote", ["language": .label("lang.\(client.language)")])), .note(client.text("agreement.germanCounts")), language)]
    }

    /// At the end: that no qualified translator has reviewed the translation yet.
    var unreviewedNote: [PrintDocument.Block] {
        guard let client, !client.reviewed, let language else { return [] }
        return [.pair(.note(core("agreement.translationUnreviewed", ["language": .label("lang.\(client.language)")])), .note(client.text("agreement.unreviewed")), language)]
    }
}
