import Foundation
@testable import Host
import Testing

/// The kiosk's file rule: inside the export folder only, whatever the path says.
@Suite struct KioskLimitsTests {
    @Test func pathsStayInTheExportFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-kiosk-\(UUID().uuidString)")
        let export = root.appendingPathComponent("export")
        try FileManager.default.createDirectory(at: export.appendingPathComponent("berichte"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: export.appendingPathComponent("raus"), withDestinationURL: root)
        defer { try? FileManager.default.removeItem(at: root) }
        let limits = KioskLimits(exportFolder: export, idle: .seconds(600))

        #expect(limits.isInside("bericht.html") && limits.isInside("berichte/2019.html") && limits.isInside(export.path + "/neu/x.csv"))
        #expect(!limits.isInside("../bericht.html") && !limits.isInside("berichte/../../x") && !limits.isInside("/etc/passwd"))
        #expect(!limits.isInside("~/x") && !limits.isInside("raus/lotse.sqlite"))  // a link out of the folder

        #expect(limits.refusal(["report", "--as-of", "2019-06-30", "-o", "bericht.html"]) == nil)
        #expect(limits.refusal(["report", "--output=../x.html"]) != nil)
        #expect(limits.refusal(["case", "list", "--db=/tmp/other.sqlite"]) != nil)
        #expect(limits.refusal(["kiosk"]) != nil && limits.refusal(["init"]) != nil)
        #expect(limits.refusal(["conversation", "add", "1", "--topics", "language,work"]) == nil)
    }
}
