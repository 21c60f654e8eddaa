import PluginKit

/// A counselling conversation with one person or the family.
public struct Conversation: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var date: LocalDate
    public var kind: ConversationKind
    /// Module ids the conversation was about, separated by ";".
    public var topics: String
    public var note: String?
    public var staffId: Int64?
    public var sourceRef: String?
    public var origin: String?

    public init(id: Int64? = nil, caseId: Int64, date: LocalDate, kind: ConversationKind, topics: [String], note: String? = nil,
                staffId: Int64? = nil, sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.caseId = caseId
        self.date = date
        self.kind = kind
        self.topics = topics.joined(separator: ";")
        self.note = note
        self.staffId = staffId
        self.sourceRef = sourceRef
        self.origin = origin
    }
}

/// A referral to, or joint work with, a regular service (Regeldienst) on a problem.
public struct Referral: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var personId: Int64?
    public var date: LocalDate
    /// A services.json id.
    public var service: String
    public var problem: String
    public var outcome: String?
    public var sourceRef: String?
    public var origin: String?

    public init(id: Int64? = nil, caseId: Int64, personId: Int64? = nil, date: LocalDate, service: String, problem: String,
                outcome: String? = nil, sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.caseId = caseId
        self.personId = personId
        self.date = date
        self.service = service
        self.problem = problem
        self.outcome = outcome
        self.sourceRef = sourceRef
        self.origin = origin
    }
}

/// A dated result for a person, of a kind a module owns: what reports count.
public struct Outcome: Sendable, Equatable, Codable {
    public var id: Int64?
    public var personId: Int64
    public var caseId: Int64?
    public var module: String
    public var kind: String
    public var value: String?
    public var date: LocalDate
    public var sourceRef: String?
    public var origin: String?

    public init(id: Int64? = nil, personId: Int64, caseId: Int64? = nil, module: String, kind: String, value: String? = nil,
                date: LocalDate, sourceRef: String? = nil, origin: String? = nil) {
        self.id = id
        self.personId = personId
        self.caseId = caseId
        self.module = module
        self.kind = kind
        self.value = value
        self.date = date
        self.sourceRef = sourceRef
        self.origin = origin
    }
}

/// The household moved out on a date; `leavesMunicipality` makes batch close apply.
public struct Move: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var householdId: Int64
    public var movedOn: LocalDate
    public var destination: String
    public var leavesMunicipality: Bool

    public init(id: Int64? = nil, caseId: Int64, householdId: Int64, movedOn: LocalDate, destination: String, leavesMunicipality: Bool) {
        self.id = id
        self.caseId = caseId
        self.householdId = householdId
        self.movedOn = movedOn
        self.destination = destination
        self.leavesMunicipality = leavesMunicipality
    }
}

/// What data may be passed to whom, given and possibly withdrawn on dates.
public struct Consent: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var personId: Int64?
    /// What may be passed on, e.g. "handover", "referral", or a module id.
    public var scope: String
    /// To whom: a municipality or service.
    public var recipient: String
    public var givenOn: LocalDate
    public var withdrawnOn: LocalDate?
    /// The scanned, signed form.
    public var attachmentId: Int64?

    public init(id: Int64? = nil, caseId: Int64, personId: Int64? = nil, scope: String, recipient: String, givenOn: LocalDate,
                withdrawnOn: LocalDate? = nil, attachmentId: Int64? = nil) {
        self.id = id
        self.caseId = caseId
        self.personId = personId
        self.scope = scope
        self.recipient = recipient
        self.givenOn = givenOn
        self.withdrawnOn = withdrawnOn
        self.attachmentId = attachmentId
    }

    /// Whether the consent stands on a date.
    public func isValid(on date: LocalDate) -> Bool { givenOn <= date && (withdrawnOn.map { date < $0 } ?? true) }
}

/// A file kept with a case, copied into lotse's data folder (mode 0600).
public struct Attachment: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    /// The name the file had; shown to users, never used as a path.
    public var originalName: String
    /// The generated name in the attachments folder.
    public var storedName: String
    public var sha256: String
    public var size: Int64
    public var addedOn: LocalDate

    public init(id: Int64? = nil, caseId: Int64, originalName: String, storedName: String, sha256: String, size: Int64, addedOn: LocalDate) {
        self.id = id
        self.caseId = caseId
        self.originalName = originalName
        self.storedName = storedName
        self.sha256 = sha256
        self.size = size
        self.addedOn = addedOn
    }
}

/// A free-text note on a case.
public struct CaseNote: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var writtenOn: LocalDate
    public var text: String
    public var staffId: Int64?

    public init(id: Int64? = nil, caseId: Int64, writtenOn: LocalDate, text: String, staffId: Int64? = nil) {
        self.id = id
        self.caseId = caseId
        self.writtenOn = writtenOn
        self.text = text
        self.staffId = staffId
    }
}

/// Network work: a contact with a local partner (municipality, club, volunteers, employers).
public struct NetworkContact: Sendable, Equatable, Codable {
    public var id: Int64?
    public var municipalityId: Int64
    public var staffId: Int64?
    public var date: LocalDate
    public var partnerKind: String
    public var partner: String
    public var sourceRef: String?

    public init(id: Int64? = nil, municipalityId: Int64, staffId: Int64? = nil, date: LocalDate, partnerKind: String, partner: String,
                sourceRef: String? = nil) {
        self.id = id
        self.municipalityId = municipalityId
        self.staffId = staffId
        self.date = date
        self.partnerKind = partnerKind
        self.partner = partner
        self.sourceRef = sourceRef
    }
}
