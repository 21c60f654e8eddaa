import Foundation
import GRDB
import PluginKit

// MARK: - Offer before purge: the archive decides what of lasting value it keeps

extension CaseStore {
    /// Archived cases past retention that were never offered, as the offer list
    /// describes them.
    public func offerCandidates(retentionYears: Int, on date: LocalDate) throws -> [ArchiveOfferCase] {
        let due = try purgeCandidates(retentionYears: retentionYears, on: date)
        return try read(.archive) { db in
            let offered = Set(try Int64.fetchAll(db, ArchiveOffer.select(ArchiveOffer.Columns.caseId)))
            return try due.filter { !offered.contains($0.caseId) }.map { candidate in
                let caseFile = try CaseFile.existing(candidate.caseId, db)
                let members = try Int64.fetchAll(db, HouseholdMember.ofCase(caseFile).select(HouseholdMember.Columns.personId))
                let countries = try Person.fetchAll(db, keys: members).compactMap(\.country)
                let topics = try Conversation.ofCase(candidate.caseId).fetchAll(db).flatMap { $0.topics.split(separator: ";").map(String.init) }
                return ArchiveOfferCase(caseId: candidate.caseId, kind: caseFile.kind, municipality: try Municipality.fetchOne(db, key: caseFile.municipalityId)?.name ?? "",
                                        begin: caseFile.supportStart ?? caseFile.waitlistedOn, closedOn: candidate.closedOn, closureReason: caseFile.closureReason,
                                        persons: members.count, countries: Array(Set(countries)).sorted(), topics: Array(Set(topics)).sorted(),
                                        retentionEnds: candidate.closedOn.adding(months: 12 * retentionYears))
            }
        }
    }

    /// Marks the cases of an offer list as offered under `process`, in one transaction
    /// (audited per case).
    public func markOffered(_ caseIds: [Int64], process: String, on date: LocalDate) throws {
        try write(.archive) { audit in
            for caseId in caseIds {
                try ArchiveOffer(caseId: caseId, process: process, objectId: Xdomea.objectId(process: process, "case-\(caseId)"), offeredOn: date).insert(audit.db)
                try audit.record(.update, "archiveOffer", id: caseId, caseId: caseId, field: "offered", value: .some(process))
            }
        }
    }

    /// The offers of a process; a process this installation never started is refused.
    func offers(ofProcess process: String, _ db: Database) throws -> [ArchiveOffer] {
        let offers = try ArchiveOffer.ofProcess(process).fetchAll(db)
        guard !offers.isEmpty else { throw ReceiptError.reply(Message("xdomea.unknownProcess", ["process": .text(process)])) }
        return offers
    }

    /// Records the archive's appraisal (0502) in one transaction: every object must be
    /// a case offered in this process and not yet purged; A keeps it for the archive,
    /// V lets it be deleted, B (still to appraise) records nothing. Returns the cases
    /// with what was decided.
    public func recordAppraisal(process: String, decisions: [(objectId: String, code: String)], on date: LocalDate) throws -> [(caseId: Int64, decision: String?)] {
        try write(.archive) { audit in
            let offers = Dictionary(uniqueKeysWithValues: try offers(ofProcess: process, audit.db).map { ($0.objectId, $0) })
            return try decisions.map { objectId, code in
                guard var offer = offers[objectId.lowercased()] else { throw ReceiptError.reply(Message("xdomea.notOffered", ["object": .text(objectId)])) }
                guard offer.purgedOn == nil else { throw ReceiptError.reply(Message("xdomea.alreadyPurged", ["case": .number(offer.caseId)])) }
                guard offer.handedOffOn == nil else { throw ReceiptError.reply(Message("xdomea.alreadyHandedOff", ["case": .number(offer.caseId)])) }
                let decision: ArchiveOffer.Decision? = switch code { case "A": .archive; case "V": .destroy; default: nil }
                guard let decision else { return (offer.caseId, nil) }
                offer.decision = decision
                offer.decidedOn = date
                try offer.update(audit.db)
                try audit.record(.update, "archiveOffer", id: offer.caseId, caseId: offer.caseId, field: "decision", value: .some(decision.rawValue))
                return (offer.caseId, decision.rawValue)
            }
        }
    }

    /// Refuses a process this installation never started.
    public func requireOfferProcess(_ process: String) throws {
        _ = try read(.archive) { try offers(ofProcess: process, $0) }
    }

    /// The 0504: the archive received the offer list.
    public func recordOfferReceived(process: String, on date: LocalDate) throws -> Int {
        try write(.archive) { audit in
            let offers = try offers(ofProcess: process, audit.db)
            for var offer in offers where offer.offerReceivedOn == nil {
                offer.offerReceivedOn = date
                try offer.update(audit.db)
                try audit.record(.update, "archiveOffer", id: offer.caseId, caseId: offer.caseId, field: "offerReceived", value: .some(date.iso))
            }
            return offers.count
        }
    }

