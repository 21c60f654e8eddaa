import Foundation
@testable import Host
@testable import LotseCore
import PluginKit
import Testing

/// The client's language (#29): the shipped client catalogs match the plain-German
/// source and cover every goal template; a county's file replaces a shipped one and a
/// broken one is refused by name; pango shapes Arabic script by its language.
@Suite struct ClientLanguageTests {
    static let resources = CatalogTests.resources
    static let shipped = ["ar", "de", "en", "fa", "fa-AF", "fr", "ru", "tr", "uk"]

    @Test func theShippedCatalogsAreCompleteAndNameTheirScript() throws {
        let catalogs = try ClientCatalog.load(resources: Self.resources, county: nil)
        #expect(catalogs.keys.sorted() == Self.shipped)
        for template in builtinModules.modules.flatMap(\.goalTemplates) {
            for catalog in catalogs.values {
                #expect(catalog.has("goal.\(template.id).title") && catalog.has("goal.\(template.id).text"), "\(catalog.language): \(template.id)")
            }
        }
        #expect(catalogs.values.filter(\.rightToLeft).map(\.language).sorted() == ["ar", "fa", "fa-AF"])
        #expect(catalogs.values.allSatisfy { !$0.reviewed }, "no translation has been reviewed by a qualified translator yet")
        #expect(catalogs["ar"]!.text("agreement.goalsFor", ["person": "Amal"]) == "أهداف Amal")
    }

    @Test func aCountyCatalogReplacesTheShippedOneAndABrokenOneIsRefused() throws {
        let county = FileManager.default.temporaryDirectory.appendingPathComponent("client-locales-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: county, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: county) }
        var file = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.resources.appendingPathComponent("client-locales/tr.json"))) as! [String: Any]
        var texts = file["texts"] as! [String: String]
        texts["agreement.title"] = "Uyum anlaşması"
        file["texts"] = texts
        file["reviewed"] = true
        try JSONSerialization.data(withJSONObject: file).write(to: county.appendingPathComponent("tr.json"))
        let catalogs = try ClientCatalog.load(resources: Self.resources, county: county)
        #expect(catalogs["tr"]!.text("agreement.title") == "Uyum anlaşması" && catalogs["tr"]!.reviewed)

        texts["goal.work.find_employment.text"] = "{person} çalışır."  // lost {due}
        file["texts"] = texts
        try JSONSerialization.data(withJSONObject: file).write(to: county.appendingPathComponent("tr.json"))
        let error = #expect(throws: DataError.self) { try ClientCatalog.load(resources: Self.resources, county: county) }
        let said = Catalog(locale: "en", texts: ["core": ["clientCatalog.invalid": "{path}: {problem}", "clientCatalog.shape": "{key} differs"]])
            .render(error?.message ?? Message("none"))
        #expect(said.hasSuffix("tr.json: goal.work.find_employment.text differs"), "\(said)")
    }

    /// The PDF's text layer holds the source text whatever was drawn; the glyphs show the
    /// shaping: a joined Arabic word is not the row of its letters' isolated forms.
    @Test func arabicScriptIsShapedIntoJoinedForms() throws {
        let writer = PDFWriter()
        for language in [PrintDocument.Language(tag: "ar", rightToLeft: true, font: "Noto Naskh Arabic"),
                         PrintDocument.Language(tag: "fa", rightToLeft: true, font: "Noto Naskh Arabic")] {
            let word = "سلام"
            let joined = try writer.glyphs(word, language: language)
            let isolated = try word.map { try writer.glyphs(String($0), language: language) }.flatMap { $0 }
            #expect(joined.count == 4 || joined.count == 3, "\(language.tag): \(joined)")  // لا may form a ligature
            #expect(joined != isolated && joined != isolated.reversed(), "\(language.tag): shaped \(joined), isolated \(isolated)")
            #expect(!joined.contains(0), "no glyph missing")
        }
        // Persian's yeh (ی) and Arabic's yeh (ي) end a word in different forms.
        #expect(try writer.glyphs("فی", language: .init(tag: "fa", rightToLeft: true)) != writer.glyphs("في", language: .init(tag: "ar", rightToLeft: true)))
    }
}
