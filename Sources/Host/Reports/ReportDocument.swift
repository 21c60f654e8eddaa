import Foundation
import LotseCore
import PluginKit

/// The report as a template model: the summary as sentences, each table as rows of
/// cells, the charts as bars. The templates `report-text` and `report-html` lay it
/// out (see `DocumentTemplates`); the numbers and words come from here.
struct ReportDocument {
    let presenter: ReportPresenter

    private var title: String { presenter.core("report.title", ["asOf": presenter.date(presenter.report.asOf)]) }

    private var period: String {
        let p = presenter
        return p.core("report.period", ["from": p.report.from.map(p.date) ?? p.core("report.allTime"), "asOf": p.date(p.report.asOf)])
    }

    private var notes: [String] {
        var notes: [String] = []
        if presenter.report.includeOrigin { notes.append(presenter.core("report.origin")) }
        if let n = presenter.suppressBelow { notes.append(presenter.core("report.suppressed", ["n": String(n)])) }
        return notes
    }

    private var summary: [String] {
        let p = presenter
        let report = p.report
        let conversations = (report.metrics["core.conversations_individual"]?.count ?? 0) + (report.metrics["core.conversations_family"]?.count ?? 0)
        return [
            p.core("report.care", ["asOf": p.date(report.asOf), "persons": p.total("core.persons_in_care"), "cases": p.total("core.cases_active"),
                                   "waiting": p.total("core.cases_waiting"), "agreements": p.total("core.agreements_signed")]),
            p.core("report.conversations", ["total": p.value(conversations), "individual": p.total("core.conversations_individual"),
                                            "family": p.total("core.conversations_family")]),
            p.core("report.referrals", ["referrals": p.total("core.referrals"), "contacts": p.total("core.network_contacts")]),
        ]
    }

    private var municipalityColumns: [String] { presenter.core("report.municipalityHeader").split(separator: "|").map(String.init) }

    private var municipalityRows: [[String]] {
        let p = presenter
        return p.report.municipalities.map { m in
            [m.name, p.catalog.decimal(m.fte, places: 1), String(m.places), p.value(m.metrics["core.persons_in_care"]),
             String(m.metrics["core.persons_per_fte"]?.count ?? 0), p.value(m.metrics["core.cases_active"])]
        }
    }

    /// Label and value of each metric of the report whose id passes `include`, in order.
    private func figures(_ include: (String) -> Bool = { _ in true }) -> [(label: String, value: String)] {
        presenter.report.order.filter(include).map { (presenter.label($0), presenter.total($0)) }
    }

    private var services: [(label: String, value: String)] { presenter.services.map { ($0.name, presenter.value($0.count)) } }

    func model() -> [String: Any] {
        let p = presenter
        let report = p.report
        func section(_ heading: String, _ rows: [(label: String, value: String)]) -> [String: Any] {
            ["heading": p.core(heading), "rows": rows.map { ["label": $0.label, "value": $0.value] }, "any": !rows.isEmpty]
        }
        return [
            "lang": p.catalog.locale,
            "title": title,
            "period": period,
            "notes": notes,
            "summary": summary,
            "municipalities": [
                "heading": p.core("report.municipalities"),
                "columns": municipalityColumns,
                "rows": municipalityRows.map { ["name": $0[0], "cells": Array($0.dropFirst())] },
                "table": TextTable(header: municipalityColumns, rows: municipalityRows).render(),
            ] as [String: Any],
            "figures": section("report.figures", figures()),
            "modules": section("report.modules", figures { !$0.hasPrefix("core.") }),
            "goals": section("report.goals", figures { $0.hasPrefix("core.goal") || $0.hasPrefix("core.review") }),
            "services": section("report.services", services),
            "charts": [
                chart(p.core("report.chart.caseload"), report.municipalities.map { ($0.name, $0.metrics["core.persons_in_care"]?.count ?? 0) }),
                chart(p.core("report.chart.conversations"), conversationsByMonth),
                chart(p.core("report.chart.referrals"), p.services.map { ($0.name, $0.count) }),
            ].compactMap { $0 },
        ]
    }

    private var conversationsByMonth: [(String, Int)] {
        presenter.report.conversationsByMonth.sorted { $0.key < $1.key }.map { (month($0.key), $0.value) }
    }

    /// The report as a document to print (`report --format pdf`): the summary, the
    /// municipalities, every figure and the services as tables, and the one chart no
    /// table repeats, conversations by month.
    func printDocument(county: String?) -> PrintDocument {
        let p = presenter
        let columns = [p.core("report.figureColumn"), p.core("report.valueColumn")]
        func table(_ rows: [(label: String, value: String)]) -> PrintDocument.Block {
            .table(header: columns, rows: rows.map { [$0.label, $0.value] }, numeric: true)
        }
        var blocks: [PrintDocument.Block] = [.heading(title)]
        if let county { blocks.append(.paragraph(county)) }
        blocks.append(.paragraph(period))
        blocks += notes.map { .note($0) } + summary.map { .paragraph($0) }
        blocks += [.subheading(p.core("report.municipalities")), .table(header: municipalityColumns, rows: municipalityRows, numeric: true),
                   .subheading(p.core("report.figures")), table(figures())]
        if !services.isEmpty { blocks += [.subheading(p.core("report.services")), table(services)] }
        let months = conversationsByMonth
        if let largest = months.map(\.1).max(), largest > 0 {
            blocks.append(.chart(title: p.core("report.chart.conversations"), bars: months.map { label, count in
                let shown = p.value(count)
                return PrintDocument.Bar(label: label, value: shown, share: shown.hasPrefix("<") ? 0 : Double(count) / Double(largest))
            }))
        }
        return PrintDocument(title: title, language: p.catalog.locale, blocks: blocks, pageFooter: p.core("print.page"))
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
