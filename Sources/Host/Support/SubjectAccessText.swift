import Foundation
import LotseCore
import PluginKit

/// The subject access report in German plain language, as text or printable HTML.
struct SubjectAccessText {
    let access: SubjectAccess
    let catalog: Catalog

    private func service(_ id: String) -> String { catalog.text("core", "service.\(id)") }

    var sections: [(title: String, lines: [String])] {
        let a = access
        let name = a.identity.map { "\($0.givenNames) \($0.familyName)" } ?? "(Name gelöscht)"
        var sections: [(String, [String])] = []
        var person = ["Name: \(name)", "Geburtsdatum: \(a.person.birthYearOnly ? String(a.person.birthDate.year) : a.person.birthDate.german)",
                      "Geschlecht: \(a.person.sex.rawValue)", "Einreise: \(a.person.arrivalDate?.german ?? "–")", "Bleibeperspektive: \(a.person.stayProspect.rawValue)"]
        if let identity = a.identity {
            person += ["Aufenthaltsstatus: \(identity.residenceStatus ?? "–")", "Sprachen: \(identity.languages ?? "–")",
                       "Dolmetscher/in nötig: \(identity.interpreterNeeded ? "ja" : "nein")", "Telefon: \(identity.phone ?? "–")", "Anschrift: \(identity.address ?? "–")"]
        }
        sections.append(("Ihre Daten", person))
        sections.append(("Ihre Fälle im Integrationsmanagement", a.cases.map {
            "Fall \($0.caseId), \($0.municipality): \($0.status.rawValue), begonnen \($0.openedOn?.german ?? "–")" + ($0.closedOn.map { ", beendet \($0.german)" } ?? "")
        }))
        sections.append(("Ihre Antworten im Erstgespräch", a.answers.map { "\($0.questionId): \($0.value) (\($0.givenAt))" }))
        sections.append(("Vereinbarte Ziele", a.goals.map { "\($0.title): \($0.status.rawValue), fällig \($0.dueOn.german)" }))
        sections.append(("Gespräche", a.conversations.map { "\($0.date.german) (\($0.kind == .family ? "Familie" : "Einzelgespräch")): \($0.topics.replacingOccurrences(of: ";", with: ", "))" }))
        sections.append(("Festgehaltene Ergebnisse", a.outcomes.map { "\($0.date.german): \($0.module) \($0.kind)" + ($0.value.map { " \($0)" } ?? "") }))
        sections.append(("Einwilligungen", a.consents.map { "\($0.scope) an \($0.recipient), erteilt \($0.givenOn.german)" + ($0.withdrawnOn.map { ", widerrufen \($0.german)" } ?? "") }))
        sections.append(("An wen Daten gingen", a.transfers.map { "\($0.on.german) \($0.kind == "handover" ? "Übergabe an" : "Regeldienst") \($0.kind == "referral" ? service($0.to) : $0.to): \($0.what) – Grundlage: \($0.basis)" }))
        sections.append(("Dateien", a.attachments.map { "\($0.originalName) (\($0.size) Bytes, \($0.addedOn.german))" }))
        sections.append(("Wer Ihre Daten gelesen oder geändert hat", a.accesses.map { "\($0.at) \($0.actor): \($0.action) \($0.record)" + ($0.field.map { " (\($0))" } ?? "") }))
        return sections
    }

    var title: String { "Auskunft nach Art. 15 DSGVO – Integrationsmanagement, erstellt am \(access.createdOn.german)" }

    func text() -> String {
        ([title, ""] + sections.flatMap { section in ["", section.title] + (section.lines.isEmpty ? ["– keine –"] : section.lines.map { "  • " + $0 }) })
            .joined(separator: "\n") + "\n"
    }

    func html() -> String {
        let escape = HTML.escape
        let body = sections.map { section in
            "<h2>\(escape(section.title))</h2>\n" + (section.lines.isEmpty ? "<p>– keine –</p>" : "<ul>\n" + section.lines.map { "<li>\(escape($0))</li>" }.joined(separator: "\n") + "\n</ul>")
        }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:serif;max-width:42em;margin:2em auto}@media print{body{margin:0}}h2{font-size:1.1em;margin-top:1.4em}</style></head>
            <body><h1>\(escape(title))</h1>
            \(body)
            </body></html>

            """
    }
}
