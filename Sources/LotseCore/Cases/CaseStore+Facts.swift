import Foundation
import GRDB
import PluginKit

// MARK: - Facts recorded on a case

extension CaseStore {
    public func addConversation(_ caseId: Int64, on date: LocalDate, kind: ConversationKind, topics: [String], note: String?) throws -> Conversation {
        for topic in topics where !vocabulary.isTopic(topic) {
            throw UsageError("error.unknownTopic", ["topic": .text(topic), "known": .list(vocabulary.topics.map { .text($0) })])
        }
        return try insertFact(caseId, on: date, as: .conversation) { caseFile in
            Conversation(caseId: caseId, date: date, kind: kind, topics: topics, note: note, staffId: caseFile.staffId)
        }
    }

    public func addReferral(_ caseId: Int64, personId: Int64?, on date: LocalDate, service: String, problem: String, outcome: String?) throws -> Referral {
        if let problem = vocabulary.serviceProblem(service) { throw UsageError(problem) }
        return try insertFact(caseId, person: personId, on: date, as: .referral) { _ in
            Referral(caseId: caseId, personId: personId, date: date, service: service, problem: problem, outcome: outcome)
        }
    }

    /// Records an outcome for a person of the case.
    public func addOutcome(_ caseId: Int64, personId: Int64, module: String, kind: String, value: String?, on date: LocalDate) throws -> Outcome {
        if let problem = vocabulary.problem(module: module, kind: kind, value: value) { throw UsageError(problem) }
        let normalized = kind == "level_reached" ? value?.uppercased() : value
        return try insertFact(caseId, person: personId, on: date, as: .outcome) { _ in
            Outcome(personId: personId, caseId: caseId, module: module, kind: kind, value: normalized, date: date)
        }
    }

    public func recordMove(_ caseId: Int64, on date: LocalDate, to destination: String, leavesMunicipality: Bool) throws -> Move {
        try insertFact(caseId, on: date, as: .move) { caseFile in
            Move(caseId: caseId, householdId: caseFile.householdId, movedOn: date, destination: destination, leavesMunicipality: leavesMunicipality)
        }
    }

    public func addConsent(_ caseId: Int64, personId: Int64?, scope: String, recipient: String, givenOn: LocalDate, form: URL?) throws -> Consent {
        try FactDate.consent.check(givenOn)
        if form != nil { try read(.writeCases, case: caseId) { _ in } }  // the role and the case first, then the user's file
        let stored = try form.map { try storeFile($0, limit: attachmentLimit) }
        return try write(.writeCases, case: caseId) { audit in
            let caseFile = try CaseFile.existing(caseId, audit.db)
            try FactDate.consent.check(givenOn, notBefore: caseFile.startedOn)
            if let personId { try Self.checkMember(personId, of: caseFile, audit.db) }
            var attachmentId: Int64?
            if let stored {
                var attachment = Attachment(caseId: caseId, originalName: form!.lastPathComponent, storedName: stored.name,
                                            sha256: stored.sha256, size: stored.size, addedOn: givenOn)
                try attachment.insert(audit.db)
                try audit.created(attachment, id: attachment.id, caseId: caseId)
                attachmentId = attachment.id
            }
            var consent = Consent(caseId: caseId, personId: personId, scope: scope, recipient: recipient, givenOn: givenOn, attachmentId: attachmentId)
            try consent.insert(audit.db)
            try audit.created(consent, id: consent.id, caseId: caseId)
            return consent
        }
    }

