import GRDB
import PluginKit

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

// MARK: - Columns and requests

extension Attachment {
    public enum Columns: CaseColumns {
        static let id = Column("id"), caseId = Column("caseId"), storedName = Column("storedName")
        static let chronological = [id]
    }
}
