import Foundation
import GRDB
import PluginKit

/// Writes a verified bundle's records into the store, inside the caller's transaction:
/// one small step per kind of record, in the order their references need. Every fact
/// keeps its own date and is marked with where it came from; every insert is audited.
struct BundleImport {
    let bundle: CaseBundle
    let audit: AuditLog
    /// The receiving municipality and (optionally) manager.
    let municipalityId: Int64
    let staffId: Int64?
    /// The import date: the persons join the household and the case opens on it.
    let date: LocalDate
    /// The bundle's attachment files, already copied into the attachments folder.
    let stored: [String: (name: String, sha256: String, size: Int64)]

    /// "sender municipality/sender case id", on every imported fact.
    var origin: String { "\(bundle.sender.municipality)/\(bundle.sender.caseId)" }
    private var db: Database { audit.db }

    /// Creates the case and everything in it; returns the new case's id.
    func run(sha256: String, unsignedReason: String?) throws -> Int64 {
        let householdId = try insert(Household(municipalityId: municipalityId), caseId: nil)
        let (persons, casePerson) = try insertPersons(householdId: householdId)
        let caseId = try insertCase(householdId: householdId, casePerson: casePerson)
        let person = { (ref: String?) in ref.flatMap { persons[$0] } }
        for answer in bundle.answers {
            try insert(Answer(caseId: caseId, personId: person(answer.person), questionId: answer.questionId, value: answer.value, givenAt: answer.givenAt), caseId: caseId)
        }
        for agreement in bundle.agreements { try insertAgreement(agreement, caseId: caseId, person: person) }
        try GoalChange.recordMissing(db, ofCase: caseId)  // the goals' history as their rows imply it, audited
        for change in try GoalChange.ofCase(caseId).fetchAll(db) { try audit.created(change, id: change.id, caseId: caseId) }
        for data in bundle.conversations {
            try insert(Conversation(caseId: caseId, date: data.date, kind: data.kind, topics: data.topics, note: data.note, origin: origin), caseId: caseId)
        }
        for data in bundle.referrals {
            try insert(Referral(caseId: caseId, personId: person(data.person), date: data.date, service: data.service, problem: data.problem,
                                outcome: data.outcome, origin: origin), caseId: caseId)
        }
        for data in bundle.outcomes {
            try insert(Outcome(personId: persons[data.person]!, caseId: caseId, module: data.module, kind: data.kind, value: data.value,
                               date: data.date, origin: origin), caseId: caseId)
        }
        for data in bundle.moves {
            try insert(Move(caseId: caseId, householdId: householdId, movedOn: data.movedOn, destination: data.destination,
                            leavesMunicipality: data.leavesMunicipality), caseId: caseId)
        }
        let attachments = try insertAttachments(caseId: caseId)
        for data in bundle.consents {
            try insert(Consent(caseId: caseId, personId: person(data.person), scope: data.scope, recipient: data.recipient, givenOn: data.givenOn,
                               withdrawnOn: data.withdrawnOn, attachmentId: data.attachment.flatMap { attachments[$0] }), caseId: caseId)
        }
        for data in bundle.notes { try insert(CaseNote(caseId: caseId, writtenOn: data.writtenOn, text: data.text), caseId: caseId) }
        try recordHandover(caseId: caseId, sha256: sha256, unsignedReason: unsignedReason)
        return caseId
    }

    /// Inserts and audits one record; returns its id.
    @discardableResult
    private func insert<R: IdentifiedRecord & EncodableRecord & TableRecord>(_ record: R, caseId: Int64?) throws -> Int64 {
        let (record, id) = try record.insertedWithId(db)
        try audit.created(record, id: id, caseId: caseId)
        return id
    }

