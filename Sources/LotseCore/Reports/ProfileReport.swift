import PluginKit

/// A funder's sheet computed (`report --profile`): its rows in the profile's order, the
/// figures of all municipalities reported and of each.
public struct ProfileReport: Sendable {
    /// One row of the sheet: a figure of the profile, or one part of a figure that
    /// expands (`persons.sex.f`: the figure `persons.sex`, part `f`).
    public struct Row: Sendable {
        public var id: String
        public var figure: ReportProfile.Figure
        public var part: Part?
        /// The count it shows: its measure, and the value broken down by ("personsBySex.f").
        var key: String
    }

    /// What a part of an expanding figure stands for, for its label.
    public enum Part: Sendable {
        case sex(Sex), age(String), country(String), residence(String), topic(ReportProfile.Topic), service(String)
    }

    public struct MunicipalityFigures: Sendable {
        public var name: String
        /// Funded full-time equivalents, the active staff and the FTE they hold.
        public var fte: Double
        public var staff: Int
        public var staffFTE: Double
        public var figures: [String: ReportValue]
    }

    /// Goals achieved in the period from one template.
    public struct AchievedTemplate: Sendable {
        public var module: String
        public var template: String
        public var count: Int
    }

    public var profile: ReportProfile
    public var from: LocalDate?
    public var asOf: LocalDate
    /// The grantee reported for; nil: the whole installation.
    public var grantee: String?
    public var rows: [Row]
    /// All municipalities reported together (persons counted once).
    public var figures: [String: ReportValue]
    public var municipalities: [MunicipalityFigures]
    /// What the Sachbericht tells besides the sheet (built with `background` only), as the report counts it for all
    /// municipalities reported: `core.cases_waiting`, `core.reviews_due`,
    /// `core.reviews_on_time`, `core.cases_extended`, `core.cases_near_care_limit`,
    /// `core.cases_closed_at_limit`.
    public var background: [String: ReportValue]
    /// The templates of goals achieved in the period, most often achieved first (with
    /// `background` only).
    public var achievedTemplates: [AchievedTemplate]
}
