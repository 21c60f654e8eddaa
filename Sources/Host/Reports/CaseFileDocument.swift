import Foundation
import LotseCore
import PluginKit

/// The whole case file as a document to print, from the case.json it goes with: the
/// primary document of an xdomea handover (0401) or hand-over to the archive (0503), so
/// the office or archive reads what the machine-readable annex holds, no more (modules
/// left out are left out here too), in the deployment's language, without lotse's ids.
struct CaseFileDocument {
    let bundle: CaseBundle
    let vocabulary: Vocabulary
    let voice: Voice

    private typealias Block = PrintDocument.Block

    func printDocument() -> PrintDocument {
        let caseFile = bundle.caseFile
        let title = voice.text("caseShow.title", ["case": .number(bundle.sender.caseId), "kind": caseFile.kind.label, "status": caseFile.status.label])
        var blocks: [Block] = [.heading(title), .note(voice.text("caseFile.exported", ["date": .date(bundle.exportedOn)]))]
        blocks.append(.paragraph(voice.text("caseShow.team", ["municipality": .text(bundle.sender.municipality), "staff": .text(bundle.sender.staff ?? "–")])))
        var dates = [voice.text("caseShow.waitlisted", ["date": .text(voice.date(caseFile.waitlistedOn))]),
                     voice.text("caseShow.opened", ["date": .text(voice.date(caseFile.openedOn))])]
        if let closed = caseFile.closedOn {
            dates.append(voice.text("caseShow.closed", ["date": .date(closed), "reason": .label("closure.\(caseFile.closureReason ?? "other")")]))
        }
        if let review = caseFile.nextReviewOn { dates.append(voice.text("caseShow.review", ["date": .date(review)])) }
        blocks.append(.paragraph(dates.joined(separator: ", ")))
        if caseFile.justifiedExtension { blocks.append(.paragraph(voice.text("caseShow.extension"))) }
        section(&blocks, "caseShow.persons", bundle.persons.map(person))
        section(&blocks, "caseShow.agreements", bundle.agreements.flatMap { agreement in
            [voice.text("caseFile.agreement", ["date": .date(agreement.signedOn)])
                + (agreement.interpreter.map { " – " + voice.text("caseFile.interpreter", ["name": .text($0)]) } ?? "")] + agreement.goals.map(goal)
        })
        section(&blocks, "caseShow.conversations", bundle.conversations.map {
            voice.text("caseShow.conversation", ["date": .date($0.date), "kind": $0.kind.label, "topics": .list($0.topics.map(Vocabulary.topicLabel))])
                + ($0.note.map { "\n\($0)" } ?? "")
        })
        section(&blocks, "caseShow.referrals", bundle.referrals.map {
            voice.text("caseShow.referral", ["date": .date($0.date), "service": .label("service.\($0.service)"), "problem": .text($0.problem)]) + ($0.outcome.map { " → \($0)" } ?? "")
        })
        section(&blocks, "caseShow.outcomes", bundle.outcomes.map {
            voice.text("caseShow.outcome", ["date": .date($0.date), "person": .text(name($0.person)), "kind": .message(Message("outcome.\($0.kind)", namespace: $0.module))])
                + ($0.value.map { " \($0)" } ?? "")
        })
        section(&blocks, "caseShow.moves", bundle.moves.map {
            voice.text($0.leavesMunicipality ? "caseShow.moveAway" : "caseShow.move", ["date": .date($0.movedOn), "destination": .text($0.destination)])
        })
        section(&blocks, "caseShow.consents", bundle.consents.map {
            voice.text($0.withdrawnOn == nil ? "caseFile.consent" : "caseFile.consentWithdrawn", [
                "scope": vocabulary.scopeLabel($0.scope), "to": .text($0.recipient), "date": .date($0.givenOn), "withdrawn": .optionalDate($0.withdrawnOn)])
        })
        section(&blocks, "caseShow.attachments", bundle.attachments.map {
            voice.text("caseFile.attachment", ["name": .text($0.originalName), "bytes": .text(String($0.size)), "sha256": .text(String($0.sha256.prefix(12)))])
        })
        section(&blocks, "caseShow.notes", bundle.notes.map { voice.text("caseShow.note", ["date": .date($0.writtenOn)]) + $0.text })
        return PrintDocument(title: title, language: voice.catalog.locale, blocks: blocks, pageFooter: voice.text("print.page"))
    }

    private func section(_ blocks: inout [Block], _ title: String, _ entries: [String]) {
        guard !entries.isEmpty else { return }
        blocks.append(.subheading(voice.text(title)))
        blocks += entries.map(Block.paragraph)
    }

    /// A person by name ("(archiviert)" once the name is gone).
    private func name(_ ref: String) -> String {
        guard let person = bundle.persons.first(where: { $0.ref == ref }) else { return ref }
        let name = [person.givenNames, person.familyName].compactMap { $0 }.joined(separator: " ")
        return name.isEmpty ? voice.text("caseShow.archived") : name
    }

    private func person(_ person: CaseBundle.PersonData) -> String {
        var line = voice.text("caseFile.person", ["name": .text(name(person.ref)), "born": person.birthYearOnly ? .number(person.birthDate.year) : .date(person.birthDate),
                                                    "sex": person.sex.label, "prospect": person.stayProspect.label])
        if let arrival = person.arrivalDate { line += voice.text("caseShow.arrived", ["date": .date(arrival)]) }
        if let to = person.memberTo { line += voice.text("caseShow.movedOut", ["date": .date(to)]) }
        let languages = (person.languageCodes ?? []).map { voice.catalog.format(.label("lang.\($0)")) } + [person.languages].compactMap { $0 }
        let details = [person.country.map { voice.catalog.format(.label("country.\($0)")) },
                       person.residence.map { voice.catalog.format(.label("residence.\($0)")) } ?? person.residenceStatus,
                       languages.isEmpty ? nil : voice.text("caseShow.languages", ["languages": .text(languages.joined(separator: "; "))]),
                       person.interpreterNeeded ? voice.text("caseShow.interpreter") : nil, person.phone, person.address].compactMap { $0 }
        return details.isEmpty ? line : line + "\n" + details.joined(separator: "; ")
    }

    private func goal(_ goal: CaseBundle.GoalData) -> String {
        var line = "– " + voice.text(goal.statusOn == nil ? "caseShow.goal" : "caseShow.goalSettled", [
            "title": .text(goal.title), "module": Vocabulary.moduleLabel(goal.module), "due": .date(goal.dueOn), "status": goal.status.label, "date": .optionalDate(goal.statusOn)])
        if let person = goal.person { line += " (\(name(person)))" }
        if let note = goal.note { line += "\n" + note }
        for review in goal.reviews {
            line += "\n" + voice.text(review.newDueOn == nil ? "caseShow.goalReview" : "caseShow.goalReviewDue",
                                        ["date": .date(review.reviewedOn), "result": review.result.label, "due": .optionalDate(review.newDueOn)])
                + (review.note.map { " – \($0)" } ?? "")
        }
        return line
    }
}
