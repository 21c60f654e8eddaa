import PluginKit

/// A closed case due for archiving, or an archived one due for purging.
public struct ArchiveCandidate: Sendable, Equatable, Codable {
    public var caseId: Int64
    public var closedOn: LocalDate
    public var bundleFile: String?
    public var archivedOn: LocalDate?
}
