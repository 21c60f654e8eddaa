import Foundation
import LotseCore
import PluginKit

/// The report as a template model: the summary as sentences, each table as rows of
/// cells, the charts as bars. The templates `report-text` and `report-html` lay it
/// out (see `DocumentTemplates`); the numbers and words come from here.
struct ReportDocument {
    let presenter: ReportPresenter

    func model() -> [String: Any] {
        let p = presenter
        let report = p.report
        let conversations = (report.metrics["core.conversations_individual"]?.count ?? 0) + (report.metrics["core.conversations_family"]?.count ?? 0)
        var notes: [String] = []
        if report.includeOrigin { notes.append(p.core("report.origin")) }
        if let n = p.suppressBelow { notes.append(p.core("report.suppressed", ["n": String(n)])) }
        let columns = p.core("report.municipalityHeader").split(separator: "|").map(String.init)
        let rows: [[String]] = report.municipalities.map { m in
            [m.name, p.catalog.decimal(m.fte, places: 1), String(m.places), p.value(m.metrics["core.persons_in_care"]),
             String(m.metrics["core.persons_per_fte"]?.count ?? 0), p.value(m.metrics["core.cases_active"])]
        }
        let modules = report.order.filter { !$0.hasPrefix("core.") }.map { ["label": p.label($0), "value": p.total($0)] }
        let services = p.services.map { ["label": $0.name, "value": p.value($0.count)] }
        let goals = report.order.filter { $0.hasPrefix("core.goal") || $0.hasPrefix("core.review") }.map { ["label": p.label($0), "value": p.total($0)] }
        return [
            "lang": p.catalog.locale,
            "title": p.core("report.title", ["asOf": p.date(report.asOf)]),
            "period": p.core("report.period", ["from": report.from.map(p.date) ?? p.core("report.allTime"), "asOf": p.date(report.asOf)]),
            "notes": notes,
            "summary": [
                p.core("report.care", ["asOf": p.date(report.asOf), "persons": p.total("core.persons_in_care"), "cases": p.total("core.cases_active"),
                                       "waiting": p.total("core.cases_waiting"), "agreements": p.total("core.agreements_signed")]),
                p.core("report.conversations", ["total": p.value(conversations), "individual": p.total("core.conversations_individual"),
                                                "family": p.total("core.conversations_family")]),
                p.core("report.referrals", ["referrals": p.total("core.referrals"), "contacts": p.total("core.network_contacts")]),
            ],
            "municipalities": [
                "heading": p.core("report.municipalities"),
                "columns": columns,
                "rows": rows.map { ["name": $0[0], "cells": Array($0.dropFirst())] },
                "table": TextTable(header: columns, rows: rows).render(),
            ] as [String: Any],
            "figures": ["heading": p.core("report.figures"), "rows": report.order.map { ["label": p.label($0), "value": p.total($0)] }] as [String: Any],
            "modules": ["heading": p.core("report.modules"), "rows": modules, "any": !modules.isEmpty] as [String: Any],
            "goals": ["heading": p.core("report.goals"), "rows": goals, "any": !goals.isEmpty] as [String: Any],
            "services": ["heading": p.core("report.services"), "rows": services, "any": !services.isEmpty] as [String: Any],
            "charts": [
                chart(p.core("report.chart.caseload"), report.municipalities.map { ($0.name, $0.metrics["core.persons_in_care"]?.count ?? 0) }),
                chart(p.core("report.chart.conversations"), report.conversationsByMonth.sorted { $0.key < $1.key }.map { (month($0.key), $0.value) }),
                chart(p.core("report.chart.referrals"), p.services.map { ($0.name, $0.count) }),
            ].compactMap { $0 },
        ]
    }

    /// "2026-01" as the locale names the month: "Januar 2026".
    private func month(_ key: String) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2, let number = Int(parts[1]), (1...12).contains(number) else { return key }
        return presenter.core("format.month", ["month": presenter.core("month.\(number)"), "year": String(parts[0])])
    }

    /// A horizontal bar chart's geometry; suppressed counts are drawn as empty bars.
    private func chart(_ title: String, _ data: [(String, Int)]) -> [String: Any]? {
        guard !data.isEmpty else { return nil }
        let barHeight = 18, labelWidth = 260, width = 720
        let maximum = max(1, data.map(\.1).max() ?? 1)
        let bars: [[String: Any]] = data.enumerated().map { index, bar in
            let y = index * (barHeight + 4) + 2
            let shown = presenter.value(bar.1)
            let length = shown.hasPrefix("<") ? 0 : Int(Double(width - labelWidth - 60) * Double(bar.1) / Double(maximum))
            return ["label": bar.0, "value": shown, "y": y, "textY": y + 13, "x": labelWidth, "length": length, "valueX": labelWidth + length + 4, "height": barHeight]
        }
        return ["title": title, "width": width, "height": data.count * (barHeight + 4) + 4, "bars": bars]
    }
}
