import PluginKit

/// A report's figures: metric id → value, overall and per municipality, plus the
/// series the charts show. Every count is of distinct persons (module metrics) or of
/// records (core figures), as the metric's documentation says; the goal attainment is
/// a percentage.
public struct Report: Sendable, Equatable, Codable {
    public struct MunicipalityFigures: Sendable, Equatable, Codable {
        public var name: String
        public var fte: Double
        public var places: Int
        public var metrics: [String: ReportValue]
        /// The goal figures per module (`core.goals_*`, `core.goal_attainment_percent`).
        public var goalsByModule: [String: [String: ReportValue]]
    }

    public var asOf: LocalDate
    public var from: LocalDate?
    public var includeOrigin: Bool
    public var metrics: [String: ReportValue]
    /// The goal figures per module, for all municipalities reported.
    public var goalsByModule: [String: [String: ReportValue]]
    public var municipalities: [MunicipalityFigures]
    /// Referrals per service id in the period.
    public var referralsByService: [String: Int]
    /// Conversations per month ("2018-03") in the period.
    public var conversationsByMonth: [String: Int]
    /// Metric ids in display order: core figures, then each enabled module's.
    public var order: [String]
}
