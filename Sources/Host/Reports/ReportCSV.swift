import Foundation
import LotseCore

/// The report as CSV: one row per metric and scope (total, then each municipality).
/// It follows the locale's spreadsheet habit: in German `;` between fields (the decimal
/// comma needs the comma), in English `,`; a byte order mark so spreadsheets read UTF-8.
struct ReportCSV {
    let presenter: ReportPresenter
    let delimiter: String

    func render() -> String {
        let p = presenter
        var rows = [Voice(catalog: p.catalog).columns("table.reportCSV")]
        for metric in p.report.order {
            rows.append([metric, p.label(metric), p.core("report.total"), p.total(metric)])
            for municipality in p.report.municipalities {
                rows.append([metric, p.label(metric), municipality.name, p.value(municipality.metrics[metric])])
            }
        }
        for service in p.report.referralsByService.keys.sorted() {
            rows.append(["core.referrals_by_service", p.core("service.\(service)"), service, p.value(p.report.referralsByService[service])])
        }
        return CSVText(delimiter: delimiter).render(rows)
    }
}
