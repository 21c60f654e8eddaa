import Foundation
import PluginKit

extension CaseBundle {
    /// The first thing that cannot be true of a real case, naming the field; nil when
    /// the bundle makes sense.
    public func meaningProblem(_ rules: BundleRules) -> Message? {
        MeaningProblems(bundle: self, rules: rules).first()
    }
}

/// One pass over a bundle's meaning; each check returns its message or nil.
private struct MeaningProblems {
    let bundle: CaseBundle
    let rules: BundleRules

    func first() -> Message? {
        header() ?? caseFile() ?? persons() ?? facts() ?? factDates() ?? attachments()
    }

    func header() -> Message? {
        guard ["handover", "archive"].contains(bundle.purpose) else { return Message("meaning.purpose", ["purpose": .text(bundle.purpose)]) }
        guard bundle.sender.caseId > 0 else { return Message("meaning.senderCase", ["case": .text(String(bundle.sender.caseId))]) }
        if let unknown = bundle.excludedModules.first(where: { rules.vocabulary.modules[$0] == nil }) {
            return Message("meaning.excludedModule", ["module": .text(unknown)])
        }
        return nil
    }

    func caseFile() -> Message? {
        let file = bundle.caseFile
        let allowed: Set<CaseStatus> = bundle.purpose == CaseBundle.Purpose.archive.rawValue ? [.closed, .archived] : [.waiting, .active, .closed]
        guard allowed.contains(file.status) else {
            return Message("meaning.status", ["status": .text(file.status.rawValue), "purpose": .text(bundle.purpose)])
        }
        if let waitlisted = file.waitlistedOn, let opened = file.openedOn, opened < waitlisted {
            return Message("meaning.before", ["field": "caseFile.openedOn", "date": .text(opened.iso), "other": "caseFile.waitlistedOn", "otherDate": .text(waitlisted.iso)])
        }
        if let opened = file.openedOn, let closed = file.closedOn, closed < opened {
            return Message("meaning.before", ["field": "caseFile.closedOn", "date": .text(closed.iso), "other": "caseFile.openedOn", "otherDate": .text(opened.iso)])
        }
        if let since = file.supportSince, let opened = file.openedOn, since > opened {
            return Message("meaning.before", ["field": "caseFile.openedOn", "date": .text(opened.iso), "other": "caseFile.supportSince", "otherDate": .text(since.iso)])
        }
        if (file.extendedOn != nil || file.extensionReason != nil) && !file.justifiedExtension {
            return Message("meaning.extension", ["field": "caseFile.extendedOn"])
        }
        for (field, date) in [("waitlistedOn", file.waitlistedOn), ("openedOn", file.openedOn), ("closedOn", file.closedOn),
                              ("supportSince", file.supportSince), ("extendedOn", file.extendedOn)] {
            if let date, date > bundle.exportedOn { return Message("meaning.afterExport", ["field": .text("caseFile.\(field)"), "date": .text(date.iso), "exported": .text(bundle.exportedOn.iso)]) }
        }
        return nil
    }

    func persons() -> Message? {
        guard !bundle.persons.isEmpty else { return "meaning.noPersons" }
        guard bundle.persons.count <= rules.maxPersons else {
            return Message("meaning.tooManyPersons", ["count": .number(bundle.persons.count), "max": .number(rules.maxPersons)])
        }
        for (index, person) in bundle.persons.enumerated() {
            if person.birthDate > bundle.exportedOn || person.birthDate > rules.today {
                return Message("meaning.future", ["field": .text("persons[\(index)].birthDate"), "date": .text(person.birthDate.iso)])
            }
            if person.birthDate.year < 1900 { return Message("meaning.before1900", ["field": .text("persons[\(index)].birthDate"), "date": .text(person.birthDate.iso)]) }
            if let to = person.memberTo, to < person.memberFrom { return Message("meaning.memberTo", ["field": .text("persons[\(index)]")]) }
            let codes = rules.vocabulary.personCodes
            if let country = person.country, codes.country(country) != country {
                return Message("meaning.code", ["field": .text("persons[\(index)].country"), "value": .text(country)])
            }
            if let residence = person.residence, codes.residence(residence) != residence {
                return Message("meaning.code", ["field": .text("persons[\(index)].residence"), "value": .text(residence)])
            }
            for tag in person.languageCodes ?? [] where !codes.languages.contains(where: { $0.code == tag }) {
                return Message("meaning.code", ["field": .text("persons[\(index)].languageCodes"), "value": .text(tag)])
            }
        }
        let casePersons = bundle.persons.filter(\.isCasePerson).count
        switch bundle.caseFile.kind {
        case .individual where casePersons != 1:
            return Message("meaning.individualCasePerson", ["found": .number(casePersons)])
        case .family where casePersons != 0:
            return Message("meaning.familyCasePerson", ["found": .number(casePersons)])
        default: return nil
        }
    }

