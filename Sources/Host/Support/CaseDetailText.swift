import Foundation
import LotseCore
import PluginKit

/// `case show` as text: the case file a manager reads before a conversation, in the
/// session's language. Stored text (names, titles, notes) is shown as stored.
struct CaseDetailText {
    let detail: CaseDetail
    let vocabulary: Vocabulary
    let voice: Voice

    func render() -> String {
        let caseFile = detail.caseFile
        var lines = [Console.bold(voice.text("caseShow.title", ["case": .number(caseFile.id!), "kind": caseFile.kind.label, "status": caseFile.status.label]))]
        lines.append(voice.text("caseShow.team", ["municipality": .text(detail.municipality), "staff": .text(detail.staff ?? "–")]))
        var dates = [voice.text("caseShow.waitlisted", ["date": .text(voice.date(caseFile.waitlistedOn))]),
                     voice.text("caseShow.opened", ["date": .text(voice.date(caseFile.openedOn))])]
        if let closed = caseFile.closedOn {
            dates.append(voice.text("caseShow.closed", ["date": .date(closed), "reason": .label("closure.\(caseFile.closureReason ?? "other")")]))
        }
        if let review = caseFile.nextReviewOn { dates.append(voice.text("caseShow.review", ["date": .date(review)])) }
        lines.append(dates.joined(separator: ", "))
        if caseFile.justifiedExtension { lines.append(voice.text("caseShow.extension")) }
        if let origin = caseFile.origin { lines.append(voice.text("caseShow.origin", ["origin": .text(origin)])) }
        section("caseShow.persons", &lines, detail.members.map { member in
            let name = member.identity.map { "\($0.givenNames) \($0.familyName)" } ?? voice.text("caseShow.archived")
            var line = voice.text("caseShow.person", ["person": .number(member.person.id!), "name": .text(name), "born": member.person.birthYearOnly ? .number(member.person.birthDate.year) : .date(member.person.birthDate),
                                                        "sex": member.person.sex.label, "prospect": member.person.stayProspect.label])
            if let arrival = member.person.arrivalDate { line += voice.text("caseShow.arrived", ["date": .date(arrival)]) }
            if let to = member.toDate { line += voice.text("caseShow.movedOut", ["date": .date(to)]) }
            let origin = [member.person.countryLabel, member.person.residenceLabel].compactMap { $0.map(voice.catalog.format) }
            if !origin.isEmpty { line += "\n    " + origin.joined(separator: "; ") }
            // The coded languages, the note beside them where one was kept.
            let languages = [member.person.languagesLabel.map(voice.catalog.format), member.identity?.languages].compactMap { $0 }
            if let identity = member.identity {
                // The free-text status is a note; shown when it says more than the code.
                let note = identity.residenceStatus.flatMap { note in origin.contains { $0.caseInsensitiveCompare(note) == .orderedSame } ? nil : note }
                let extra = [note, languages.isEmpty ? nil : voice.text("caseShow.languages", ["languages": .text(languages.joined(separator: "; "))]),
                             identity.interpreterNeeded ? voice.text("caseShow.interpreter") : nil, identity.phone, identity.address].compactMap { $0 }
                if !extra.isEmpty { line += "\n    " + extra.joined(separator: "; ") }
            } else if !languages.isEmpty {
                line += "\n    " + voice.text("caseShow.languages", ["languages": .text(languages.joined(separator: "; "))])
            }
            return line
        })
        section("caseShow.agreements", &lines, detail.agreements.flatMap { agreement in
            [voice.text("caseShow.agreement", ["agreement": .number(agreement.agreement.id!), "date": .date(agreement.agreement.signedOn)])] + agreement.goals.map { goal in
                "  - " + voice.text(goal.goal.statusOn == nil ? "caseShow.goal" : "caseShow.goalSettled", [
                    "title": .text(goal.goal.title), "module": Vocabulary.moduleLabel(goal.goal.module), "due": .date(goal.goal.dueOn),
                    "status": goal.goal.status.label, "date": .optionalDate(goal.goal.statusOn)]) + goal.reviews.map(reviewLine).joined()
            }
        })
        section("caseShow.reviews", &lines, detail.reviews.compactMap { review in
            review.heldOn.map { voice.text("caseShow.reviewHeld", ["due": .date(review.dueOn), "held": .date($0)]) }
                ?? review.movedOn.map { voice.text("caseShow.reviewMoved", ["due": .date(review.dueOn), "moved": .date($0)]) }
        })
        section("caseShow.conversations", &lines, detail.conversations.map {
            voice.text("caseShow.conversation", ["date": .date($0.date), "kind": $0.kind.label, "topics": .list($0.topics.split(separator: ";").map { Vocabulary.topicLabel(String($0)) })])
                + ($0.note.map { " – \($0)" } ?? "")
        })
        section("caseShow.referrals", &lines, detail.referrals.map {
            voice.text("caseShow.referral", ["date": .date($0.date), "service": .label("service.\($0.service)"), "problem": .text($0.problem)]) + ($0.outcome.map { " → \($0)" } ?? "")
        })
        section("caseShow.outcomes", &lines, detail.outcomes.map {
            voice.text("caseShow.outcome", ["date": .date($0.date), "person": .text(personName($0.personId)),
                                              "kind": .message(Message("outcome.\($0.kind)", namespace: $0.module))]) + ($0.value.map { " \($0)" } ?? "")
        })
        section("caseShow.moves", &lines, detail.moves.map {
            voice.text($0.leavesMunicipality ? "caseShow.moveAway" : "caseShow.move", ["date": .date($0.movedOn), "destination": .text($0.destination)])
        })
        section("caseShow.consents", &lines, detail.consents.map {
            voice.text($0.withdrawnOn == nil ? "caseShow.consent" : "caseShow.consentWithdrawn", [
                "consent": .number($0.id!), "scope": vocabulary.scopeLabel($0.scope), "to": .text($0.recipient), "date": .date($0.givenOn), "withdrawn": .optionalDate($0.withdrawnOn)])
        })
        section("caseShow.attachments", &lines, detail.attachments.map {
            voice.text("caseShow.attachment", ["attachment": .number($0.id!), "name": .text($0.originalName), "bytes": .text(String($0.size)),
                                                 "sha256": .text(String($0.sha256.prefix(12)))])
        })
        section("caseShow.notes", &lines, detail.notes.map { voice.text("caseShow.note", ["date": .date($0.writtenOn)]) + $0.text })
        return lines.joined(separator: "\n")
    }

    /// A goal's review, on a line of its own under the goal.
    private func reviewLine(_ review: GoalReview) -> String {
        let line = voice.text(review.newDueOn == nil ? "caseShow.goalReview" : "caseShow.goalReviewDue",
                                ["date": .date(review.reviewedOn), "result": review.result.label, "due": .optionalDate(review.newDueOn)])
        return "\n      " + line + (review.note.map { " – \($0)" } ?? "")
    }

    /// A person of the case by given name (the id when archived or not a member).
    private func personName(_ id: Int64) -> String {
        detail.members.first { $0.person.id == id }?.identity?.givenNames ?? voice.text("caseShow.personId", ["person": .number(id)])
    }

    private func section(_ title: String, _ lines: inout [String], _ entries: [String]) {
        guard !entries.isEmpty else { return }
        lines += ["", Console.bold(voice.text(title))] + entries
    }
}
