import Foundation
import LotseCore
import PluginKit

/// What every report format shares: labels of metrics in the report's locale, and
/// suppression of small counts for publication.
struct ReportPresenter {
    let report: Report
    let catalog: Catalog
    /// Counts under this are shown as "<N" (nil: show everything).
    let suppressBelow: Int?

    func core(_ key: String, _ arguments: [String: String] = [:]) -> String { catalog.text("core", key, arguments) }

    func date(_ value: LocalDate) -> String { catalog.date(value) }

    /// A metric's label: core figures from core.json, module metrics from their module.
    func label(_ metric: String) -> String {
        if metric.hasPrefix("core.") { return core("metric.\(metric)") }
        let module = String(metric.prefix { $0 != "." })
        return catalog.text(module, "metric.\(metric.dropFirst(module.count + 1))")
    }

    var publication: Publication { Publication(catalog: catalog, suppressBelow: suppressBelow) }

    /// A count as published (`Publication`).
    func value(_ n: Int?) -> String { publication.text(n) }

    /// A figure as published (`Publication`).
    func value(_ figure: ReportValue?) -> String { publication.text(figure) }

    func total(_ metric: String) -> String { value(report.metrics[metric]) }

    /// Rows of services with their names, most referrals first.
    var services: [(name: String, count: Int)] {
        report.referralsByService.map { (core("service.\($0.key)"), $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }
}
