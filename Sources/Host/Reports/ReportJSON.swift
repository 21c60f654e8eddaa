import LotseCore
import PluginKit

/// `--format json`: `{"asOf", "from", "metrics": {id: n}, "byMunicipality": {name: {id: n}},
/// "goalsByModule": {module: {id: n}}, "goalsByModuleByMunicipality": {name: {module: {id: n}}}}`;
/// suppressed counts are null, a percentage is a number (rounded to one decimal).
struct ReportJSON: Encodable {
    let asOf: LocalDate
    let from: LocalDate?
    let includeOrigin: Bool
    let suppressBelow: Int?
    let metrics: [String: ReportValue?]
    let byMunicipality: [String: [String: ReportValue?]]
    let goalsByModule: [String: [String: ReportValue?]]
    let goalsByModuleByMunicipality: [String: [String: [String: ReportValue?]]]
    let referralsByService: [String: Int?]

    init(report: Report, publication: Publication) {
        let shown = publication.shown as (ReportValue) -> ReportValue?
        asOf = report.asOf
        from = report.from
        includeOrigin = report.includeOrigin
        suppressBelow = publication.suppressBelow
        metrics = report.metrics.mapValues(shown)
        byMunicipality = Dictionary(uniqueKeysWithValues: report.municipalities.map { ($0.name, $0.metrics.mapValues(shown)) })
        goalsByModule = report.goalsByModule.mapValues { $0.mapValues(shown) }
        goalsByModuleByMunicipality = Dictionary(uniqueKeysWithValues: report.municipalities.map { ($0.name, $0.goalsByModule.mapValues { $0.mapValues(shown) }) })
        referralsByService = report.referralsByService.mapValues(publication.shown)
    }

    enum CodingKeys: String, CodingKey { case asOf, from, includeOrigin, suppressBelow, metrics, byMunicipality, goalsByModule, goalsByModuleByMunicipality, referralsByService }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(from, forKey: .from)  // null when all time
        try container.encode(includeOrigin, forKey: .includeOrigin)
        try container.encodeIfPresent(suppressBelow, forKey: .suppressBelow)
        try container.encode(metrics, forKey: .metrics)
        try container.encode(byMunicipality, forKey: .byMunicipality)
        try container.encode(goalsByModule, forKey: .goalsByModule)
        try container.encode(goalsByModuleByMunicipality, forKey: .goalsByModuleByMunicipality)
        try container.encode(referralsByService, forKey: .referralsByService)
    }
}
