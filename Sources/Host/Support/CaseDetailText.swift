import Foundation
import LotseCore
import PluginKit

/// `case show` as text: the case file a manager reads before a conversation.
struct CaseDetailText {
    let detail: CaseDetail
    let context: AppContext

    func render() -> String {
        let caseFile = detail.caseFile
        var lines = [Console.bold("Fall \(caseFile.id!) – \(caseFile.kind == .family ? "Familie" : "Einzelperson"), \(caseFile.status.rawValue)")]
        lines.append("Kommune: \(detail.municipality)   Zuständig: \(detail.staff ?? "–")")
        var dates = ["Warteliste seit \(caseFile.waitlistedOn?.german ?? "–")", "begonnen \(caseFile.openedOn?.german ?? "–")"]
        if let closed = caseFile.closedOn { dates.append("abgeschlossen \(closed.german) (\(context.text("closure.\(caseFile.closureReason ?? "other")")))") }
        if let review = caseFile.nextReviewOn { dates.append("nächste Überprüfung \(review.german)") }
        lines.append(dates.joined(separator: ", "))
        if caseFile.justifiedExtension { lines.append("Begründete Verlängerung der Betreuung") }
        if let origin = caseFile.origin { lines.append("Übernommen von: \(origin)") }
        section("Personen", &lines, detail.members.map { member in
            let name = member.identity.map { "\($0.givenNames) \($0.familyName)" } ?? "(archiviert)"
            var line = "[\(member.person.id!)] \(name), geb. \(member.person.birth), \(member.person.sex.rawValue), Bleibeperspektive \(member.person.stayProspect.rawValue)"
            if let arrival = member.person.arrivalDate { line += ", eingereist \(arrival.german)" }
            if let to = member.toDate { line += ", ausgezogen \(to.german)" }
            if let identity = member.identity {
                let extra = [identity.residenceStatus, identity.languages.map { "Sprachen: \($0)" }, identity.interpreterNeeded ? "Dolmetscher nötig" : nil,
                             identity.phone, identity.address].compactMap { $0 }
                if !extra.isEmpty { line += "\n    " + extra.joined(separator: "; ") }
            }
            return line
        })
        section("Vereinbarungen", &lines, detail.agreements.flatMap { agreement in
            ["Vereinbarung \(agreement.agreement.id!) vom \(agreement.agreement.signedOn.german)"] + agreement.goals.map { goal in
                "  - \(goal.goal.title) [\(goal.goal.module)] bis \(goal.goal.dueOn.german): \(goal.goal.status.rawValue)"
                    + (goal.goal.statusOn.map { " am \($0.german)" } ?? "")
            }
        })
        section("Gespräche", &lines, detail.conversations.map { "\($0.date.german) \($0.kind.rawValue): \($0.topics.replacingOccurrences(of: ";", with: ", "))" + ($0.note.map { " – \($0)" } ?? "") })
        section("Regeldienste", &lines, detail.referrals.map { "\($0.date.german) \(context.text("service.\($0.service)")): \($0.problem)" + ($0.outcome.map { " → \($0)" } ?? "") })
        section("Ergebnisse", &lines, detail.outcomes.map { "\($0.date.german) Person \($0.personId): \($0.module).\($0.kind)" + ($0.value.map { " \($0)" } ?? "") })
        section("Umzüge", &lines, detail.moves.map { "\($0.movedOn.german) nach \($0.destination)" + ($0.leavesMunicipality ? " (Wegzug)" : "") })
        section("Einwilligungen", &lines, detail.consents.map { "[\($0.id!)] \($0.scope) an \($0.recipient), erteilt \($0.givenOn.german)" + ($0.withdrawnOn.map { ", widerrufen \($0.german)" } ?? "") })
        section("Anhänge", &lines, detail.attachments.map { "[\($0.id!)] \($0.originalName) (\($0.size) Bytes, sha256 \($0.sha256.prefix(12))…)" })
        section("Notizen", &lines, detail.notes.map { "\($0.writtenOn.german): \($0.text)" })
        return lines.joined(separator: "\n")
    }

    private func section(_ title: String, _ lines: inout [String], _ entries: [String]) {
        guard !entries.isEmpty else { return }
        lines += ["", Console.bold(title)] + entries
    }
}
