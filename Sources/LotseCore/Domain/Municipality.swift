import GRDB
/// A Landkreis or a city with its funded full-time equivalents (Vollzeitstellen).
public struct Municipality: Sendable, Equatable, Codable {
    public var id: Int64?
    public var name: String
    public var kind: MunicipalityKind
    /// Funded full-time equivalents; capacity = fte × persons per FTE.
    public var fte: Double
    /// Id in the system the data came from ("legacy:12"), for idempotent imports.
    public var sourceRef: String?
    /// The Stadt- or Landkreis that applies for the funding and passes it on (since 2025):
    /// its statistics sheet and Sachbericht cover its municipalities.
    public var grantee: String?
    /// The office's postal address, "Marktplatz 30, 73430 Aalen" (`PostalAddress`).
    public var address: String?
    /// The authority's official key: the Amtlicher Gemeindeschlüssel (8 digits) or the
    /// Regionalschlüssel (12 digits), as xdomea messages name an authority.
    public var authorityKey: String?

    public init(id: Int64? = nil, name: String, kind: MunicipalityKind, fte: Double, sourceRef: String? = nil, grantee: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.fte = fte
        self.sourceRef = sourceRef
        self.grantee = grantee
    }
}

// MARK: - Columns and requests

extension Municipality {
    public enum Columns {
        static let name = Column("name")
    }

    /// Names are unique whatever their case.
    static func named(_ name: String) -> QueryInterfaceRequest<Municipality> { filter(Columns.name.collating(.nocase) == name) }
    static var byName: QueryInterfaceRequest<Municipality> { order(Columns.name) }
}
