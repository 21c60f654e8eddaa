import GRDB
import PluginKit

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

// MARK: - Columns and requests

extension Outcome {
    public enum Columns: PersonColumns {
        static let id = Column("id"), caseId = Column("caseId"), personId = Column("personId"), date = Column("date")
    }

    /// The outcomes recorded for these persons, oldest first.
    static func ofPersons(_ personIds: some Collection<Int64>) -> QueryInterfaceRequest<Outcome> {
        filter(personIds.contains(Columns.personId)).order(Columns.date, Columns.id)
    }
}
