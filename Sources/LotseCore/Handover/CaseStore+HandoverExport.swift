import Foundation
import GRDB
import PluginKit

// MARK: - Handover: what a bundle carries out of the store

extension CaseStore {
    /// Everything recorded about a case as a bundle, and the attachment files it names
    /// (an audited read). Refuses without a consent to pass the case to the receiver,
    /// unless a reason is given (which is audited).
    public func exportBundle(_ caseId: Int64, to receiver: String, on date: LocalDate, excluding excluded: Set<String> = [],
                             withoutConsent reason: String? = nil, purpose: String = "handover") throws -> (bundle: CaseBundle, files: [String: URL]) {
        // An archive bundle is written by an admin who never sees it; a handover is case work.
        try write(purpose == "archive" ? .archive : .writeCases, case: caseId) { audit in
            let db = audit.db
            let caseFile = try CaseFile.existing(caseId, db)
            if purpose == "handover" {
                guard caseFile.status == .active || caseFile.status == .waiting else {
                    throw UsageError("handover.notHandoverable", ["case": .number(caseId), "status": caseFile.status.label])
                }
                let consents = try Consent.ofCase(caseId).fetchAll(db)
                let consented = consents.contains { ["handover", "all"].contains($0.scope.lowercased()) && $0.recipient.lowercased() == receiver.lowercased() && $0.isValid(on: date) }
                if !consented {
                    guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                        throw UsageError("handover.noConsent", ["case": .number(caseId), "receiver": .text(receiver), "date": .date(date)])
                    }
                    try audit.record(.read, "caseFile", id: caseId, caseId: caseId, field: "handoverWithoutConsent", value: .some(reason))
                }
            }
            try audit.record(.read, "caseFile", id: caseId, caseId: caseId, field: "export:\(purpose)")
            let detail = try CaseBundleBuilder(db: db, caseFile: caseFile, excluded: excluded).build()
            let municipality = try Municipality.fetchOne(db, key: caseFile.municipalityId)!.name
            let staff = try caseFile.staffId.flatMap { try Staff.fetchOne(db, key: $0)?.name }
            let bundle = CaseBundle(
                schema: CaseBundle.schemaVersion, bundleId: UUID().uuidString.lowercased(), purpose: purpose,
                sender: .init(municipality: municipality, caseId: caseId, staff: staff), receiver: receiver, exportedOn: date,
                excludedModules: excluded.sorted(), withoutConsentReason: reason,
                caseFile: .init(kind: caseFile.kind, status: caseFile.status, waitlistedOn: caseFile.waitlistedOn, openedOn: caseFile.openedOn,
                                closedOn: caseFile.closedOn, closureReason: caseFile.closureReason, justifiedExtension: caseFile.justifiedExtension,
                                nextReviewOn: caseFile.nextReviewOn),
                persons: detail.persons, answers: detail.answers, agreements: detail.agreements, conversations: detail.conversations,
                referrals: detail.referrals, outcomes: detail.outcomes, moves: detail.moves, consents: detail.consents, notes: detail.notes,
                attachments: detail.attachments)
            let files = Dictionary(uniqueKeysWithValues: detail.storedNames.map { ($0.key, attachmentsFolder.appendingPathComponent($0.value)) })
            return (bundle, files)
        }
    }

    /// Marks the sender's case handed over, after its bundle was written and read back.
    public func markHandedOver(_ caseId: Int64, bundleId: String, receiver: String, on date: LocalDate, sha256: String, withoutConsent: String?) throws {
        try write(.writeCases, case: caseId) { audit in
            let old = try CaseFile.existing(caseId, audit.db)
            var new = old
            new.status = .handedOver
            new.closedOn = max(date, old.openedOn ?? date)
            new.closureReason = "moved_away"
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: caseId, caseId: caseId, action: .close)
            try audit.db.execute(sql: """
                INSERT INTO handover (caseId, direction, bundleId, counterpart, handedOverOn, sha256, withoutConsentReason) VALUES (?, 'out', ?, ?, ?, ?, ?)
                """, arguments: [caseId, bundleId, receiver, date, sha256, withoutConsent])
            try audit.record(.update, "handover", id: audit.db.lastInsertedRowID, caseId: caseId, field: "out", value: .some(receiver))
        }
    }
}

