import PluginKit

/// `data/summary.txt`: what the receiving manager reads first, in German.
struct BundleSummary {
    let bundle: CaseBundle
    let catalog: Catalog

    private func text(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text("core", key, arguments) }

    func render() -> String {
        let names = Dictionary(uniqueKeysWithValues: bundle.persons.map { ($0.ref, [$0.givenNames, $0.familyName].compactMap { $0 }.joined(separator: " ")) })
        var lines = [text(bundle.purpose == "archive" ? "handover.archiveTitle" : "handover.title"),
                     text("handover.from", ["sender": bundle.sender.municipality, "case": String(bundle.sender.caseId),
                                            "staff": bundle.sender.staff ?? "–", "receiver": bundle.receiver, "date": bundle.exportedOn.german])]
        if let reason = bundle.withoutConsentReason { lines.append(text("handover.withoutConsent", ["reason": reason])) }
        if !bundle.excludedModules.isEmpty { lines.append(text("handover.excluded", ["modules": bundle.excludedModules.joined(separator: ", ")])) }
        func section(_ title: String, _ entries: [String]) {
            lines += ["", text(title)] + (entries.isEmpty ? ["- " + text("handover.none")] : entries.map { "- " + $0 })
        }
        section("handover.persons", bundle.persons.map { person in
            [names[person.ref] ?? person.ref, person.birthYearOnly ? String(person.birthDate.year) : person.birthDate.german,
             person.residenceStatus, person.languages, person.interpreterNeeded ? "Dolmetscher/in nötig" : nil].compactMap { $0 }.joined(separator: ", ")
        })
        section("handover.openGoals", bundle.agreements.flatMap(\.goals).filter { $0.status == .open }.sorted { $0.dueOn < $1.dueOn }.map { goal in
            "\(goal.title)" + (goal.person.flatMap { names[$0] }.map { " (\($0))" } ?? "") + " – fällig \(goal.dueOn.german)"
        })
        section("handover.conversations", bundle.conversations.suffix(5).reversed().map { conversation in
            "\(conversation.date.german) \(conversation.kind == .family ? "Familie" : "Einzelgespräch"): \(conversation.topics.joined(separator: ", "))"
        })
        section("handover.referrals", bundle.referrals.filter { $0.outcome == nil }.map { "\($0.date.german) \(text("service.\($0.service)")): \($0.problem)" })
        lines += ["", text("handover.attachments", ["count": String(bundle.attachments.count)]),
                  text("handover.contact", ["staff": bundle.sender.staff ?? "–", "municipality": bundle.sender.municipality])]
        return lines.joined(separator: "\n") + "\n"
    }
}
