import Foundation
import GRDB
import PluginKit

/// What a reply to an xdomea handover changed.
public enum XdomeaReplyOutcome: Sendable, Equatable {
    /// 0402, the case file imported: the handover's receipt.
    case imported
    /// 0402, the import failed; the receiver's words, as received.
    case failed([String])
    /// 0403: the package arrived.
    case delivered
    /// Recorded before; nothing changed.
    case already
}

// MARK: - Replies to an xdomea handover

extension CaseStore {
    /// Records a reply to a 0401 sent from here, in one transaction. The process id
    /// must be one this installation sent, and a 0402 must report on its `Akte`. An
    /// xdomea reply carries no signature; knowing the process id (a random UUID only
    /// sender and receiver saw) and the object's id is what ties it to the handover.
    public func recordXdomeaReply(_ reply: XdomeaReply, on date: LocalDate) throws -> (caseId: Int64, outcome: XdomeaReplyOutcome) {
        let sent = try read(.writeCases) { try Handover.bundle(reply.process, .sent).fetchOne($0) }
        guard var sent, let handoverId = sent.id else { throw ReceiptError.unknownBundle(reply.process) }
        let caseId = sent.caseId
        let before = sent
        let outcome: XdomeaReplyOutcome
        switch reply.message {
        case .importBestaetigen:
            let akte = Xdomea.objectId(process: reply.process, "akte")
            guard let object = reply.objects.first(where: { $0.id == akte }) else { throw ReceiptError.reply("xdomea.replyObject") }
            if sent.receiptOn != nil { return (caseId, .already) }
            if object.succeeded {
                sent.receiptOn = date
                sent.importFailure = nil
                outcome = .imported
            } else {
                let problems = object.problems.filter { !$0.isEmpty }.map { String($0.prefix(500)) }
                sent.importFailure = problems.isEmpty ? "-" : problems.joined(separator: "\n")
                outcome = .failed(problems)
            }
        case .empfangBestaetigen:
            if sent.deliveredOn != nil { return (caseId, .already) }
            sent.deliveredOn = date
            outcome = .delivered
        default:
            throw ReceiptError.reply("xdomea.notReply")
        }
        try write(.writeCases, case: caseId) { audit in
            try sent.update(audit.db)
            try audit.updated(from: before, to: sent, id: handoverId, caseId: caseId)
        }
        return (caseId, outcome)
    }
}