/// Reads a case's records into bundle form, with bundle-local references.
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

    private func module(_ id: String) -> String { String(id.prefix { $0 != "." }) }

    func build() throws -> Parts {
        let caseId = caseFile.id!
        var parts = Parts()
        var refs: [Int64: String] = [:]
        for member in try HouseholdMember.ofCase(caseFile).fetchAll(db) {
            let person = try Person.fetchOne(db, key: member.personId)!
            let identity = try PersonIdentity.fetchOne(db, key: member.personId)
            let ref = "p\(refs.count + 1)"
            refs[member.personId] = ref
            parts.persons.append(.init(ref: ref, birthDate: person.birthDate, birthYearOnly: person.birthYearOnly, sex: person.sex,
                                       arrivalDate: person.arrivalDate, stayProspect: person.stayProspect, familyName: identity?.familyName,
                                       givenNames: identity?.givenNames, residenceStatus: identity?.residenceStatus, languages: identity?.languages,
                                       interpreterNeeded: identity?.interpreterNeeded ?? false, phone: identity?.phone, address: identity?.address,
                                       memberFrom: member.fromDate, memberTo: member.toDate, isCasePerson: caseFile.personId == member.personId))
        }
        parts.answers = try Answer.ofCase(caseId).fetchAll(db).filter { !excluded.contains(module($0.questionId)) }.map {
            .init(person: $0.personId.flatMap { refs[$0] }, questionId: $0.questionId, value: $0.value, givenAt: $0.givenAt)
        }
        for agreement in try Agreement.ofCase(caseId).fetchAll(db) {
            let goals = try Goal.ofAgreement(agreement.id).fetchAll(db).filter { !excluded.contains($0.module) }
            var goalData: [CaseBundle.GoalData] = []
            for goal in goals {
                let reviews = try GoalReview.ofGoal(goal.id).fetchAll(db).map {
                    CaseBundle.ReviewData(reviewedOn: $0.reviewedOn, result: $0.result, newDueOn: $0.newDueOn, note: $0.note)
                }
                goalData.append(CaseBundle.GoalData(person: goal.personId.flatMap { refs[$0] }, module: goal.module, template: goal.template,
                                                    title: goal.title, dueOn: goal.dueOn, responsible: goal.responsible, status: goal.status,
                                                    statusOn: goal.statusOn, note: goal.note, reviews: reviews))
            }
            parts.agreements.append(CaseBundle.AgreementData(signedOn: agreement.signedOn, nextReviewOn: agreement.nextReviewOn, goals: goalData))
        }
        parts.conversations = try Conversation.ofCase(caseId).fetchAll(db).map {
            .init(date: $0.date, kind: $0.kind, topics: $0.topics.split(separator: ";").map(String.init).filter { !excluded.contains($0) }, note: $0.note)
        }
        parts.referrals = try Referral.ofCase(caseId).fetchAll(db).map {
            .init(person: $0.personId.flatMap { refs[$0] }, date: $0.date, service: $0.service, problem: $0.problem, outcome: $0.outcome)
        }
        parts.outcomes = try Outcome.ofPersons(refs.keys).fetchAll(db)
            .filter { !excluded.contains($0.module) }
            .map { .init(person: refs[$0.personId]!, module: $0.module, kind: $0.kind, value: $0.value, date: $0.date) }
        parts.moves = try Move.ofCase(caseId).fetchAll(db).map {
            .init(movedOn: $0.movedOn, destination: $0.destination, leavesMunicipality: $0.leavesMunicipality)
        }
        var fileRefs: [Int64: String] = [:]
        for attachment in try Attachment.ofCase(caseId).fetchAll(db) {
            let ref = "f\(fileRefs.count + 1)"
            fileRefs[attachment.id!] = ref
            parts.storedNames[ref] = attachment.storedName
            parts.attachments.append(.init(ref: ref, file: "data/files/\(ref)", originalName: attachment.originalName, sha256: attachment.sha256,
                                           size: attachment.size, addedOn: attachment.addedOn))
        }
        parts.consents = try Consent.ofCase(caseId).fetchAll(db).map {
            .init(person: $0.personId.flatMap { refs[$0] }, scope: $0.scope, recipient: $0.recipient, givenOn: $0.givenOn,
                  withdrawnOn: $0.withdrawnOn, attachment: $0.attachmentId.flatMap { fileRefs[$0] })
        }
        parts.notes = try CaseNote.ofCase(caseId).fetchAll(db).map { .init(writtenOn: $0.writtenOn, text: $0.text) }
        return parts
    }
}
