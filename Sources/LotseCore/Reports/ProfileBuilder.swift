import GRDB
import PluginKit

/// Computes a funder's sheet (`ReportProfile`) for a period, for a grantee's
/// municipalities or the whole installation: the persons in care on the as-of date by
/// sex, age band, country and residence status, cases, plans, conversations by kind and
/// topic, referrals by service, network contacts and the goal figures of the report.
public struct ProfileBuilder: Sendable {
    public let store: CaseStore
    public let profile: ReportProfile
    /// The limit of care and its warning months.
    public let deployment: Deployment

    public init(store: CaseStore, profile: ReportProfile, deployment: Deployment) {
        self.store = store
        self.profile = profile
        self.deployment = deployment
    }

    /// The sheet; with `background`, also what the Sachbericht tells besides it (the
    /// waiting list, reviews, the clock, the goals most often achieved).
    public func build(_ query: ReportQuery, grantee: String? = nil, background withBackground: Bool = false) throws -> ProfileReport {
        if let from = query.from, from > query.asOf { throw UsageError("report.fromAfterAsOf", ["from": .date(from), "asOf": .date(query.asOf)]) }
        let chosen = try grantee.map { try store.municipalities(ofGrantee: $0) }
        return try store.read(.runReports) { db in
            let only = try query.municipality.map { [try Municipality.resolve($0, db)] }
            let municipalities = try only ?? chosen ?? Municipality.byName.fetchAll(db)
            let all = only == nil && chosen == nil
            let compiler = MetricCompiler(query: query, municipalityIds: all ? nil : municipalities.map { $0.id! })
            let queries = CoreQueries(compiler: compiler)
            var counts = ProfileCounts()
            try counts.persons(queries, bands: profile.ageBands, db)
            try counts.cases(queries, db)
            try counts.conversations(queries, topics: profile.topics, db)
            try counts.referrals(queries, db)
            let goals = try queries.goals(db)
            let background = withBackground ? try self.background(queries, db) : (figures: [:], achieved: [])
            let staff = Dictionary(grouping: try Staff.working.fetchAll(db), by: \.municipalityId)

            let services = store.vocabulary.services.services.map(\.id)
            let rows = profile.figures.flatMap { figure in expand(figure, countries: counts.countries, services: services) }
            func figures(_ municipality: Int64?) -> [String: ReportValue] {
                var values: [String: ReportValue] = [:]
                let goalFigures = goals.figures(municipality: municipality, module: nil)
                for row in rows {
                    if let goal = Self.goalFigure[row.figure.measure] {
                        values[row.id] = goalFigures[goal]
                    } else {
                        values[row.id] = .count(counts.count(row.key, municipality: municipality))
                    }
                }
                return values
            }
            return ProfileReport(profile: profile, from: query.from, asOf: query.asOf, grantee: chosen?.first?.grantee, rows: rows, figures: figures(nil),
                                 municipalities: municipalities.map { municipality in
                                     let members = staff[municipality.id!] ?? []
                                     return .init(name: municipality.name, fte: municipality.fte, staff: members.count,
                                                  staffFTE: members.map(\.fteShare).reduce(0, +), figures: figures(municipality.id))
                                 },
                                 background: background.figures, achievedTemplates: background.achieved)
        }
    }

    /// What only the Sachbericht tells: its figures and the goals most often achieved.
    private func background(_ queries: CoreQueries, _ db: Database) throws -> (figures: [String: ReportValue], achieved: [ProfileReport.AchievedTemplate]) {
        let reviews = try queries.reviews(db)
        let care = try queries.care(maxCareYears: deployment.maxCareYears, warningMonths: deployment.careEndWarningMonths, db)
        let figures: [String: ReportValue] = [
            "core.cases_waiting": .count(try queries.casesWaiting(db).total), "core.reviews_due": .count(reviews.due.total),
            "core.reviews_on_time": .count(reviews.onTime.total), "core.cases_extended": .count(care.extended.total),
            "core.cases_near_care_limit": .count(care.near.total), "core.cases_closed_at_limit": .count(care.closedAtLimit.total),
        ]
        return (figures, try queries.achievedTemplates(db))
    }

    /// The report's goal figure a goal measure shows.
    static let goalFigure: [ReportProfile.Measure: String] = [
        .goalsAgreed: "core.goals_agreed", .goalsAchieved: "core.goals_achieved", .goalsDropped: "core.goals_dropped",
        .goalsOverdue: "core.goals_overdue", .goalsAttainment: "core.goal_attainment_percent",
    ]

    /// A figure's rows: itself, or one per value of what it is broken down by.
    private func expand(_ figure: ReportProfile.Figure, countries: [String], services: [String]) -> [ProfileReport.Row] {
        func parts(_ values: [(String, ProfileReport.Part)]) -> [ProfileReport.Row] {
            values.map { ProfileReport.Row(id: "\(figure.id).\($0.0)", figure: figure, part: $0.1, key: "\(figure.measure.rawValue).\($0.0)") }
        }
        switch figure.measure {
        case .personsBySex: return parts(Sex.allCases.map { ($0.rawValue, .sex($0)) })
        case .personsByAge: return parts(profile.ageBands.map { ($0.id, .age($0.id)) })
        case .personsByCountry: return parts(countries.map { ($0, .country($0)) })
        case .personsByResidence: return parts(store.vocabulary.personCodes.residenceStatuses.map { ($0.id, .residence($0.id)) })
        case .conversationsByTopic: return parts(profile.topics.map { ($0.id, .topic($0)) })
        case .referralsByService: return parts(services.map { ($0, .service($0)) })
        default: return [ProfileReport.Row(id: figure.id, figure: figure, part: nil, key: figure.measure.rawValue)]
        }
    }
}
