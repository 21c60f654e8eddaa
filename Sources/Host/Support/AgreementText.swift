import LotseCore
import PluginKit

/// An integration agreement as printed for signing: each goal's SMART wording from its
/// template, with the person and the due date filled in. Laid out by the template
/// `agreement`; the goal titles as they were agreed.
struct AgreementText {
    let document: AgreementDocument
    let catalog: Catalog
    let modules: ModuleRegistry

    private func core(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }

    func model() -> [String: Any] {
        let agreement = document.agreement
        let goals: [[String: Any]] = document.goals.enumerated().map { number, goal in
            let person = goal.personId.flatMap { document.names[$0] }
            let wording = modules.module(goal.module)?.goalTemplate(goal.template).map {
                catalog.text(goal.module, $0.textKey, ["person": person ?? core("agreement.household"), "due": catalog.date(goal.dueOn)])
            }
            return ["number": number + 1, "title": goal.title, "person": person ?? "", "hasPerson": person != nil,
                    "wording": wrap(wording ?? "", width: 76),
                    "meta": core("agreement.goalMeta", ["responsible": goal.responsible.label, "due": .date(goal.dueOn), "status": goal.status.label])]
        }
        let rule = String(repeating: "_", count: 30)
        return [
            "title": core("agreement.title"),
            "subtitle": core("agreement.subtitle", ["municipality": .text(document.municipality)]),
            "case": core("agreement.case", ["case": .number(document.caseFile.id!), "date": .date(agreement.signedOn), "staff": .text(document.staff ?? "–")]),
            "persons": core("agreement.persons", ["persons": .list(document.names.sorted { $0.key < $1.key }.map { .text($0.value) })]),
            "goalsHeading": core("agreement.goals"),
            "goals": goals,
            "review": agreement.nextReviewOn.map { core("agreement.review", ["date": .date($0)]) } ?? "",
            "rule": "\(rule)    \(rule)",
            "placeLine": pad(core("agreement.place"), 34) + core("agreement.place"),
            "signLine": pad(core("agreement.signClient"), 34) + core("agreement.signManager"),
        ]
    }

    private func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }

    /// Breaks a paragraph into lines of at most `width` characters at spaces.
    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
