import LotseCore
import PluginKit

/// An integration agreement as printed for signing: each goal's SMART wording from its
/// template, with the person and the due date filled in.
struct AgreementText {
    let document: AgreementDocument
    let catalog: Catalog
    let modules: ModuleRegistry

    private func core(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text("core", key, arguments) }
    private func date(_ value: LocalDate) -> String { catalog.date(value) }

    func render() -> String {
        let agreement = document.agreement
        var lines = [core("agreement.title"), core("agreement.subtitle", ["municipality": document.municipality]), ""]
        lines.append(core("agreement.case", ["case": String(document.caseFile.id!), "date": date(agreement.signedOn), "staff": document.staff ?? "–"]))
        lines.append(core("agreement.persons", ["persons": document.names.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", ")]))
        lines += ["", core("agreement.goals")]
        for (number, goal) in document.goals.enumerated() {
            let person = goal.personId.flatMap { document.names[$0] }
            let template = modules.module(goal.module)?.goalTemplate(goal.template)
            lines.append("\(number + 1). \(goal.title)" + (person.map { " (\($0))" } ?? ""))
            if let template {
                let text = catalog.text(goal.module, template.textKey, ["person": person ?? core("agreement.household"), "due": date(goal.dueOn)])
                lines.append(contentsOf: wrap(text, width: 76).map { "   " + $0 })
            }
            lines.append("   " + core("agreement.goalMeta", ["responsible": core("responsible.\(goal.responsible.rawValue)"), "due": date(goal.dueOn),
                                                            "status": core("status.\(goal.status.rawValue)")]))
        }
        if let review = agreement.nextReviewOn { lines += ["", core("agreement.review", ["date": date(review)])] }
        let rule = String(repeating: "_", count: 30)
        lines += ["", "", "\(rule)    \(rule)", pad(core("agreement.place"), 34) + core("agreement.place"), "", "",
                  "\(rule)    \(rule)", pad(core("agreement.signClient"), 34) + core("agreement.signManager")]
        return lines.joined(separator: "\n")
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
