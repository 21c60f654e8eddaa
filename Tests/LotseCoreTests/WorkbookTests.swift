import Foundation
import LotseCore
import Testing

@Suite struct WorkbookTests {
    @Test func sheetNamesAreValidUniqueAndAtMost31Characters() {
        let long = "Verwaltungsgemeinschaft Schwäbisch Gmünd-Waldstetten"
        let book = Workbook(sheets: [long, long, "Stadt [Ulm]: Nord/Süd?", "stadt [ulm]: nord/süd?", "'"].map {
            Workbook.Sheet(name: $0, heading: [], columns: [], rows: [])
        })
        let names = book.sheetNames
        #expect(names.allSatisfy { $0.count <= 31 && !$0.isEmpty && !$0.contains(where: "[]:*?/\\".contains) })
        #expect(Set(names.map { $0.lowercased() }).count == names.count, "unique, ignoring case as Excel does")
        #expect(names[0] == String(long.prefix(31)) && names[1].hasSuffix(" (2)") && names[1].count == 31)
        #expect(names[2] == "Stadt -Ulm-- Nord-Süd-" && names[3] == "stadt -ulm-- nord-süd- (2)" && names[4] == "-")
    }

    @Test func theWorkbookIsAZipWithOneSheetEach() throws {
        let book = Workbook(sheets: [Workbook.Sheet(name: "Auswertung Zeitraum", heading: ["Titel"], columns: ["a", "b"],
                                                    rows: [[.text("x"), .number(3)], [.text("y"), .decimal(50.0)], [.text("z"), .empty]])])
        let data = try book.data()
        #expect(data.prefix(2) == Data("PK".utf8))
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("xl/worksheets/sheet1.xml") && !text.contains("xl/worksheets/sheet2.xml"))
    }
}
