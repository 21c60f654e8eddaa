import PluginKit

/// Filters and page of `case list`.
public struct CaseFilter: Sendable {
    public var municipality: String?
    public var status: CaseStatus?
    public var staff: String?
    public var page = 1
    public var pageSize = 50

    public init(municipality: String? = nil, status: CaseStatus? = nil, staff: String? = nil, page: Int = 1, pageSize: Int = 50) {
        self.municipality = municipality
        self.status = status
        self.staff = staff
        self.page = page
        self.pageSize = pageSize
    }
}
