import PluginKit

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
