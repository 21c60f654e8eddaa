import PluginKit

/// `data/case.json` of a handover or archive bundle: everything recorded about one
/// case, with references between its parts by bundle-local keys ("p1", "f1"), never by
/// database ids. The schema (resources/handover/case.schema.json) is versioned.
public struct CaseBundle: Sendable, Codable, Equatable {
    /// What lotse writes: `lotse-case/2` added a person's country of origin and coded
    /// residence status, and the case's start of support and extension (date, reason);
    /// `lotse-case/3` adds the languages a person reads, coded.
    public static let schemaVersion = "lotse-case/3"
    /// What lotse reads: older bundles import without what they lack.
    public static let readableVersions: Set<String> = ["lotse-case/1", "lotse-case/2", "lotse-case/3"]

    public struct Sender: Sendable, Codable, Equatable {
        public var municipality: String
        public var caseId: Int64
        public var staff: String?
    }

    public struct CaseData: Sendable, Codable, Equatable {
        public var kind: CaseKind
        public var status: CaseStatus
        public var waitlistedOn: LocalDate?
        public var openedOn: LocalDate?
        public var closedOn: LocalDate?
        public var closureReason: String?
        public var justifiedExtension: Bool
        public var nextReviewOn: LocalDate?
        /// Since /2: when support began (the clock a move does not reset), and when and
        /// why the extension was granted.
        public var supportSince: LocalDate?
        public var extendedOn: LocalDate?
        public var extensionReason: String?
    }

    public struct PersonData: Sendable, Codable, Equatable {
        public var ref: String
        public var birthDate: LocalDate
        public var birthYearOnly: Bool
        public var sex: Sex
        public var arrivalDate: LocalDate?
        public var stayProspect: StayProspect
        /// Since /2: ISO 3166-1 alpha-2 and the residence status's id (`PersonCodes`).
        public var country: String?
        public var residence: String?
        /// Since /3: the languages the person reads, BCP 47 tags, the document language first.
        public var languageCodes: [String]?
        /// Absent once the person's data was erased or archived.
        public var familyName: String?
        public var givenNames: String?
        public var residenceStatus: String?
        public var languages: String?
        public var interpreterNeeded: Bool
        public var phone: String?
        public var address: String?
        public var memberFrom: LocalDate
        public var memberTo: LocalDate?
        /// The adult an individual case is about.
        public var isCasePerson: Bool
    }

    public struct AnswerData: Sendable, Codable, Equatable {
        public var person: String?
        public var questionId: String
        public var value: String
        public var givenAt: String
    }

    public struct ReviewData: Sendable, Codable, Equatable {
        public var reviewedOn: LocalDate
        public var result: GoalStatus
        public var newDueOn: LocalDate?
        public var note: String?
    }

    public struct GoalData: Sendable, Codable, Equatable {
        public var person: String?
        public var module: String
        public var template: String
        public var title: String
        public var dueOn: LocalDate
        public var responsible: ResponsibleParty
        public var status: GoalStatus
        public var statusOn: LocalDate?
        public var note: String?
        public var reviews: [ReviewData]
    }

    public struct AgreementData: Sendable, Codable, Equatable {
        public var signedOn: LocalDate
        public var nextReviewOn: LocalDate?
        /// Since /3: who interpreted when it was made.
        public var interpreter: String?
        public var goals: [GoalData]
    }

    public struct ConversationData: Sendable, Codable, Equatable {
        public var date: LocalDate
        public var kind: ConversationKind
        public var topics: [String]
        public var note: String?
    }

    public struct ReferralData: Sendable, Codable, Equatable {
        public var person: String?
        public var date: LocalDate
        public var service: String
        public var problem: String
        public var outcome: String?
    }

    public struct OutcomeData: Sendable, Codable, Equatable {
        public var person: String
        public var module: String
        public var kind: String
        public var value: String?
        public var date: LocalDate
    }

    public struct MoveData: Sendable, Codable, Equatable {
        public var movedOn: LocalDate
        public var destination: String
        public var leavesMunicipality: Bool
    }

    public struct ConsentData: Sendable, Codable, Equatable {
        public var person: String?
        public var scope: String
        public var recipient: String
        public var givenOn: LocalDate
        public var withdrawnOn: LocalDate?
        public var attachment: String?
    }

    public struct NoteData: Sendable, Codable, Equatable {
        public var writtenOn: LocalDate
        public var text: String
    }

    public struct AttachmentData: Sendable, Codable, Equatable {
        public var ref: String
        /// Path inside the bag ("data/files/f1"): a generated name, never the original.
        public var file: String
        public var originalName: String
        public var sha256: String
        public var size: Int64
        public var addedOn: LocalDate
    }

    public var schema: String
    public var bundleId: String
    /// `Purpose`'s raw value (kept a string in the file, so an unknown one is named when refused).
    public var purpose: String

    /// Why a bundle was made: to hand a case over, or to archive it (`batch archive`).
    public enum Purpose: String, Sendable {
        case handover, archive
    }
    public var sender: Sender
    public var receiver: String
    public var exportedOn: LocalDate
    public var excludedModules: [String]
    public var withoutConsentReason: String?
    public var caseFile: CaseData
    public var persons: [PersonData]
    public var answers: [AnswerData]
    public var agreements: [AgreementData]
    public var conversations: [ConversationData]
    public var referrals: [ReferralData]
    public var outcomes: [OutcomeData]
    public var moves: [MoveData]
    public var consents: [ConsentData]
    public var notes: [NoteData]
    public var attachments: [AttachmentData]

    /// References that must resolve inside the bundle; nil when they all do.
    public func referenceProblem() -> Message? {
        let persons = Set(self.persons.map(\.ref))
        let files = Set(attachments.map(\.ref))
        guard persons.count == self.persons.count else { return "meaning.personRefTwice" }
        let personRefs = answers.compactMap(\.person) + agreements.flatMap { $0.goals.compactMap(\.person) }
            + referrals.compactMap(\.person) + outcomes.map(\.person) + consents.compactMap(\.person)
        if let unknown = personRefs.first(where: { !persons.contains($0) }) { return Message("meaning.unknownPerson", ["ref": .text(unknown)]) }
        if let unknown = consents.compactMap(\.attachment).first(where: { !files.contains($0) }) {
            return Message("meaning.unknownAttachment", ["ref": .text(unknown)])
        }
        if let bad = attachments.first(where: { $0.file != "data/files/\($0.ref)" }) { return Message("meaning.attachmentName", ["ref": .text(bad.ref)]) }
        return nil
    }
}
