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
        let sent = try read(.writeCases) { db in
            try Row.fetchOne(db, sql: "SELECT id, caseId, sha256, receiptOn FROM handover WHERE direction = 'out' AND bundleId = ?",
                             arguments: [receipt.bundleId])
        }
        guard let sent else { throw ReceiptError.unknownBundle(receipt.bundleId) }
        let caseId: Int64 = sent["caseId"], handoverId: Int64 = sent["id"]
        guard (sent["sha256"] as String).lowercased() == receipt.bundleSha256.lowercased() else { throw ReceiptError.checksum(receipt.bundleId) }
        if (sent["receiptOn"] as String?) != nil { return (caseId, true) }
        try write(.writeCases, case: caseId) { audit in
            try audit.db.execute(sql: "UPDATE handover SET receiptOn = ?, receiptSignedBy = ?, receiverCaseId = ? WHERE id = ?",
                                 arguments: [date, checked.signedBy, receipt.receiverCaseId, handoverId])
            try audit.record(.update, "handover", id: handoverId, caseId: caseId, field: "receiptOn", value: .some(date.iso))
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
            try Row.fetchAll(db, sql: """
                SELECT h.caseId, h.direction, h.bundleId, h.counterpart, h.handedOverOn, h.receiptOn
                  FROM handover h JOIN caseFile c ON c.id = h.caseId
                 WHERE ?1 IS NULL OR c.municipalityId = ?1
                 ORDER BY h.handedOverOn DESC, h.id DESC
                """, arguments: [municipalityScope]).map { row in
                let on: LocalDate = row["handedOverOn"], receiptOn: LocalDate? = row["receiptOn"], direction: String = row["direction"]
                return HandoverEntry(caseId: row["caseId"], direction: direction, bundleId: row["bundleId"], counterpart: row["counterpart"],
                                     on: on, receiptOn: receiptOn, overdue: direction == "out" && receiptOn == nil && on.adding(days: days) < date)
            }
        }
    }
}
