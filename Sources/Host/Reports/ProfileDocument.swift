import Foundation
import LotseCore
import PluginKit

/// A funder's sheet in the session's language: each row's label, and the sheet as text,
/// CSV, JSON and an Excel workbook (the whole first, then one sheet per municipality).
struct ProfileDocument {
    let report: ProfileReport
    let publication: Publication
    /// The county the installation serves (`organisation.county`), named when no grantee is.
    var county: String?
    var catalog: Catalog { publication.catalog }
    var locale: String { catalog.locale }

    /// "Persons in care by sex: female", "Counselling conversations by topic: health".
    func label(_ row: ProfileReport.Row) -> String {
        let figure = row.figure.label.text(locale)
        guard let part = row.part else { return figure }
        return catalog.text("core", "profile.part", ["figure": figure, "part": name(of: part)])
    }

    /// What a part of a figure stands for: "female", "Syria (SY)", "18-26 years".
    func name(of part: ProfileReport.Part) -> String {
        switch part {
        case .sex(let sex): catalog.format(sex.label)
        case .age(let band): catalog.text("core", "profile.ageBand", ["band": band])
        case .country(let code): "\(catalog.text("core", "country.\(code)")) (\(code))"
        case .residence(let id): catalog.text("core", "residence.\(id)")
        case .topic(let topic): topic.label.text(locale)
        case .service(let id): catalog.text("core", "service.\(id)")
        }
    }

    var title: String { report.profile.title.text(locale) }

    /// The period and whom the figures cover.
    var heading: [String] {
        [title,
         catalog.text("core", "profile.period", ["from": report.from.map(catalog.date) ?? catalog.text("core", "report.allTime"), "asOf": catalog.date(report.asOf)]),
         report.grantee.map { catalog.text("core", "profile.grantee", ["grantee": $0]) }
            ?? county.map { catalog.text("core", "profile.county", ["county": $0]) }
            ?? catalog.text("core", "profile.municipalities", ["municipalities": municipalityNames]),
         ] + (publication.suppressBelow.map { [catalog.text("core", "report.suppressed", ["n": String($0)])] } ?? [])
    }

    /// The municipalities reported, named up to a dozen, else counted.
    private var municipalityNames: String {
        let names = report.municipalities.map(\.name)
        return names.count <= 12 ? names.joined(separator: catalog.text("core", "format.listSeparator"))
            : catalog.counted(String(names.count), value: names.count, noun: "municipality")
    }

    func text() -> String {
        var blocks = [heading.joined(separator: "\n")]
        func table(_ scope: String, _ figures: [String: ReportValue]) -> String {
            scope + "\n" + TextTable(header: [catalog.text("core", "profile.figure"), catalog.text("core", "profile.value")],
                                     rows: report.rows.map { [label($0), publication.text(figures[$0.id])] }).render()
        }
        blocks.append(table(catalog.text("core", "report.total"), report.figures))
        for municipality in report.municipalities where report.municipalities.count > 1 {
            blocks.append(table(municipality.name, municipality.figures))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    func csv(delimiter: String) -> String {
        var rows = [Voice(catalog: catalog).columns("table.profileCSV")]
        for row in report.rows {
            rows.append([row.id, label(row), catalog.text("core", "report.total"), publication.text(report.figures[row.id])])
            for municipality in report.municipalities {
                rows.append([row.id, label(row), municipality.name, publication.text(municipality.figures[row.id])])
            }
        }
        return CSVText(delimiter: delimiter).render(rows)
    }

    func workbook() -> Workbook {
        let columns = [catalog.text("core", "profile.figure"), catalog.text("core", "profile.id"), catalog.text("core", "profile.value")]
        func sheet(_ name: String, _ heading: [String], _ figures: [String: ReportValue]) -> Workbook.Sheet {
            Workbook.Sheet(name: name, heading: heading, columns: columns,
                           rows: report.rows.map { [.text(label($0)), .text($0.id), publication.cell(figures[$0.id])] })
        }
        return Workbook(sheets: [sheet(report.profile.sheet.text(locale), heading, report.figures)]
                        + report.municipalities.map { sheet($0.name, [$0.name] + heading.dropFirst(), $0.figures) })
    }
}
