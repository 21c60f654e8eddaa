import Foundation
import LotseCore

/// How figures are published: counts under `suppressBelow` hidden ("<N" in text, null
/// in JSON; zero stays zero), a percentage with one decimal in the locale's way
/// ("66,7 %"). Shared by the report and the funder's sheet.
struct Publication {
    let catalog: Catalog
    /// Counts under this are suppressed (nil: show everything).
    let suppressBelow: Int?

    /// A count as JSON holds it: nil when suppressed.
    func shown(_ n: Int) -> Int? { suppressBelow.map { n > 0 && n < $0 ? nil : n } ?? n }

    func shown(_ value: ReportValue) -> ReportValue? { value.count.map { shown($0).map(ReportValue.count) } ?? value }

    /// A count as text.
    func text(_ n: Int?) -> String {
        guard let n else { return "–" }
        return shown(n).map(String.init) ?? "<\(suppressBelow!)"
    }

    /// A figure as text; "–" when there is none.
    func text(_ figure: ReportValue?) -> String {
        switch figure {
        case .count(let n): text(n)
        case .percent(let p): catalog.text("core", "format.percent", ["value": catalog.decimal(p, places: 1)])
        case nil: "–"
        }
    }

    /// A count for a template, which writes it with its noun (`{{case(waiting)}}`).
    func counted(_ figure: ReportValue?) -> DocumentTemplates.Counted {
        DocumentTemplates.Counted(shown: text(figure), value: figure?.count.flatMap(shown))
    }

    /// A figure as a workbook cell: a number, or text when suppressed or absent.
    func cell(_ figure: ReportValue?) -> Workbook.Cell {
        switch figure {
        case .count(let n): shown(n).map(Workbook.Cell.number) ?? .text("<\(suppressBelow!)")
        case .percent(let p): .decimal(p)
        case nil: .text("–")
        }
    }
}
