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

    /// A count as published: suppressed when below the threshold (zero stays zero).
    func value(_ n: Int?) -> String {
        guard let n else { return "–" }
        if let threshold = suppressBelow, n > 0, n < threshold { return "<\(threshold)" }
        return String(n)
    }

    /// A figure as published: a count as `value(_:)` shows it, a percentage with one
    /// decimal in the locale's way ("66,7 %"); "–" when there is none.
    func value(_ figure: ReportValue?) -> String {
        switch figure {
        case .count(let n): value(n)
        case .percent(let p): core("format.percent", ["value": catalog.decimal(p, places: 1)])
        case nil: "–"
        }
    }

    func total(_ metric: String) -> String { value(report.metrics[metric]) }

    /// Rows of services with their names, most referrals first.
    var services: [(name: String, count: Int)] {
        report.referralsByService.map { (core("service.\($0.key)"), $0.value) }.sorted { ($1.count, $0.name) < ($0.count, $1.name) }
    }
}
