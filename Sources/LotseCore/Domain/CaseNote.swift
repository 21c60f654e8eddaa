import GRDB
import PluginKit

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

// MARK: - Columns and requests

extension CaseNote {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), writtenOn = Column("writtenOn")
        static let chronological = [writtenOn, id]
    }
}
