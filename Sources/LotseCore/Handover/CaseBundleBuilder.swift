import GRDB
import PluginKit

/// Reads a case's records into bundle form, one small step per kind of record.
/// Persons and attachments get bundle-local references ("p1", "f1"), so a bundle names
/// no database id of the sender; records of excluded modules stay behind.
struct CaseBundleBuilder {
    let db: Database
    let caseFile: CaseFile
    let excluded: Set<String>

    struct Parts {
        var persons: [CaseBundle.PersonData] = []
        var answers: [CaseBundle.AnswerData] = []
        var agreements: [CaseBundle.AgreementData] = []
        var conversations: [CaseBundle.ConversationData] = []
        var referrals: [CaseBundle.ReferralData] = []
        var outcomes: [CaseBundle.OutcomeData] = []
        var moves: [CaseBundle.MoveData] = []
        var consents: [CaseBundle.ConsentData] = []
        var notes: [CaseBundle.NoteData] = []
        var attachments: [CaseBundle.AttachmentData] = []
        /// Attachment ref → stored file name in the attachments folder.
        var storedNames: [String: String] = [:]
    }

    private var caseId: Int64 { caseFile.id! }

    private func module(_ id: String) -> String { String(id.prefix { $0 != "." }) }

    func build() throws -> Parts {
        var parts = Parts()
        let refs: [Int64: String]
        (parts.persons, refs) = try persons()
        let ref = { (id: Int64?) in id.flatMap { refs[$0] } }
        parts.answers = try Answer.ofCase(caseId).fetchAll(db).filter { !excluded.contains(module($0.questionId)) }.map {
            .init(person: ref($0.personId), questionId: $0.questionId, value: $0.value, givenAt: $0.givenAt)
        }
        parts.agreements = try Agreement.ofCase(caseId).fetchAll(db).map { try agreement($0, ref: ref) }
        parts.conversations = try Conversation.ofCase(caseId).fetchAll(db).map {
            .init(date: $0.date, kind: $0.kind, topics: $0.topics.split(separator: ";").map(String.init).filter { !excluded.contains($0) }, note: $0.note)
        }
        parts.referrals = try Referral.ofCase(caseId).fetchAll(db).map {
            .init(person: ref($0.personId), date: $0.date, service: $0.service, problem: $0.problem, outcome: $0.outcome)
        }
        parts.outcomes = try Outcome.ofPersons(refs.keys).fetchAll(db).filter { !excluded.contains($0.module) }.map {
            .init(person: refs[$0.personId]!, module: $0.module, kind: $0.kind, value: $0.value, date: $0.date)
        }
        parts.moves = try Move.ofCase(caseId).fetchAll(db).map {
            .init(movedOn: $0.movedOn, destination: $0.destination, leavesMunicipality: $0.leavesMunicipality)
        }
        let fileRefs: [Int64: String]
        (parts.attachments, parts.storedNames, fileRefs) = try attachments()
        parts.consents = try Consent.ofCase(caseId).fetchAll(db).map {
            .init(person: ref($0.personId), scope: $0.scope, recipient: $0.recipient, givenOn: $0.givenOn,
                  withdrawnOn: $0.withdrawnOn, attachment: $0.attachmentId.flatMap { fileRefs[$0] })
        }
        parts.notes = try CaseNote.ofCase(caseId).fetchAll(db).map { .init(writtenOn: $0.writtenOn, text: $0.text) }
        return parts
    }

    /// The case's persons, numbered p1, p2, … in the order they joined.
    private func persons() throws -> ([CaseBundle.PersonData], [Int64: String]) {
        var refs: [Int64: String] = [:]
        let persons = try HouseholdMember.ofCase(caseFile).fetchAll(db).map { member in
            let person = try Person.fetchOne(db, key: member.personId)!
            let identity = try PersonIdentity.fetchOne(db, key: member.personId)
            let ref = "p\(refs.count + 1)"
            refs[member.personId] = ref
            return CaseBundle.PersonData(
                ref: ref, birthDate: person.birthDate, birthYearOnly: person.birthYearOnly, sex: person.sex,
                arrivalDate: person.arrivalDate, stayProspect: person.stayProspect, country: person.country, residence: person.residence,
                languageCodes: person.languages.isEmpty ? nil : person.languages,
                familyName: identity?.familyName,
                givenNames: identity?.givenNames, residenceStatus: identity?.residenceStatus, languages: identity?.languages,
                interpreterNeeded: identity?.interpreterNeeded ?? false, phone: identity?.phone, address: identity?.address,
                memberFrom: member.fromDate, memberTo: member.toDate, isCasePerson: caseFile.personId == member.personId)
        }
        return (persons, refs)
    }

    /// An agreement with its goals (of the modules that go) and their reviews.
    private func agreement(_ agreement: Agreement, ref: (Int64?) -> String?) throws -> CaseBundle.AgreementData {
        let goals = try Goal.ofAgreement(agreement.id).fetchAll(db).filter { !excluded.contains($0.module) }.map { goal in
            let reviews = try GoalReview.ofGoal(goal.id).fetchAll(db).map {
                CaseBundle.ReviewData(reviewedOn: $0.reviewedOn, result: $0.result, newDueOn: $0.newDueOn, note: $0.note)
            }
            return CaseBundle.GoalData(person: ref(goal.personId), module: goal.module, template: goal.template,
                                       title: goal.title, dueOn: goal.dueOn, responsible: goal.responsible, status: goal.status,
                                       statusOn: goal.statusOn, note: goal.note, reviews: reviews)
        }
        return CaseBundle.AgreementData(signedOn: agreement.signedOn, nextReviewOn: agreement.nextReviewOn,
                                        interpreter: agreement.interpreter, goals: goals)
    }

    /// The attachments numbered f1, f2, …, their stored files, and attachment id → ref.
    private func attachments() throws -> ([CaseBundle.AttachmentData], [String: String], [Int64: String]) {
        var refs: [Int64: String] = [:]
        var storedNames: [String: String] = [:]
        let attachments = try Attachment.ofCase(caseId).fetchAll(db).map { attachment in
            let ref = "f\(refs.count + 1)"
            refs[attachment.id!] = ref
            storedNames[ref] = attachment.storedName
            return CaseBundle.AttachmentData(ref: ref, file: "data/files/\(ref)", originalName: attachment.originalName, sha256: attachment.sha256,
                                             size: attachment.size, addedOn: attachment.addedOn)
        }
        return (attachments, storedNames, refs)
    }
}
