import GRDB
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

// MARK: - Columns and requests

extension Conversation {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), date = Column("date"), note = Column("note")
        static let chronological = [date, id]
    }
}
