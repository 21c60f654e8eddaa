import Foundation
import LotseCore
import PluginKit

/// The draft of the Sachbericht to the Regierungspräsidium: German, at most three A4
/// pages, from the templates `sachbericht-text` and `sachbericht-html` (a county may
/// put its own in /etc/lotse/templates/de). Every figure is the funder's sheet's, as it
/// publishes it; where only a person can write, the draft leaves a marked gap.
struct Sachbericht {
    let report: ProfileReport
    let suppressBelow: Int?
    let context: AppContext

    /// Municipalities listed one by one up to this many; more are summed up.
    static let listedMunicipalities = 12
    /// Countries of origin and services named; the rest are summed up.
    static let listedCountries = 6, listedServices = 6, listedTemplates = 3

    func render(html: Bool) throws -> String {
        let catalog = try Catalog.load(from: context.resources, locale: "de")
        let sheet = ProfileDocument(report: report, publication: Publication(catalog: catalog, suppressBelow: suppressBelow),
                                    county: context.configuration.organisation.county)
        return try context.templates(catalog).render(html ? "sachbericht-html" : "sachbericht-text", model(sheet), as: html ? .html : .text)
    }

    /// The draft to print (`--sachbericht --format pdf`), from the text template so a
    /// county's own wording prints too: its first line is the title, a line "1. …" a
    /// section, a marked gap "[…]" small print, every other line a paragraph.
    func printDocument() throws -> PrintDocument {
        let lines = try render(html: false).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let title = lines.first ?? ""
        let blocks: [PrintDocument.Block] = [.heading(title)] + lines.dropFirst().map { line in
            if line.hasPrefix("["), line.hasSuffix("]") { return .note(line) }
            if line.prefix(while: \.isNumber).count > 0, line.drop(while: \.isNumber).hasPrefix(". ") { return .subheading(line) }
            return .paragraph(line)
        }
        let catalog = try Catalog.load(from: context.resources, locale: "de")
        return PrintDocument(title: title, language: "de", blocks: blocks, pageFooter: catalog.text("core", "print.page"))
    }

    func model(_ sheet: ProfileDocument) -> [String: Any] {
        let publication = sheet.publication, catalog = sheet.catalog
        let figures = report.figures
        func value(_ id: String) -> String { publication.text(figures[id]) }
        func count(_ id: String) -> DocumentTemplates.Counted { publication.counted(figures[id]) }
        func rows(_ prefix: String, limit: Int? = nil, skipZero: Bool = false) -> [[String: String]] {
            var chosen = report.rows.filter { $0.id.hasPrefix(prefix + ".") && !(skipZero && (figures[$0.id]?.count ?? 0) == 0) }
            if let limit { chosen = Array(chosen.sorted { (figures[$0.id]?.count ?? 0) > (figures[$1.id]?.count ?? 0) }.prefix(limit)) }
            return chosen.map { ["label": $0.part.map(sheet.name) ?? sheet.label($0), "value": value($0.id)] }
        }
        /// The rows as one line of text: "weiblich 392; männlich 324".
        func line(_ rows: [[String: String]]) -> String { rows.map { "\($0["label"]!) \($0["value"]!)" }.joined(separator: "; ") }
        let municipalities = report.municipalities
        let staffing: [String: Any] = [
            "listed": municipalities.count <= Self.listedMunicipalities,
            "rows": municipalities.map { ["name": $0.name, "fte": catalog.decimal($0.fte, places: 2), "staff": $0.staff,
                                          "staffFTE": catalog.decimal($0.staffFTE, places: 2)] },
            "count": municipalities.count,
            "fte": catalog.decimal(municipalities.map(\.fte).reduce(0, +), places: 2),
            "staff": municipalities.map(\.staff).reduce(0, +),
            "staffFTE": catalog.decimal(municipalities.map(\.staffFTE).reduce(0, +), places: 2),
        ]
        let templates = report.achievedTemplates.prefix(Self.listedTemplates).map { achieved in
            ["label": catalog.text(achieved.module, "goal.\(achieved.template.dropFirst(achieved.module.count + 1)).title"),
             "value": publication.text(achieved.count)]
        }
        func background(_ id: String) -> DocumentTemplates.Counted { publication.counted(report.background[id]) }
        return [
            "title": catalog.text("core", "sachbericht.title"),
            "period": sheet.heading[1],
            "scope": sheet.heading[2],
            "note": suppressBelow.map { catalog.text("core", "report.suppressed", ["n": String($0)]) } ?? "",
            "staffing": staffing,
            "persons": [
                "total": count("persons.total"),
                "sex": rows("persons.sex"), "age": rows("persons.age"),
                "countries": rows("persons.country", limit: Self.listedCountries, skipZero: true),
                "statuses": rows("persons.status", skipZero: true),
                "sexLine": line(rows("persons.sex")), "ageLine": line(rows("persons.age")),
                "countriesLine": line(rows("persons.country", limit: Self.listedCountries, skipZero: true)),
                "statusesLine": line(rows("persons.status", skipZero: true)),
                "individual": count("cases.individual"), "family": count("cases.family"),
                "plansNew": count("plans.new"), "plansActive": count("plans.active"),
            ] as [String: Any],
            "work": [
                "individual": count("conversations.individual"), "family": count("conversations.family"),
                "topics": rows("conversations.topic"),
                "services": rows("referrals.service", limit: Self.listedServices, skipZero: true),
                "topicsLine": line(rows("conversations.topic")),
                "servicesLine": line(rows("referrals.service", limit: Self.listedServices, skipZero: true)),
                "contacts": count("contacts.network"),
            ] as [String: Any],
            "goals": [
                "agreed": value("goals.agreed"), "achieved": value("goals.achieved"), "dropped": value("goals.dropped"),
                "overdue": value("goals.overdue"), "attainment": value("goals.attainment_percent"),
                "templates": templates, "anyTemplates": !templates.isEmpty, "templatesLine": line(templates),
                "reviewsDue": background("core.reviews_due"), "reviewsOnTime": background("core.reviews_on_time"),
            ] as [String: Any],
            "waiting": background("core.cases_waiting"),
            "clock": [
                "extended": background("core.cases_extended"), "near": background("core.cases_near_care_limit"),
                "closedAtLimit": background("core.cases_closed_at_limit"),
            ],
        ]
    }
}
