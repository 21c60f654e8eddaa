import LotseCore
import PluginKit

/// An integration agreement as printed for signing: who made it with whom and when, the
/// goals grouped by person (the household's first), each with its SMART wording from
/// its template, the next review, and a line to sign for every adult and the manager.
/// The words come from the catalog; `PrintDocument` is laid out as text, HTML or PDF.
///
/// With a client catalog every block stands beside its translation in the client's
/// language (`Block.pair`): the German is the text that counts, the translation says so,
/// and says when no qualified translator has reviewed it yet. A goal whose title was
/// written by hand has no translation: its German stands on both sides, with a note in
/// the client's language.
struct AgreementText {
    let document: AgreementDocument
    let modules: ModuleRegistry
    /// The county, from the organisation settings.
    let county: String?
    let words: Bilingual

    private var catalog: Catalog { words.catalog }
    private func core(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { words.core(key, arguments) }
    private func both(_ block: PrintDocument.Block, _ translated: (ClientCatalog) -> PrintDocument.Block) -> PrintDocument.Block {
        words.both(block, translated)
    }
    private func name(_ name: String) -> String { words.name(name) }

    func printDocument() -> PrintDocument {
        let agreement = document.agreement
        let staff = document.staff ?? core("agreement.noManager")
        let date = catalog.date(agreement.signedOn)
        let persons = document.names.sorted { $0.key < $1.key }.map(\.value)
        var blocks: [PrintDocument.Block] = [
            both(.heading(core("agreement.title"))) { .heading($0.text("agreement.title")) },
            both(.paragraph(core(county == nil ? "agreement.subtitle" : "agreement.subtitleCounty",
                                 ["municipality": .text(document.municipality), "county": .text(county ?? "")]))) {
                .paragraph($0.text("agreement.subtitle", ["municipality": name(document.municipality)]))
            },
        ] + (document.municipalityAddress.map { [.paragraph($0)] } ?? []) + [
            both(.paragraph(core("agreement.case", ["case": .number(document.caseFile.id!), "date": .date(agreement.signedOn), "staff": .text(staff)]))) {
                .paragraph($0.text("agreement.case", ["case": String(document.caseFile.id!), "date": date, "staff": name(staff)]))
            },
            both(.paragraph(core("agreement.persons", ["persons": .list(persons.map { .text($0) })]))) {
                .paragraph($0.text("agreement.persons", ["persons": persons.map(name).joined(separator: $0.script == "Arab" ? "، " : ", ")]))
            },
        ]
        blocks += words.translationNote
        // Household goals first, then each person's, in the order the persons joined.
        let groups = Dictionary(grouping: document.goals.enumerated(), by: { $0.element.personId })
        let order = [nil] + document.names.keys.sorted().map(Optional.some)
        var number = 0
        for person in order {
            guard let goals = groups[person], !goals.isEmpty else { continue }
            let personName = person.flatMap { document.names[$0] }
            blocks.append(both(.subheading(personName.map { core("agreement.goalsFor", ["person": .text($0)]) } ?? core("agreement.goalsHousehold"))) {
                client in .subheading(personName.map { client.text("agreement.goalsFor", ["person": name($0)]) } ?? client.text("agreement.goalsHousehold"))
            })
            for (_, goal) in goals {
                number += 1
                blocks.append(goalBlock(goal, number: number, person: personName))
            }
        }
        if let review = agreement.nextReviewOn ?? document.caseFile.nextReviewOn {
            blocks.append(both(.paragraph(core("agreement.review", ["date": .date(review)]))) {
                .paragraph($0.text("agreement.review", ["date": catalog.date(review)]))
            })
        }
        let signers = document.adults.compactMap { document.names[$0] }
        blocks.append(both(.signatures([core("agreement.place"), core("agreement.place")])) {
            .signatures([$0.text("agreement.place"), $0.text("agreement.place")])
        })
        let interpreter = agreement.interpreter
        blocks.append(both(.signatures(signers.map { core("agreement.signPerson", ["person": .text($0)]) } + [core("agreement.signManager", ["staff": .text(staff)])]
                                       + (interpreter.map { [core("agreement.signInterpreter", ["name": .text($0)])] } ?? []))) { client in
            .signatures(signers.map { client.text("agreement.signPerson", ["person": name($0)]) } + [client.text("agreement.signManager", ["staff": name(staff)])]
                        + (interpreter.map { [client.text("agreement.signInterpreter", ["name": name($0)])] } ?? []))
        })
        blocks += words.unreviewedNote
        return PrintDocument(title: core("agreement.title"), language: catalog.locale, blocks: blocks, pageFooter: core("print.page"))
    }

    /// A goal: its title, its SMART wording and who does it by when; beside it the
    /// client's plain-language wording of its template, or, for a goal written by hand,
    /// the German with a note that it exists only in German.
    private func goalBlock(_ goal: Goal, number: Int, person: String?) -> PrintDocument.Block {
        let template = modules.module(goal.module)?.goalTemplate(goal.template)
        let who = person ?? core("agreement.household")
        let wording = template.map { catalog.text(goal.module, $0.textKey, ["person": who, "due": catalog.date(goal.dueOn)]) }
        let official = PrintDocument.Block.item(title: "\(number). \(goal.title)", lines: [wording, core("agreement.goalMeta", [
            "responsible": goal.responsible.label, "due": .date(goal.dueOn), "status": goal.status.label,
        ])].compactMap { $0 })
        return both(official) { client in
            let meta = client.text("agreement.goalMeta", ["responsible": client.text("responsible.\(goal.responsible.rawValue)"), "due": catalog.date(goal.dueOn)])
            let key = "goal.\(goal.template)"
            guard let template, goal.title == catalog.text(goal.module, template.titleKey), client.has("\(key).title") else {
                return .item(title: "\(number). \(goal.title)", lines: [wording, client.text("agreement.onlyGerman"), meta].compactMap { $0 })
            }
            let subject = person.map(name) ?? client.text("agreement.household")
            return .item(title: "\(number). \(client.text("\(key).title"))",
                         lines: [client.text("\(key).text", ["person": subject, "due": catalog.date(goal.dueOn)]), meta])
        }
    }
}