    /// The persons with their identities; those still members join the new household.
    /// Returns bundle ref → person id, and the case person of an individual case.
    private func insertPersons(householdId: Int64) throws -> ([String: Int64], Int64?) {
        var persons: [String: Int64] = [:]
        var casePerson: Int64?
        for data in bundle.persons {
            let id = try insert(Person(birth: data.birthYearOnly ? BirthDate(year: data.birthDate.year)! : BirthDate(data.birthDate),
                                       sex: data.sex, arrivalDate: data.arrivalDate, stayProspect: data.stayProspect,
                                       country: data.country, residence: data.residence,
                                       languageCodes: data.languageCodes ?? [], origin: origin), caseId: nil)
            persons[data.ref] = id
            if data.isCasePerson { casePerson = id }
            if let family = data.familyName, let given = data.givenNames {
                let identity = PersonIdentity(personId: id, familyName: family, givenNames: given, residenceStatus: data.residenceStatus,
                                              languages: data.languages, interpreterNeeded: data.interpreterNeeded, phone: data.phone, address: data.address)
                try identity.insert(db)
                try audit.created(identity, id: id, caseId: nil)
            }
            if data.memberTo == nil {
                let member = HouseholdMember(householdId: householdId, personId: id, fromDate: date)
                try member.insert(db)
                try audit.created(member, id: id, caseId: nil)
            }
        }
        return (persons, casePerson)
    }

    /// The new local case: active from the import date, keeping the sender's review date,
    /// extension and start of support (a `lotse-case/1` bundle's: its opening date).
    private func insertCase(householdId: Int64, casePerson: Int64?) throws -> Int64 {
        let caseFile = CaseFile(kind: bundle.caseFile.kind, householdId: householdId, personId: bundle.caseFile.kind == .individual ? casePerson : nil,
                                municipalityId: municipalityId, staffId: staffId, status: .active, waitlistedOn: date, openedOn: date,
                                justifiedExtension: bundle.caseFile.justifiedExtension, nextReviewOn: bundle.caseFile.nextReviewOn, origin: origin,
                                supportSince: bundle.caseFile.supportSince ?? bundle.caseFile.openedOn)
        var inserted = caseFile
        inserted.extendedOn = bundle.caseFile.extendedOn
        inserted.extensionReason = bundle.caseFile.extensionReason
        let (stored, caseId) = try inserted.insertedWithId(db)
        try audit.created(stored, id: caseId, caseId: caseId)
        try ScheduledReview.schedule(caseId, next: stored.nextReviewOn, on: date, held: false, audit)
        return caseId
    }

    private func insertAgreement(_ data: CaseBundle.AgreementData, caseId: Int64, person: (String?) -> Int64?) throws {
        let agreementId = try insert(Agreement(caseId: caseId, signedOn: data.signedOn, nextReviewOn: data.nextReviewOn,
                                                     interpreter: data.interpreter, origin: origin), caseId: caseId)
        for goalData in data.goals {
            let goalId = try insert(Goal(agreementId: agreementId, personId: person(goalData.person), module: goalData.module, template: goalData.template,
                                         title: goalData.title, dueOn: goalData.dueOn, responsible: goalData.responsible, status: goalData.status,
                                         statusOn: goalData.statusOn, note: goalData.note), caseId: caseId)
            for review in goalData.reviews {
                try insert(GoalReview(goalId: goalId, reviewedOn: review.reviewedOn, result: review.result, newDueOn: review.newDueOn, note: review.note), caseId: caseId)
            }
        }
    }

    /// The attachments, pointing at the copied files; returns bundle ref → attachment id.
    private func insertAttachments(caseId: Int64) throws -> [String: Int64] {
        var attachments: [String: Int64] = [:]
        for data in bundle.attachments {
            let file = stored[data.ref]!
            attachments[data.ref] = try insert(Attachment(caseId: caseId, originalName: data.originalName, storedName: file.name, sha256: file.sha256,
                                                          size: file.size, addedOn: data.addedOn), caseId: caseId)
        }
        return attachments
    }

    /// The incoming handover, so the same bundle is never imported twice.
    private func recordHandover(caseId: Int64, sha256: String, unsignedReason: String?) throws {
        let handover = try Handover(caseId: caseId, direction: .received, bundleId: bundle.bundleId, counterpart: bundle.sender.municipality,
                                    handedOverOn: date, sha256: sha256, withoutConsentReason: bundle.withoutConsentReason).inserted(db)
        let handoverId = handover.id
        try audit.created(handover, id: handoverId, caseId: caseId)
        if let unsignedReason {
            try audit.record(.import, "handover", id: handoverId, caseId: caseId, field: "allowUnsigned", value: .some(unsignedReason))
        }
    }
}
