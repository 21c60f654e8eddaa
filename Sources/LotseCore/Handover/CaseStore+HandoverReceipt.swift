import Foundation
import GRDB
import PluginKit

/// A handover as `handover list` shows it: sent or received, and for a sent one
/// whether the receiver's receipt has come back.
public struct HandoverEntry: Sendable, Codable, Equatable {
    public var caseId: Int64
    public var direction: String
    public var bundleId: String
    public var counterpart: String
    public var on: LocalDate
    public var receiptOn: LocalDate?
    /// For an xdomea handover: the receiver's 0403 (arrived), and a 0402 that reported a failed import.
    public var deliveredOn: LocalDate?
    public var importFailed: Bool
    /// A sent bundle without a receipt for longer than `receiptOverdueDays`.
    public var overdue: Bool
}

// MARK: - Handover receipts: the sender learns that the bundle arrived

extension CaseStore {
    /// Records a receiver's receipt for a bundle sent from here, in one transaction:
    /// the bundle must be one this installation sent, the checksum the one it wrote.
    /// An unsigned receipt needs a reason (audited). Returns the local case and
    /// whether it had been confirmed already (then nothing changes).
    public func confirmReceipt(_ checked: HandoverReceipt.Checked, unsignedReason: String?, on date: LocalDate) throws -> (caseId: Int64, already: Bool) {
        let receipt = checked.receipt
        if checked.signedBy == nil && (unsignedReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty { throw ReceiptError.unsigned }
        let sent = try read(.writeCases) { try Handover.bundle(receipt.bundleId, .sent).fetchOne($0) }
        guard var sent, let handoverId = sent.id else { throw ReceiptError.unknownBundle(receipt.bundleId) }
        let caseId = sent.caseId
        guard sent.sha256.lowercased() == receipt.bundleSha256.lowercased() else { throw ReceiptError.checksum(receipt.bundleId) }
        if sent.receiptOn != nil { return (caseId, true) }
        try write(.writeCases, case: caseId) { audit in
            let before = sent
            sent.receiptOn = date
            sent.receiptSignedBy = checked.signedBy
            sent.receiverCaseId = receipt.receiverCaseId
            try sent.update(audit.db)
            try audit.updated(from: before, to: sent, id: handoverId, caseId: caseId)
            if checked.signedBy == nil {
                try audit.record(.update, "handover", id: handoverId, caseId: caseId, field: "receiptUnsigned", value: .some(unsignedReason))
            }
        }
        return (caseId, false)
    }

    /// Sent and received bundles of the user's municipality (all for county-wide users),
    /// newest first.
    public func handovers(on date: LocalDate, overdueAfter days: Int) throws -> [HandoverEntry] {
        try read(.readCases) { db in
            try Handover.listed(in: municipalityScope).fetchAll(db).map { handover in
                HandoverEntry(caseId: handover.caseId, direction: handover.direction.rawValue, bundleId: handover.bundleId,
                              counterpart: handover.counterpart, on: handover.handedOverOn, receiptOn: handover.receiptOn,
                              deliveredOn: handover.deliveredOn, importFailed: handover.importFailure != nil && handover.receiptOn == nil,
                              overdue: handover.direction == .sent && handover.receiptOn == nil && handover.handedOverOn.adding(days: days) < date)
            }
        }
    }
}
