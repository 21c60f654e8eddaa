import Foundation
import LotseCore

/// The report as one self-contained HTML file (no external files or scripts) with SVG
/// bar charts: caseload per municipality, conversations per month, referrals per service.
struct ReportHTML {
    let presenter: ReportPresenter

    func render() -> String {
        let p = presenter
        let report = p.report
        let conversations = report.conversationsByMonth.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        var body = "<h1>\(escape(p.core("report.title", ["asOf": p.date(report.asOf)])))</h1>\n"
        body += "<p>\(escape(ReportText(presenter: p).render().split(separator: "\n").dropFirst().prefix(while: { !$0.isEmpty }).joined(separator: " ")))</p>\n"
        body += "<table><tr>" + p.core("report.municipalityHeader").split(separator: "|").map { "<th>\(escape(String($0)))</th>" }.joined() + "</tr>\n"
        for m in report.municipalities {
            body += "<tr><td>\(escape(m.name))</td><td>\(m.fte)</td><td>\(m.places)</td><td>\(p.value(m.metrics["core.persons_in_care"]))</td>"
                + "<td>\(m.metrics["core.persons_per_fte"] ?? 0)</td><td>\(p.value(m.metrics["core.cases_active"]))</td></tr>\n"
        }
        body += "</table>\n<h2>\(escape(p.core("report.modules")))</h2>\n<table>\n"
        for metric in report.order {
            body += "<tr><td>\(escape(p.label(metric)))</td><td class=\"n\">\(p.total(metric))</td></tr>\n"
        }
        body += "</table>\n"
        body += chart(p.core("report.chart.caseload"), report.municipalities.map { ($0.name, $0.metrics["core.persons_in_care"] ?? 0) })
        body += chart(p.core("report.chart.conversations"), conversations)
        body += chart(p.core("report.chart.referrals"), p.services.map { ($0.name, $0.count) })
        return """
            <!DOCTYPE html>
            <html lang="\(p.catalog.locale)"><head><meta charset="utf-8"><title>\(escape(p.core("report.title", ["asOf": p.date(report.asOf)])))</title>
            <style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}table{border-collapse:collapse;margin:1em 0}
            td,th{border-bottom:1px solid #ccc;padding:.2em .6em;text-align:left}td.n{text-align:right}svg text{font-size:12px}</style></head>
            <body>
            \(body)</body></html>
            """
    }

    /// A horizontal bar chart; suppressed counts are drawn as empty bars.
    private func chart(_ title: String, _ data: [(String, Int)]) -> String {
        guard !data.isEmpty else { return "" }
        let barHeight = 18, labelWidth = 260, width = 720
        let maximum = max(1, data.map(\.1).max() ?? 1)
        var svg = "<h2>\(escape(title))</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(data.count * (barHeight + 4) + 4)\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        for (index, (label, n)) in data.enumerated() {
            let y = index * (barHeight + 4) + 2
            let shown = presenter.value(n)
            let length = shown.hasPrefix("<") ? 0 : Int(Double(width - labelWidth - 60) * Double(n) / Double(maximum))
            svg += "<text x=\"0\" y=\"\(y + 13)\">\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"#3b7ea1\"/>"
            svg += "<text x=\"\(labelWidth + length + 4)\" y=\"\(y + 13)\">\(escape(shown))</text>\n"
        }
        return svg + "</svg>\n"
    }

    private func escape(_ text: String) -> String { HTML.escape(text) }
}