    /// Cases the archive takes and has not been sent yet, by process, with their
    /// archive bundle.
    public func handoffCases() throws -> [(process: String, cases: [(caseId: Int64, objectId: String, bundleFile: String)])] {
        try read(.archive) { db in
            let offers = try ArchiveOffer.toHandOff.fetchAll(db)
            let files = Dictionary(uniqueKeysWithValues: try ArchiveEntry.index.fetchAll(db).map { ($0.caseId, $0.bundleFile) })
            return Dictionary(grouping: offers, by: \.process).sorted { $0.key < $1.key }.map { process, offers in
                (process, offers.compactMap { offer in files[offer.caseId].map { (offer.caseId, offer.objectId, $0) } })
            }
        }
    }

    public func markHandedOff(_ caseIds: [Int64], on date: LocalDate) throws {
        try write(.archive) { audit in
            for caseId in caseIds {
                guard var offer = try ArchiveOffer.fetchOne(audit.db, key: caseId) else { continue }
                offer.handedOffOn = date
                try offer.update(audit.db)
                try audit.record(.update, "archiveOffer", id: caseId, caseId: caseId, field: "handedOff", value: .some(date.iso))
            }
        }
    }

    /// The archive's 0506 for a process: the cases it confirmed (with its reference)
    /// and those it refused (with its words). Each object must be a case handed to it.
    public func archiveImport(process: String, results: [XdomeaReply.Object]) throws -> (confirmed: [(ArchiveCandidate, String?)], refused: [(caseId: Int64, problems: [String])]) {
        try read(.archive) { db in
            let offers = Dictionary(uniqueKeysWithValues: try offers(ofProcess: process, db).map { ($0.objectId, $0) })
            var confirmed: [(ArchiveCandidate, String?)] = []
            var refused: [(caseId: Int64, problems: [String])] = []
            for result in results {
                guard let offer = offers[result.id] else { throw ReceiptError.reply(Message("xdomea.notOffered", ["object": .text(result.id)])) }
                // A confirmation read again after an interrupted run: what went, went.
                if offer.purgedOn != nil, result.succeeded { continue }
                guard offer.purgedOn == nil else { throw ReceiptError.reply(Message("xdomea.alreadyPurged", ["case": .number(offer.caseId)])) }
                guard offer.handedOffOn != nil else { throw ReceiptError.reply(Message("xdomea.notHandedOff", ["case": .number(offer.caseId)])) }
                if result.succeeded, let entry = try ArchiveEntry.fetchOne(db, key: offer.caseId) {
                    confirmed.append((ArchiveCandidate(caseId: entry.caseId, closedOn: entry.closedOn, bundleFile: entry.bundleFile, archivedOn: entry.archivedOn),
                                      result.archiveRef))
                } else {
                    refused.append((offer.caseId, result.problems))
                }
            }
            return (confirmed, refused)
        }
    }

    /// How each archived case past retention stands towards deletion.
    public func purgeStandings(retentionYears: Int, offer: Bool, answerMonths: Int, on date: LocalDate) throws -> [(ArchiveCandidate, PurgeStanding)] {
        let due = try purgeCandidates(retentionYears: retentionYears, on: date)
        guard offer else { return due.map { ($0, .offerOff) } }
        let offers = try read(.archive) { db in Dictionary(uniqueKeysWithValues: try ArchiveOffer.fetchAll(db).map { ($0.caseId, $0) }) }
        return due.map { candidate in
            guard let offer = offers[candidate.caseId] else { return (candidate, .notOffered) }
            switch offer.decision {
            case .destroy: return (candidate, .declined(offer.decidedOn ?? offer.offeredOn))
            case .archive: return (candidate, .toArchive)
            case nil:
                let deadline = offer.offeredOn.adding(months: answerMonths)
                return (candidate, deadline < date ? .unanswered(offer.offeredOn) : .awaitingAnswer(until: deadline))
            }
        }
    }

    /// What `due` and `doctor` warn of, as counts: cases past retention never offered
    /// (so a county does not silently stop deleting), and offers past the deadline
    /// without an answer (`batch purge` may delete them; the archive may still want to know).
    public func archiveOfferBacklog(deployment: Deployment, on date: LocalDate) throws -> (neverOffered: Int, unanswered: Int) {
        let standings = try purgeStandings(retentionYears: deployment.retentionYears, offer: true, answerMonths: deployment.archiveAnswerMonths, on: date)
        return (standings.filter { $0.1 == .notOffered }.count, standings.filter { if case .unanswered = $0.1 { true } else { false } }.count)
    }
}
