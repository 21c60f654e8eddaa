import GRDB
/// A member of a municipality's integration team.
public struct Staff: Sendable, Equatable, Codable {
    public var id: Int64?
    public var municipalityId: Int64
    public var name: String
    public var role: StaffRole
    /// Share of a full-time position, 0 < share ≤ 1 (the reference: 25 % to 100 %).
    public var fteShare: Double
    public var active: Bool
    public var sourceRef: String?

    public init(id: Int64? = nil, municipalityId: Int64, name: String, role: StaffRole, fteShare: Double,
                active: Bool = true, sourceRef: String? = nil) {
        self.id = id
        self.municipalityId = municipalityId
        self.name = name
        self.role = role
        self.fteShare = fteShare
        self.active = active
        self.sourceRef = sourceRef
    }
}

// MARK: - Columns and requests

extension Staff {
    public enum Columns {
        static let name = Column("name"), municipalityId = Column("municipalityId"), active = Column("active")
    }

    /// Staff members still working.
    static var working: QueryInterfaceRequest<Staff> { filter(Columns.active == true) }

    static func named(_ name: String) -> QueryInterfaceRequest<Staff> { filter(Columns.name.collating(.nocase) == name) }
    /// By municipality, then name; only one municipality's when given.
    static func listed(in municipalityId: Int64?) -> QueryInterfaceRequest<Staff> {
        let request = order(Columns.municipalityId, Columns.name)
        return municipalityId.map { request.filter(Columns.municipalityId == $0) } ?? request
    }
}
