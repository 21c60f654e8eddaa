import Foundation
import GRDB
import PluginKit

// MARK: - Handover: a received bundle becomes a case

extension CaseStore {
    /// Creates the case a verified bundle carries, in one transaction: a new local case,
    /// active from the import date in the receiving municipality; every fact keeps its
    /// date and is marked with its origin. A bundle is imported once only.
    public func importBundle(_ bundle: CaseBundle, files: [String: URL], municipality reference: String, staff: String?,
                             on date: LocalDate, sha256: String, unsignedReason: String? = nil) throws -> Int64 {
        let origin = "\(bundle.sender.municipality)/\(bundle.sender.caseId)"
        var stored: [String: (name: String, sha256: String, size: Int64)] = [:]
        let duplicate = BundleError.duplicate(Message("bundle.importedAlready", ["bundle": .text(bundle.bundleId)]))
        func imported(_ db: Database) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM handover WHERE direction = 'in' AND bundleId = ?)", arguments: [bundle.bundleId]) == true
        }
        if try read(.writeCases, imported) { throw duplicate }
        do {
            for attachment in bundle.attachments {
                guard let file = files[attachment.ref] else { throw BundleError.manifest(Message("bundle.attachmentMissing", ["ref": .text(attachment.ref)])) }
                stored[attachment.ref] = try adoptFile(file, sha256: attachment.sha256, size: attachment.size)
            }
            return try write(.writeCases) { audit in
                let db = audit.db
                if try imported(db) { throw duplicate }
                let municipality = try Municipality.resolve(reference, db)
                try principal.authorize(.writeCases, municipalityId: municipality.id!)
                let staffId = try staff.map { try Staff.resolve($0, db).id! }
                var household = Household(municipalityId: municipality.id!)
                try household.insert(db)
                try audit.created(household, id: household.id, caseId: nil)
                var persons: [String: Int64] = [:]
                var casePerson: Int64?
                for data in bundle.persons {
                    var person = Person(birth: data.birthYearOnly ? BirthDate(year: data.birthDate.year)! : BirthDate(data.birthDate),
                                        sex: data.sex, arrivalDate: data.arrivalDate, stayProspect: data.stayProspect, origin: origin)
                    try person.insert(db)
                    try audit.created(person, id: person.id, caseId: nil)
                    persons[data.ref] = person.id!
                    if data.isCasePerson { casePerson = person.id }
                    if let family = data.familyName, let given = data.givenNames {
                        let identity = PersonIdentity(personId: person.id!, familyName: family, givenNames: given, residenceStatus: data.residenceStatus,
                                                      languages: data.languages, interpreterNeeded: data.interpreterNeeded, phone: data.phone, address: data.address)
                        try identity.insert(db)
                        try audit.created(identity, id: person.id, caseId: nil)
                    }
                    if data.memberTo == nil {
                        let member = HouseholdMember(householdId: household.id!, personId: person.id!, fromDate: date)
                        try member.insert(db)
                        try audit.created(member, id: person.id, caseId: nil)
                    }
                }
                var caseFile = CaseFile(kind: bundle.caseFile.kind, householdId: household.id!, personId: bundle.caseFile.kind == .individual ? casePerson : nil,
                                        municipalityId: municipality.id!, staffId: staffId, status: .active, waitlistedOn: date, openedOn: date,
                                        justifiedExtension: bundle.caseFile.justifiedExtension, nextReviewOn: bundle.caseFile.nextReviewOn, origin: origin)
                try caseFile.insert(db)
                let caseId = caseFile.id!
                try audit.created(caseFile, id: caseId, caseId: caseId)
                func person(_ ref: String?) -> Int64? { ref.flatMap { persons[$0] } }
                func insert<R: IdentifiedRecord & EncodableRecord & TableRecord>(_ record: R) throws {
                    var record = record
                    try record.insert(db)
                    try audit.created(record, id: record.id, caseId: caseId)
                }
                for answer in bundle.answers {
                    try insert(Answer(caseId: caseId, personId: person(answer.person), questionId: answer.questionId, value: answer.value, givenAt: answer.givenAt))
                }
                for data in bundle.agreements {
                    var agreement = Agreement(caseId: caseId, signedOn: data.signedOn, nextReviewOn: data.nextReviewOn, origin: origin)
                    try agreement.insert(db)
                    try audit.created(agreement, id: agreement.id, caseId: caseId)
                    for goalData in data.goals {
                        var goal = Goal(agreementId: agreement.id!, personId: person(goalData.person), module: goalData.module, template: goalData.template,
                                        title: goalData.title, dueOn: goalData.dueOn, responsible: goalData.responsible, status: goalData.status,
                                        statusOn: goalData.statusOn, note: goalData.note)
                        try goal.insert(db)
                        try audit.created(goal, id: goal.id, caseId: caseId)
                        for review in goalData.reviews {
                            try insert(GoalReview(goalId: goal.id!, reviewedOn: review.reviewedOn, result: review.result, newDueOn: review.newDueOn, note: review.note))
                        }
                    }
                }
                for data in bundle.conversations {
                    try insert(Conversation(caseId: caseId, date: data.date, kind: data.kind, topics: data.topics, note: data.note, origin: origin))
                }
                for data in bundle.referrals {
                    try insert(Referral(caseId: caseId, personId: person(data.person), date: data.date, service: data.service, problem: data.problem,
                                        outcome: data.outcome, origin: origin))
                }
                for data in bundle.outcomes {
                    try insert(Outcome(personId: persons[data.person]!, caseId: caseId, module: data.module, kind: data.kind, value: data.value,
                                       date: data.date, origin: origin))
                }
                for data in bundle.moves {
                    try insert(Move(caseId: caseId, householdId: household.id!, movedOn: data.movedOn, destination: data.destination,
                                    leavesMunicipality: data.leavesMunicipality))
                }
                var attachments: [String: Int64] = [:]
                for data in bundle.attachments {
                    let file = stored[data.ref]!
                    var attachment = Attachment(caseId: caseId, originalName: data.originalName, storedName: file.name, sha256: file.sha256,
                                                size: file.size, addedOn: data.addedOn)
                    try attachment.insert(db)
                    try audit.created(attachment, id: attachment.id, caseId: caseId)
                    attachments[data.ref] = attachment.id
                }
                for data in bundle.consents {
                    try insert(Consent(caseId: caseId, personId: person(data.person), scope: data.scope, recipient: data.recipient, givenOn: data.givenOn,
                                       withdrawnOn: data.withdrawnOn, attachmentId: data.attachment.flatMap { attachments[$0] }))
                }
                for data in bundle.notes { try insert(CaseNote(caseId: caseId, writtenOn: data.writtenOn, text: data.text)) }
                try db.execute(sql: """
                    INSERT INTO handover (caseId, direction, bundleId, counterpart, handedOverOn, sha256, withoutConsentReason) VALUES (?, 'in', ?, ?, ?, ?, ?)
                    """, arguments: [caseId, bundle.bundleId, bundle.sender.municipality, date, sha256, bundle.withoutConsentReason])
                let handoverId = db.lastInsertedRowID
                try audit.record(.import, "handover", id: handoverId, caseId: caseId, field: "in", value: .some(origin))
                if let unsignedReason {
                    try audit.record(.import, "handover", id: handoverId, caseId: caseId, field: "allowUnsigned", value: .some(unsignedReason))
                }
                return caseId
            }
        } catch {
            for file in stored.values { try? FileManager.default.removeItem(at: attachmentsFolder.appendingPathComponent(file.name)) }
            throw error
        }
    }
}
