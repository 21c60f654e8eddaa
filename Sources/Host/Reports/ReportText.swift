import LotseCore
import PluginKit

/// The text report: reads like section II of the county's committee paper.
struct ReportText {
    let presenter: ReportPresenter

    func render() -> String {
        let p = presenter
        let report = p.report
        var lines = [p.core("report.title", ["asOf": p.date(report.asOf)]),
                     p.core("report.period", ["from": report.from.map(p.date) ?? p.core("report.allTime"), "asOf": p.date(report.asOf)])]
        if report.includeOrigin { lines.append(p.core("report.origin")) }
        if let n = p.suppressBelow { lines.append(p.core("report.suppressed", ["n": String(n)])) }
        let conversations = (report.metrics["core.conversations_individual"] ?? 0) + (report.metrics["core.conversations_family"] ?? 0)
        lines += ["", p.core("report.care", ["asOf": p.date(report.asOf), "persons": p.total("core.persons_in_care"), "cases": p.total("core.cases_active"),
                                             "waiting": p.total("core.cases_waiting"), "agreements": p.total("core.agreements_signed")]),
                  "", p.core("report.conversations", ["total": p.value(conversations), "individual": p.total("core.conversations_individual"),
                                                      "family": p.total("core.conversations_family")]),
                  "", p.core("report.referrals", ["referrals": p.total("core.referrals"), "contacts": p.total("core.network_contacts")])]
        lines += ["", p.core("report.municipalities")]
        let header = p.core("report.municipalityHeader").split(separator: "|").map(String.init)
        lines.append(TextTable(header: header, rows: report.municipalities.map { m in
            [m.name, String(m.fte), String(m.places), p.value(m.metrics["core.persons_in_care"]), String(m.metrics["core.persons_per_fte"] ?? 0),
             p.value(m.metrics["core.cases_active"])]
        }).render())
        lines += ["", p.core("report.modules")]
        for metric in report.order where !metric.hasPrefix("core.") {
            lines.append("  • \(p.label(metric)): \(p.total(metric))")
        }
        if !report.referralsByService.isEmpty {
            lines += ["", p.core("report.services")]
            lines += p.services.map { "  • \($0.name): \(p.value($0.count))" }
        }
        return lines.joined(separator: "\n")
    }
}
