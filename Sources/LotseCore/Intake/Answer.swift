import GRDB
import PluginKit

/// One answer to an intake question. Answers are never overwritten: a new answer is a
/// new row, so the history of every answer stays.
public struct Answer: Sendable, Equatable, Codable {
    public var id: Int64?
    public var caseId: Int64
    public var personId: Int64?
    public var questionId: String
    public var value: String
    public var givenAt: String

    public init(id: Int64? = nil, caseId: Int64, personId: Int64?, questionId: String, value: String, givenAt: String) {
        self.id = id
        self.caseId = caseId
        self.personId = personId
        self.questionId = questionId
        self.value = value
        self.givenAt = givenAt
    }
}

// MARK: - Columns and requests

extension Answer {
    public enum Columns: CaseColumns, PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId")
        static let chronological = [id]
    }
}
