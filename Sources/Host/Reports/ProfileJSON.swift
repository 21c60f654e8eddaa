import Foundation
import LotseCore
import PluginKit

/// `--format json` of a funder's sheet: `{"profile", "from", "asOf", "grantee", "figures":
/// {id: n}, "byMunicipality": {name: {id: n}}, "order": [id]}`; suppressed counts are null.
struct ProfileJSON: Encodable {
    let profile: String
    let from: LocalDate?
    let asOf: LocalDate
    let grantee: String?
    let suppressBelow: Int?
    let figures: [String: ReportValue?]
    let byMunicipality: [String: [String: ReportValue?]]
    let order: [String]

    init(report: ProfileReport, publication: Publication) {
        profile = report.profile.id
        from = report.from
        asOf = report.asOf
        grantee = report.grantee
        suppressBelow = publication.suppressBelow
        figures = report.figures.mapValues(publication.shown)
        byMunicipality = Dictionary(uniqueKeysWithValues: report.municipalities.map { ($0.name, $0.figures.mapValues(publication.shown)) })
        order = report.rows.map(\.id)
    }

    enum CodingKeys: String, CodingKey { case profile, from, asOf, grantee, suppressBelow, figures, byMunicipality, order }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profile, forKey: .profile)
        try container.encode(from, forKey: .from)
        try container.encode(asOf, forKey: .asOf)
        try container.encode(grantee, forKey: .grantee)
        try container.encodeIfPresent(suppressBelow, forKey: .suppressBelow)
        try container.encode(figures, forKey: .figures)
        try container.encode(byMunicipality, forKey: .byMunicipality)
        try container.encode(order, forKey: .order)
    }
}
