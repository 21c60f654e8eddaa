import Foundation
import PluginKit

/// `data/summary.txt`: what the receiving manager (or, for an archive bundle, whoever
/// opens the archive) reads first. Laid out by the template `bundle-summary`, in the
/// deployment's language; names, titles and notes as stored.
struct BundleSummary {
    let bundle: CaseBundle
    let catalog: Catalog
    let templates: DocumentTemplates

    /// The catalog and templates of a locale, loaded once per run.
    static func documents(resources: URL, locale: String) throws -> (Catalog, DocumentTemplates) {
        let catalog = try Catalog.load(from: resources, locale: locale)
        return (catalog, try DocumentTemplates.load(resources: resources, catalog: catalog, county: Locations().countyTemplates))
    }

    private func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    func render() throws -> String {
        let names = Dictionary(uniqueKeysWithValues: bundle.persons.map { ($0.ref, [$0.givenNames, $0.familyName].compactMap { $0 }.joined(separator: " ")) })
        let persons = bundle.persons.map { person in
            [names[person.ref] ?? person.ref, person.birthYearOnly ? String(person.birthDate.year) : catalog.date(person.birthDate),
             person.residenceStatus, person.languages, person.interpreterNeeded ? text("handover.interpreter") : nil].compactMap { $0 }.joined(separator: ", ")
        }
        let goals = bundle.agreements.flatMap(\.goals).filter { $0.status == .open }.sorted { $0.dueOn < $1.dueOn }.map { goal in
            text(goal.person.flatMap { names[$0] } == nil ? "handover.goal" : "handover.goalFor",
                 ["title": .text(goal.title), "person": .text(goal.person.flatMap { names[$0] } ?? ""), "due": .date(goal.dueOn)])
        }
        let conversations = bundle.conversations.suffix(5).reversed().map { conversation in
            text("handover.conversation", ["date": .date(conversation.date), "kind": conversation.kind.label,
                                           "topics": .list(conversation.topics.map { .text($0) })])
        }
        let referrals = bundle.referrals.filter { $0.outcome == nil }.map {
            text("handover.referral", ["date": .date($0.date), "service": .label("service.\($0.service)"), "problem": .text($0.problem)])
        }
        func section(_ title: String, _ entries: [String]) -> [String: Any] {
            ["title": text(title), "entries": entries.isEmpty ? [text("handover.none")] : entries]
        }
        let model: [String: Any] = [
            "title": text(bundle.purpose == CaseBundle.Purpose.archive.rawValue ? "handover.archiveTitle" : "handover.title"),
            "from": text("handover.from", ["sender": .text(bundle.sender.municipality), "case": .number(bundle.sender.caseId),
                                           "staff": .text(bundle.sender.staff ?? "–"), "receiver": .text(bundle.receiver), "date": .date(bundle.exportedOn)]),
            "notes": [bundle.withoutConsentReason.map { text("handover.withoutConsent", ["reason": .text($0)]) },
                      bundle.excludedModules.isEmpty ? nil : text("handover.excluded", ["modules": .list(bundle.excludedModules.map { .text($0) })])].compactMap { $0 },
            "sections": [section("handover.persons", persons), section("handover.openGoals", goals),
                         section("handover.conversations", conversations), section("handover.referrals", referrals)],
            "attachments": text("handover.attachments", ["count": .number(bundle.attachments.count)]),
            "contact": text("handover.contact", ["staff": .text(bundle.sender.staff ?? "–"), "municipality": .text(bundle.sender.municipality)]),
        ]
        return try templates.render("bundle-summary", model, as: .text)
    }
}
