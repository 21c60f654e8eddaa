import Foundation
import GRDB
import PluginKit

// MARK: - Handover: a received bundle becomes a case

extension CaseStore {
    /// Creates the case a verified bundle carries, in one transaction: a new local case,
    /// active from the import date in the receiving municipality; every fact keeps its
    /// date and is marked with its origin. A bundle is imported once only.
    /// `beforeCommit` runs inside the import's transaction with the new case's id: what
    /// it throws rolls the import back.
    public func importBundle(_ bundle: CaseBundle, files: [String: URL], municipality reference: String, staff: String?,
                             on date: LocalDate, sha256: String, unsignedReason: String? = nil,
                             beforeCommit: (Int64) throws -> Void = { _ in }) throws -> Int64 {
        var stored: [String: (name: String, sha256: String, size: Int64)] = [:]
        let duplicate = BundleError.duplicate(Message("bundle.importedAlready", ["bundle": .text(bundle.bundleId)]))
        func imported(_ db: Database) throws -> Bool {
            try !Handover.bundle(bundle.bundleId, .received).isEmpty(db)
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
                let caseId = try BundleImport(bundle: bundle, audit: audit, municipalityId: municipality.id!, staffId: staffId, date: date, stored: stored)
                    .run(sha256: sha256, unsignedReason: unsignedReason)
                try beforeCommit(caseId)  // the receipt: if it cannot be written, nothing is imported
                return caseId
            }
        } catch {
            for file in stored.values { try? FileManager.default.removeItem(at: attachmentsFolder.appendingPathComponent(file.name)) }
            throw error
        }
    }
}