    func facts() -> Message? {
        let excluded = Set(bundle.excludedModules)
        for (index, answer) in bundle.answers.enumerated() {
            guard rules.vocabulary.questions.contains(answer.questionId) else { return Message("meaning.unknownQuestion", ["field": .text("answers[\(index)].questionId"), "question": .text(answer.questionId)]) }
            if let module = answer.questionId.split(separator: ".").first, excluded.contains(String(module)) {
                return Message("meaning.excluded", ["field": .text("answers[\(index)]"), "module": .text(String(module))])
            }
            guard Timestamp.date(answer.givenAt) != nil else { return Message("meaning.givenAt", ["field": .text("answers[\(index)].givenAt"), "value": .text(answer.givenAt)]) }
        }
        for (a, agreement) in bundle.agreements.enumerated() {
            for (g, goal) in agreement.goals.enumerated() {
                guard rules.vocabulary.modules[goal.module] != nil else { return Message("meaning.unknownModule", ["field": .text("agreements[\(a)].goals[\(g)].module"), "module": .text(goal.module)]) }
                if excluded.contains(goal.module) { return Message("meaning.excluded", ["field": .text("agreements[\(a)].goals[\(g)]"), "module": .text(goal.module)]) }
            }
        }
        for (index, outcome) in bundle.outcomes.enumerated() {
            if let problem = rules.vocabulary.problem(module: outcome.module, kind: outcome.kind, value: outcome.value) { return Message("meaning.outcome", ["field": .text("outcomes[\(index)]"), "problem": .message(problem)]) }
            if excluded.contains(outcome.module) { return Message("meaning.excluded", ["field": .text("outcomes[\(index)]"), "module": .text(outcome.module)]) }
        }
        return nil
    }

    /// Every fact happened by today; a person arrived after their birth. Plans (due
    /// dates, the next review) may lie anywhere: old goals are often overdue.
    func factDates() -> Message? {
        let limit = rules.today
        var dates: [(String, LocalDate?)] = []
        for (index, person) in bundle.persons.enumerated() {
            dates += [("persons[\(index)].arrivalDate", person.arrivalDate), ("persons[\(index)].memberFrom", person.memberFrom),
                      ("persons[\(index)].memberTo", person.memberTo)]
            if let arrival = person.arrivalDate, arrival < person.birthDate {
                return Message("meaning.before", ["field": .text("persons[\(index)].arrivalDate"), "date": .text(arrival.iso),
                                                  "other": .text("persons[\(index)].birthDate"), "otherDate": .text(person.birthDate.iso)])
            }
        }
        for (a, agreement) in bundle.agreements.enumerated() {
            dates.append(("agreements[\(a)].signedOn", agreement.signedOn))
            for (g, goal) in agreement.goals.enumerated() {
                dates.append(("agreements[\(a)].goals[\(g)].statusOn", goal.statusOn))
                dates += goal.reviews.enumerated().map { ("agreements[\(a)].goals[\(g)].reviews[\($0)].reviewedOn", $1.reviewedOn) }
            }
        }
        dates += bundle.conversations.enumerated().map { ("conversations[\($0)].date", $1.date) }
        dates += bundle.referrals.enumerated().map { ("referrals[\($0)].date", $1.date) }
        dates += bundle.outcomes.enumerated().map { ("outcomes[\($0)].date", $1.date) }
        dates += bundle.moves.enumerated().map { ("moves[\($0)].movedOn", $1.movedOn) }
        for (index, consent) in bundle.consents.enumerated() {
            dates += [("consents[\(index)].givenOn", consent.givenOn), ("consents[\(index)].withdrawnOn", consent.withdrawnOn)]
        }
        dates += bundle.notes.enumerated().map { ("notes[\($0)].writtenOn", $1.writtenOn) }
        dates += bundle.attachments.enumerated().map { ("attachments[\($0)].addedOn", $1.addedOn) }
        if let (field, date) = dates.first(where: { ($0.1 ?? limit) > limit }), let date {
            return Message("meaning.future", ["field": .text(field), "date": .text(date.iso)])
        }
        return nil
    }

    func attachments() -> Message? {
        var refs: Set<String> = []
        for (index, attachment) in bundle.attachments.enumerated() {
            guard attachment.size >= 0 else { return Message("meaning.attachmentSize", ["field": .text("attachments[\(index)].size"), "value": .text(String(attachment.size))]) }
            guard refs.insert(attachment.ref).inserted else { return Message("meaning.attachmentTwice", ["field": .text("attachments[\(index)].ref"), "ref": .text(attachment.ref)]) }
        }
        return nil
    }
}
