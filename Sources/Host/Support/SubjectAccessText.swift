import Foundation
import LotseCore
import PluginKit

/// The subject access report (Art. 15 GDPR) in plain language, as a template model:
/// the templates `subject-access-text` and `subject-access-html` lay it out.
struct SubjectAccessText {
    let access: SubjectAccess
    let catalog: Catalog

    private func text(_ key: String, _ arguments: [String: TextValue] = [:]) -> String { catalog.render(Message(key, arguments)) }
    private var voice: Voice { Voice(catalog: catalog) }
    private func date(_ value: LocalDate?) -> String { value.map(catalog.date) ?? "–" }

    var sections: [(title: String, lines: [String])] {
        let a = access
        let name = a.identity.map { "\($0.givenNames) \($0.familyName)" } ?? text("access.nameErased")
        func field(_ key: String, _ value: String) -> String { text("access.field", ["label": .label(key), "value": .text(value)]) }
        var person = [field("access.name", name),
                      field("access.birth", a.person.birthYearOnly ? String(a.person.birthDate.year) : date(a.person.birthDate)),
                      field("access.sex", catalog.format(a.person.sex.label)), field("access.arrival", date(a.person.arrivalDate)),
                      field("access.prospect", catalog.format(a.person.stayProspect.label)),
                      field("access.country", a.person.countryLabel.map(catalog.format) ?? "–"),
                      field("access.residenceCode", a.person.residenceLabel.map(catalog.format) ?? "–")]
        if let identity = a.identity {
            person += [field("access.residence", identity.residenceStatus ?? "–"), field("access.languages", identity.languages ?? "–"),
                       field("access.interpreter", text(identity.interpreterNeeded ? "answer.yes" : "answer.no")),
                       field("access.phone", identity.phone ?? "–"), field("access.address", identity.address ?? "–")]
        }
        return [
            ("access.person", person),
            ("access.cases", a.cases.map {
                text($0.closedOn == nil ? "access.case" : "access.caseClosed", ["case": .number($0.caseId), "municipality": .text($0.municipality),
                                                                                 "status": $0.status.label, "opened": .text(date($0.openedOn)), "closed": .optionalDate($0.closedOn)])
            }),
            ("access.answers", a.answers.map { text("access.answer", ["question": .text($0.questionId), "value": .text($0.value), "at": .text($0.givenAt)]) }),
            ("access.goals", a.goals.map { text("access.goal", ["title": .text($0.title), "status": $0.status.label, "due": .date($0.dueOn)]) }),
            ("access.conversations", a.conversations.map {
                text("access.conversation", ["date": .date($0.date), "kind": $0.kind.label, "topics": .text($0.topics.replacingOccurrences(of: ";", with: ", "))])
            }),
            ("access.outcomes", a.outcomes.map { text("access.outcome", ["date": .date($0.date), "kind": .text("\($0.module) \($0.kind)"), "value": .text($0.value ?? "")]) }),
            ("access.consents", a.consents.map {
                text($0.withdrawnOn == nil ? "access.consent" : "access.consentWithdrawn",
                     ["scope": .text($0.scope), "to": .text($0.recipient), "date": .date($0.givenOn), "withdrawn": .optionalDate($0.withdrawnOn)])
            }),
            ("access.transfers", a.transfers.map {
                text($0.kind == "handover" ? "access.handover" : "access.referral",
                     ["date": .date($0.on), "to": $0.kind == "referral" ? .label("service.\($0.to)") : .text($0.to), "what": .text($0.what), "basis": .message(basis($0.basis))])
            }),
            ("access.files", a.attachments.map { text("access.file", ["name": .text($0.originalName), "bytes": .text(String($0.size)), "date": .date($0.addedOn)]) }),
            ("access.accesses", a.accesses.map {
                text($0.field == nil ? "access.access" : "access.accessField",
                     ["at": .text(voice.auditTime($0.at)), "actor": .text($0.actor), "action": .text(voice.auditAction($0.action)),
                      "record": .text(voice.auditRecord($0.entity, $0.entityId)), "field": .text($0.field ?? "")])
            }),
        ].map { (text($0.0), $0.1) }
    }

    /// The legal basis of a transfer, as the store describes it.
    private func basis(_ basis: SubjectAccess.Basis) -> Message {
        switch basis {
        case .consent(let id, let givenOn): Message("access.basis.consent", ["consent": .number(id), "date": .date(givenOn)])
        case .counselling: "access.basis.counselling"
        case .withoutConsent(let reason): Message("access.basis.withoutConsent", ["reason": .text(reason ?? "–")])
        }
    }

    func model() -> [String: Any] {
        [
            "lang": catalog.locale,
            "title": text("access.title", ["date": .date(access.createdOn)]),
            "none": text("access.none"),
            "sections": sections.map { ["title": $0.title, "lines": $0.lines, "empty": $0.lines.isEmpty] as [String: Any] },
        ]
    }
}
