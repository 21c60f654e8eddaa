import Foundation
import GRDB
import PluginKit

// MARK: - Handover: what a bundle carries out of the store

extension CaseStore {
    /// Everything recorded about a case as a bundle, and the attachment files it names
    /// (an audited read). Refuses without a consent to pass the case to the receiver,
    /// unless a reason is given (which is audited).
    public func exportBundle(_ caseId: Int64, to receiver: String, on date: LocalDate, excluding excluded: Set<String> = [],
                             withoutConsent reason: String? = nil, purpose: CaseBundle.Purpose = .handover) throws -> (bundle: CaseBundle, files: [String: URL]) {
        // An archive bundle is written by an admin who never sees it; a handover is case work.
        try write(purpose == .archive ? .archive : .writeCases, case: caseId) { audit in
            let db = audit.db
            let caseFile = try CaseFile.existing(caseId, db)
            if purpose == .handover {
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
            try audit.record(.read, "caseFile", id: caseId, caseId: caseId, field: "export:\(purpose.rawValue)")
            let detail = try CaseBundleBuilder(db: db, caseFile: caseFile, excluded: excluded).build()
            let municipality = try Municipality.fetchOne(db, key: caseFile.municipalityId)!.name
            let staff = try caseFile.staffId.flatMap { try Staff.fetchOne(db, key: $0)?.name }
            let bundle = CaseBundle(
                schema: CaseBundle.schemaVersion, bundleId: UUID().uuidString.lowercased(), purpose: purpose.rawValue,
                sender: .init(municipality: municipality, caseId: caseId, staff: staff), receiver: receiver, exportedOn: date,
                excludedModules: excluded.sorted(), withoutConsentReason: reason,
                caseFile: .init(kind: caseFile.kind, status: caseFile.status, waitlistedOn: caseFile.waitlistedOn, openedOn: caseFile.openedOn,
                                closedOn: caseFile.closedOn, closureReason: caseFile.closureReason, justifiedExtension: caseFile.justifiedExtension,
                                nextReviewOn: caseFile.nextReviewOn, supportSince: caseFile.supportStart, extendedOn: caseFile.extendedOn,
                                extensionReason: caseFile.extensionReason),
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
            // The bundle is out already: a handover dated before the opening counts from the opening.
            try new.end(.handedOver, reason: "moved_away", on: max(date, old.openedOn ?? date))
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: caseId, caseId: caseId, action: .close)
            let handover = try Handover(caseId: caseId, direction: .sent, bundleId: bundleId, counterpart: receiver, handedOverOn: date,
                                        sha256: sha256, withoutConsentReason: withoutConsent).inserted(audit.db)
            try audit.created(handover, id: handover.id, caseId: caseId)
        }
    }

    /// The case's municipality and the receiver as an xdomea message names them: with
    /// address and authority key where this installation knows the municipality.
    func xdomeaParties(_ caseId: Int64, receiver: String) throws -> (sender: XdomeaParty, receiver: XdomeaParty) {
        try read(.writeCases) { db in
            let caseFile = try CaseFile.existing(caseId, db)
            let municipalities = try Municipality.fetchAll(db)
            func party(_ municipality: Municipality) -> XdomeaParty {
                XdomeaParty(name: municipality.name, address: municipality.address.flatMap(PostalAddress.init), authorityKey: municipality.authorityKey)
            }
            let sender = municipalities.first { $0.id == caseFile.municipalityId }.map(party) ?? XdomeaParty(name: "")
            let known = municipalities.first { $0.name.caseInsensitiveCompare(receiver) == .orderedSame }
            return (sender, known.map(party) ?? XdomeaParty(name: receiver))
        }
    }
}
