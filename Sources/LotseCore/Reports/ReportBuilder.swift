import GRDB
import PluginKit

/// Computes a report from dated facts, so any past date gives the figures as they
/// stood then: the core figures and every enabled module's metrics, each one SQL query.
public struct ReportBuilder: Sendable {
    public let store: CaseStore
    public let modules: [any IntegrationModule]
    /// Places per FTE, the limit of care and its warning months.
    public let deployment: Deployment

    public init(store: CaseStore, modules: [any IntegrationModule], deployment: Deployment) {
        self.store = store
        self.modules = modules
        self.deployment = deployment
    }

    /// The core figures, in display order.
    public static let coreMetrics = [
        "core.persons_in_care", "core.cases_active", "core.cases_waiting", "core.agreements_signed",
        "core.conversations_individual", "core.conversations_family", "core.referrals", "core.network_contacts",
        "core.cases_closed", "core.cases_near_care_limit", "core.cases_extended", "core.cases_closed_at_limit", "core.persons_per_fte",
    ] + goalMetrics + ["core.reviews_due", "core.reviews_on_time"]

    /// The goal figures, also given per module.
    public static let goalMetrics = [
        "core.goals_agreed", "core.goals_achieved", "core.goals_dropped", "core.goals_overdue", "core.goal_attainment_percent",
    ]

    public func build(_ query: ReportQuery) throws -> Report {
        if let from = query.from, from > query.asOf { throw UsageError("report.fromAfterAsOf", ["from": .date(from), "asOf": .date(query.asOf)]) }
        return try store.read(.runReports) { db in
            let only = try query.municipality.map { try Municipality.resolve($0, db) }
            let compiler = MetricCompiler(query: query, municipalityIds: only.map { [$0.id!] })
            var totals: [String: Int] = [:]
            var perMunicipality: [Int64: [String: Int]] = [:]
            func put(_ id: String, _ result: (total: Int, byMunicipality: [Int64: Int])) {
                totals[id] = result.total
                for (municipality, n) in result.byMunicipality { perMunicipality[municipality, default: [:]][id] = n }
            }
            let core = CoreQueries(compiler: compiler)
            put("core.cases_active", try core.casesActive(db))
            put("core.cases_waiting", try core.casesWaiting(db))
            put("core.agreements_signed", try core.agreementsSigned(db))
            let conversations = try core.conversations(db)
            put("core.conversations_individual", conversations.individual)
            put("core.conversations_family", conversations.family)
            put("core.referrals", try core.referrals(db))
            put("core.network_contacts", try core.networkContacts(db))
            put("core.cases_closed", try core.casesClosed(db))
            let care = try core.care(maxCareYears: deployment.maxCareYears, warningMonths: deployment.careEndWarningMonths, db)
            put("core.cases_near_care_limit", care.near)
            put("core.cases_extended", care.extended)
            put("core.cases_closed_at_limit", care.closedAtLimit)
            let reviews = try core.reviews(db)
            put("core.reviews_due", reviews.due)
            put("core.reviews_on_time", reviews.onTime)
            let goals = try core.goals(db)
            // Module metrics, compiled from their specs: one query for the persons of
            // opened cases, one for the persons in care (with the core head count).
            var order = Self.coreMetrics
            for inCare in [false, true] {
                var arguments: [String: any DatabaseValueConvertible] = [:]
                var conditions: [(id: String, sql: String)] = inCare ? [("core.persons_in_care", "1 = 1")] : []
                for module in modules {
                    for (index, spec) in module.metrics.enumerated() where spec.inCareOnDate == inCare {
                        conditions.append((spec.id, compiler.condition(spec, module: module.id, prefix: "\(module.id)\(index)_", &arguments)))
                    }
                }
                for (id, result) in try compiler.count(conditions, inCare: inCare, arguments: arguments, db) { put(id, result) }
            }
            order += modules.flatMap { $0.metrics.map(\.id) }
            let counted = order.filter { !Self.goalMetrics.contains($0) && $0 != "core.persons_per_fte" }
            func figures(_ counts: [String: Int], fte: Double, municipality: Int64?) -> [String: ReportValue] {
                var values = Dictionary(uniqueKeysWithValues: counted.map { ($0, ReportValue.count(counts[$0] ?? 0)) })
                values["core.persons_per_fte"] = .count(fte > 0 ? Int((Double(counts["core.persons_in_care"] ?? 0) / fte).rounded()) : 0)
                values.merge(goals.figures(municipality: municipality, module: nil)) { $1 }
                return values
            }
            let municipalities = try (only.map { [$0] } ?? Municipality.byName.fetchAll(db)).map { municipality in
                Report.MunicipalityFigures(name: municipality.name, fte: municipality.fte,
                                           places: Int((municipality.fte * Double(deployment.personsPerFTE)).rounded(.down)),
                                           metrics: figures(perMunicipality[municipality.id!] ?? [:], fte: municipality.fte, municipality: municipality.id),
                                           goalsByModule: goals.byModule(municipality: municipality.id))
            }
            return Report(asOf: query.asOf, from: query.from, includeOrigin: query.includeOrigin,
                          metrics: figures(totals, fte: municipalities.map(\.fte).reduce(0, +), municipality: nil),
                          goalsByModule: goals.byModule(municipality: nil), municipalities: municipalities,
                          referralsByService: try core.referralsByService(db), conversationsByMonth: conversations.byMonth, order: order)
        }
    }
}