    public func withdrawConsent(_ consentId: Int64, on date: LocalDate) throws -> Consent {
        try FactDate.withdrawn.check(date)
        return try write(.writeCases) { audit in
            guard let old = try Consent.fetchOne(audit.db, key: consentId) else {
                throw notFound("consent", String(consentId))
            }
            try principal.authorize(.writeCases, caseId: old.caseId, audit.db)
            guard old.withdrawnOn == nil else { throw UsageError("consent.withdrawnAlready", ["consent": .number(consentId), "date": .optionalDate(old.withdrawnOn)]) }
            guard date >= old.givenOn else { throw UsageError("consent.withdrawBeforeGiven", ["consent": .number(consentId), "date": .date(old.givenOn)]) }
            var new = old
            new.withdrawnOn = date
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: consentId, caseId: old.caseId)
            return new
        }
    }

    /// Copies a file into the attachments folder and records it with the case.
    public func attach(_ caseId: Int64, file: URL, on date: LocalDate) throws -> Attachment {
        try FactDate.attachment.check(date)
        try read(.writeCases, case: caseId) { _ in }  // the role and the case first, then the user's file
        let stored = try storeFile(file, limit: attachmentLimit)
        do {
            return try insertFact(caseId, on: date, as: .attachment) { _ in
                Attachment(caseId: caseId, originalName: file.lastPathComponent, storedName: stored.name, sha256: stored.sha256,
                           size: stored.size, addedOn: date)
            }
        } catch {
            try? FileManager.default.removeItem(at: attachmentsFolder.appendingPathComponent(stored.name))
            throw error
        }
    }

    public func addNote(_ caseId: Int64, text: String, on date: LocalDate) throws -> CaseNote {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw UsageError("note.empty") }
        return try insertFact(caseId, on: date, as: .note) { caseFile in CaseNote(caseId: caseId, writtenOn: date, text: text, staffId: caseFile.staffId) }
    }

    public func addNetworkContact(municipality: String, staff: String?, on date: LocalDate, partnerKind: String, partner: String) throws -> NetworkContact {
        try FactDate.contact.check(date)
        return try write(.writeCases) { audit in
            let municipality = try Municipality.resolve(municipality, audit.db)
            try principal.authorize(.writeCases, municipalityId: municipality.id!)
            var contact = NetworkContact(municipalityId: municipality.id!, staffId: try staff.map { try Staff.resolve($0, audit.db).id! },
                                         date: date, partnerKind: partnerKind, partner: partner)
            try contact.insert(audit.db)
            try audit.created(contact, id: contact.id, caseId: nil)
            return contact
        }
    }

    /// Inserts a record belonging to an existing case (and, if given, one of its
    /// persons), dated `date`: not after today, nor before the case began or the person
    /// was born.
    func insertFact<R: IdentifiedRecord & EncodableRecord & TableRecord>(_ caseId: Int64, person: Int64? = nil, on date: LocalDate, as field: FactDate,
                                                                         _ make: (CaseFile) throws -> R) throws -> R {
        try write(.writeCases, case: caseId) { audit in
            let caseFile = try CaseFile.existing(caseId, audit.db)
            try field.check(date, notBefore: caseFile.startedOn)
            if let person {
                try Self.checkMember(person, of: caseFile, audit.db)
                try field.check(date, notBefore: try Person.fetchOne(audit.db, key: person)?.birthDate, limit: .birth)
            }
            var record = try make(caseFile)
            try record.insert(audit.db)
            try audit.created(record, id: record.id, caseId: caseId)
            return record
        }
    }

    static func checkMember(_ personId: Int64, of caseFile: CaseFile, _ db: Database) throws {
        guard try !HouseholdMember.ofCase(caseFile).about(person: personId).isEmpty(db) else {
            throw UsageError("person.notInCase", ["person": .number(personId), "case": .number(caseFile.id!)])
        }
    }

    /// Takes over a file whose checksum was just verified (an extracted bundle entry):
    /// moved under a generated name when on the same file system, else copied.
    func adoptFile(_ source: URL, sha256: String, size: Int64) throws -> (name: String, sha256: String, size: Int64) {
        try FileManager.default.createDirectory(at: attachmentsFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = UUID().uuidString.lowercased()
        if rename(source.path, attachmentsFolder.appendingPathComponent(name).path) == 0 {
            chmod(attachmentsFolder.appendingPathComponent(name).path, 0o600)
            return (name, sha256, size)
        }
        return try storeFile(source)
    }

    /// A scratch folder beside the attachments (same file system, so files move, not copy).
    public func scratchFolder() throws -> URL {
        let folder = PartialFile.scratch(in: attachmentsFolder.deletingLastPathComponent(), named: ".lotse-work")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Copies a file under a generated name (mode 0600), hashing it as it streams.
    func storeFile(_ source: URL, limit: Int64 = .max) throws -> (name: String, sha256: String, size: Int64) {
        try FileManager.default.createDirectory(at: attachmentsFolder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = UUID().uuidString.lowercased()
        let target = attachmentsFolder.appendingPathComponent(name)
        let (sha256, size): (String, Int64)
        do {
            (sha256, size) = try FileCopy.copy(from: source, to: target, limit: limit)
        } catch FileCopy.TooLarge.bytes(let limit) {
            throw UsageError("file.attachmentTooLarge", ["path": .text(source.lastPathComponent), "megabytes": .number(limit >> 20)])
        }
        return (name, sha256, size)
    }
}
