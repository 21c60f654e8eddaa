import Foundation
import PluginKit

/// What a received `case.json` must mean, beyond its shape: what `BundleReader` checks
/// after decoding, so `verify` refuses everything `import` would.
public struct BundleRules: Sendable {
    /// Modules, outcome kinds and questions a bundle's facts must name.
    public var vocabulary: Vocabulary
    /// Most persons one case may hold (`maxPersonsPerCase`).
    public var maxPersons: Int
    /// Dates after this are in the future (a birth date in 2099).
    public var today: LocalDate

    public init(vocabulary: Vocabulary, maxPersons: Int, today: LocalDate) {
        self.vocabulary = vocabulary
        self.maxPersons = maxPersons
        self.today = today
    }
}

extension CaseBundle {
    /// The first thing that cannot be true of a real case, naming the field; nil when
    /// the bundle makes sense.
    public func meaningProblem(_ rules: BundleRules) -> String? {
        var problems = MeaningProblems(bundle: self, rules: rules)
        return problems.first()
    }
}

/// One pass over a bundle's meaning; each check returns its message or nil.
private struct MeaningProblems {
    let bundle: CaseBundle
    let rules: BundleRules

    mutating func first() -> String? {
        header() ?? caseFile() ?? persons() ?? facts() ?? attachments()
    }

    func header() -> String? {
        guard ["handover", "archive"].contains(bundle.purpose) else { return "purpose is \"\(bundle.purpose)\"; expected handover or archive" }
        guard bundle.sender.caseId > 0 else { return "sender.caseId is \(bundle.sender.caseId); expected a case number above 0" }
        if let unknown = bundle.excludedModules.first(where: { rules.vocabulary.modules[$0] == nil }) {
            return "excludedModules names an unknown module \"\(unknown)\""
        }
        return nil
    }

    func caseFile() -> String? {
        let file = bundle.caseFile
        let allowed: Set<CaseStatus> = bundle.purpose == "archive" ? [.closed, .archived] : [.waiting, .active, .closed]
        guard allowed.contains(file.status) else {
            return "caseFile.status is \(file.status.rawValue), which a \(bundle.purpose) bundle cannot carry"
        }
        if let waitlisted = file.waitlistedOn, let opened = file.openedOn, opened < waitlisted {
            return "caseFile.openedOn (\(opened.iso)) lies before caseFile.waitlistedOn (\(waitlisted.iso))"
        }
        if let opened = file.openedOn, let closed = file.closedOn, closed < opened {
            return "caseFile.closedOn (\(closed.iso)) lies before caseFile.openedOn (\(opened.iso))"
        }
        for (field, date) in [("waitlistedOn", file.waitlistedOn), ("openedOn", file.openedOn), ("closedOn", file.closedOn)] {
            if let date, date > bundle.exportedOn { return "caseFile.\(field) (\(date.iso)) lies after the export on \(bundle.exportedOn.iso)" }
        }
        return nil
    }

    func persons() -> String? {
        guard !bundle.persons.isEmpty else { return "persons is empty; a case has at least one person" }
        guard bundle.persons.count <= rules.maxPersons else {
            return "persons holds \(bundle.persons.count) persons; a case holds at most \(rules.maxPersons) (maxPersonsPerCase)"
        }
        for (index, person) in bundle.persons.enumerated() {
            if person.birthDate > bundle.exportedOn || person.birthDate > rules.today {
                return "persons[\(index)].birthDate (\(person.birthDate.iso)) lies in the future"
            }
            if person.birthDate.year < 1900 { return "persons[\(index)].birthDate (\(person.birthDate.iso)) lies before 1900" }
            if let to = person.memberTo, to < person.memberFrom { return "persons[\(index)].memberTo lies before memberFrom" }
        }
        let casePersons = bundle.persons.filter(\.isCasePerson).count
        switch bundle.caseFile.kind {
        case .individual where casePersons != 1:
            return "an individual case needs exactly one person with isCasePerson, found \(casePersons)"
        case .family where casePersons != 0:
            return "a family case has no single case person, but \(casePersons) persons have isCasePerson"
        default: return nil
        }
    }

    func facts() -> String? {
        let excluded = Set(bundle.excludedModules)
        for (index, answer) in bundle.answers.enumerated() {
            guard rules.vocabulary.questions.contains(answer.questionId) else { return "answers[\(index)].questionId names an unknown question \"\(answer.questionId)\"" }
            if let module = answer.questionId.split(separator: ".").first, excluded.contains(String(module)) {
                return "answers[\(index)] belongs to module \(module), which excludedModules leaves out"
            }
            guard Timestamp.date(answer.givenAt) != nil else { return "answers[\(index)].givenAt is \"\(answer.givenAt)\"; expected a time like 2026-11-27T10:54:16Z" }
        }
        for (a, agreement) in bundle.agreements.enumerated() {
            for (g, goal) in agreement.goals.enumerated() {
                guard rules.vocabulary.modules[goal.module] != nil else { return "agreements[\(a)].goals[\(g)].module names an unknown module \"\(goal.module)\"" }
                if excluded.contains(goal.module) { return "agreements[\(a)].goals[\(g)] belongs to module \(goal.module), which excludedModules leaves out" }
            }
        }
        for (index, outcome) in bundle.outcomes.enumerated() {
            if let problem = rules.vocabulary.problem(module: outcome.module, kind: outcome.kind, value: outcome.value) { return "outcomes[\(index)]: \(problem)" }
            if excluded.contains(outcome.module) { return "outcomes[\(index)] belongs to module \(outcome.module), which excludedModules leaves out" }
        }
        return nil
    }

    func attachments() -> String? {
        var refs: Set<String> = []
        for (index, attachment) in bundle.attachments.enumerated() {
            guard attachment.size >= 0 else { return "attachments[\(index)].size is \(attachment.size); expected 0 or more bytes" }
            guard refs.insert(attachment.ref).inserted else { return "attachments[\(index)].ref \"\(attachment.ref)\" appears twice" }
        }
        return nil
    }
}
