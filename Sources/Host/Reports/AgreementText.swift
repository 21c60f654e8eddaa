import LotseCore
import PluginKit

/// An integration agreement as printed for signing: who made it with whom and when, the
/// goals grouped by person (the household's first), each with its SMART wording from
/// its template, the next review, and a line to sign for every adult and the manager.
/// The words come from the catalog; `PrintDocument` is laid out as text, HTML or PDF.
struct AgreementText {
    let document: AgreementDocument
    let catalog: Catalog
    let modules: ModuleRegistry
    /// The county, from the organisation settings.
    let county: String?

    private func core(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    func printDocument() -> PrintDocument {
        let agreement = document.agreement
        let staff = document.staff ?? core("agreement.noManager")
        var blocks: [PrintDocument.Block] = [
            .heading(core("agreement.title")),
            .paragraph(core(county == nil ? "agreement.subtitle" : "agreement.subtitleCounty",
                            ["municipality": .text(document.municipality), "county": .text(county ?? "")])),
        ] + (document.municipalityAddress.map { [.paragraph($0)] } ?? []) + [
            .paragraph(core("agreement.case", ["case": .number(document.caseFile.id!), "date": .date(agreement.signedOn), "staff": .text(staff)])),
            .paragraph(core("agreement.persons", ["persons": .list(document.names.sorted { $0.key < $1.key }.map { .text($0.value) })])),
        ]
        // Household goals first, then each person's, in the order the persons joined.
        let groups = Dictionary(grouping: document.goals.enumerated(), by: { $0.element.personId })
        let order = [nil] + document.names.keys.sorted().map(Optional.some)
        var number = 0
        for person in order {
            guard let goals = groups[person], !goals.isEmpty else { continue }
            let name = person.flatMap { document.names[$0] }
            blocks.append(.subheading(name.map { core("agreement.goalsFor", ["person": .text($0)]) } ?? core("agreement.goalsHousehold")))
            for (_, goal) in goals {
                number += 1
                let wording = modules.module(goal.module)?.goalTemplate(goal.template).map {
                    catalog.text(goal.module, $0.textKey, ["person": name ?? core("agreement.household"), "due": catalog.date(goal.dueOn)])
                }
                blocks.append(.item(title: "\(number). \(goal.title)", lines: [wording, core("agreement.goalMeta", [
                    "responsible": goal.responsible.label, "due": .date(goal.dueOn), "status": goal.status.label,
                ])].compactMap { $0 }))
            }
        }
        if let review = agreement.nextReviewOn ?? document.caseFile.nextReviewOn {
            blocks.append(.paragraph(core("agreement.review", ["date": .date(review)])))
        }
        let signers = document.adults.compactMap { document.names[$0] }
        blocks.append(.signatures([core("agreement.place"), core("agreement.place")]))
        blocks.append(.signatures(signers.map { core("agreement.signPerson", ["person": .text($0)]) }
                                  + [core("agreement.signManager", ["staff": .text(staff)])]))
        return PrintDocument(title: core("agreement.title"), language: catalog.locale, blocks: blocks, pageFooter: core("print.page"))
    }
}
