import Foundation
import GRDB
@testable import LotseCore
import PluginKit
import Testing

@Suite struct BundleTests {
    /// A store with one family case, a consent with a form, and a note.
    func sender() throws -> (CaseStore, URL) {
        let folder = TestStore.temporaryFolder()
        let store = try TestStore.make(folder: folder)
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1.5)
        let on = TestStore.date("2018-03-01")
        let caseId = try store.newCase(kind: .family, municipality: "Stadt Aalen", staff: nil,
                                       person: TestStore.person("Haddad", "Amal", born: "1985", arrival: "2015-10-01"), open: true, on: on).caseFile.id!
        let form = folder.appendingPathComponent("form.pdf")
        try Data(repeating: 0x25, count: 3000).write(to: form)
        _ = try store.addConsent(caseId, personId: nil, scope: "handover", recipient: "Stadt Schwäbisch Gmünd", givenOn: on, form: form)
        _ = try store.addOutcome(caseId, personId: 1, module: "language", kind: "level_reached", value: "A2", on: on)
        _ = try store.addNote(caseId, text: "Erstgespräch geführt", on: on)
        return (store, folder)
    }

    func export(_ store: CaseStore, to folder: URL, passphrase: String? = nil) throws -> URL {
        var request = HandoverExporter.Request(caseId: 1, receiver: "Stadt Schwäbisch Gmünd", date: TestStore.date("2019-01-01"))
        request.output = folder.appendingPathComponent("bundle-\(UUID().uuidString).zip").path
        request.passphrase = passphrase
        return URL(fileURLWithPath: try HandoverExporter(store: store, resources: TestStore.resources, locale: "de").export(request).path)
    }

    @Test func exportThenImportKeepsTheCaseAndRefusesASecondImport() throws {
        let (store, folder) = try sender()
        let path = try export(store, to: folder)
        #expect(try store.caseDetail(1).caseFile.status == .handedOver)
        let verified = try BundleReader(passphrase: nil, trustedKeys: []).read(path.path, extractTo: TestStore.temporaryFolder())
        let receiver = try TestStore.make()
        _ = try receiver.addMunicipality(name: "Stadt Schwäbisch Gmünd", kind: .city, fte: 3)
        let caseId = try receiver.importBundle(verified.bundle, files: verified.files, municipality: "Stadt Schwäbisch Gmünd", staff: nil,
                                               on: TestStore.date("2019-01-05"), sha256: verified.sha256)
        let detail = try receiver.caseDetail(caseId)
        #expect(detail.caseFile.origin == "Stadt Aalen/1" && detail.caseFile.openedOn == TestStore.date("2019-01-05"))
        #expect(detail.members.first?.identity?.fullName == "Amal Haddad")
        #expect(detail.outcomes.map(\.value) == ["A2"] && detail.outcomes.allSatisfy { $0.origin == "Stadt Aalen/1" })
        #expect(detail.attachments.first?.sha256 == verified.bundle.attachments.first?.sha256)
        #expect(detail.consents.first?.attachmentId == detail.attachments.first?.id)
        #expect(throws: BundleError.self) {
            try receiver.importBundle(verified.bundle, files: verified.files, municipality: "Stadt Schwäbisch Gmünd", staff: nil,
                                      on: TestStore.date("2019-01-05"), sha256: verified.sha256)
        }
        #expect(try TestStore.count(receiver, "caseFile") == 1)
        let problems = try receiver.verifyAudit().problems.map(TestStore.english)
        #expect(problems == [], "\(problems)")
    }

    /// The check after writing (which does not decrypt) notices a file that is not what
    /// was written: truncated, or another bundle under the same name.
    @Test func aWrittenBundleIsCheckedWithoutDecrypting() throws {
        let (store, folder) = try sender()
        let (bundle, files) = try store.exportBundle(1, to: "Archiv", on: TestStore.date("2019-01-01"), purpose: .archive)
        let url = folder.appendingPathComponent("archive.zip")
        let written = try BundleWriter(passphrase: "archive passphrase").write(bundle, files: files, summary: "Zusammenfassung", to: url.path)
        try BundleReader.check(written)
        #expect(written.sha256 == (try BundleReader(passphrase: "archive passphrase", trustedKeys: []).read(url.path)).sha256)

        let original = try Data(contentsOf: url)
        try original.prefix(original.count - 30).write(to: url)
        #expect(throws: BundleError.self) { try BundleReader.check(written) }
        try FileManager.default.removeItem(at: url)
        try BundleWriter(passphrase: nil).write(bundle, files: files, summary: "Zusammenfassung", to: url.path)
        #expect(throws: BundleError.self) { try BundleReader.check(written) }
    }

    /// Random damage to a valid bundle, thousands of times: the reader never crashes,
    /// refuses as damage (typed throws: always a `BundleError`), and whatever it accepts is
    /// exactly the original content. Seeded: a failure names the seed and round to
    /// replay (`LOTSE_FUZZ_SEED`).
    @Test func fuzzedBundlesAreRefusedOrUnchanged() throws {
        let seed = ProcessInfo.processInfo.environment["LOTSE_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261127
        let (store, folder) = try sender()
        for passphrase in [nil, "correct horse battery"] as [String?] {
            let path = try export(store, to: folder, passphrase: passphrase)
            _ = try store.database.write { try $0.execute(sql: "UPDATE caseFile SET status = 'active' WHERE id = 1") }
            let original = try Data(contentsOf: path)
            let reader = BundleReader(passphrase: passphrase, trustedKeys: [])
            let expected = try reader.read(path.path).bundle
            var generator = SplitMix64(seed: seed)
            var refused = 0
            let mutated = folder.appendingPathComponent("mutated.zip")
            for round in 0..<1500 {
                var bytes = [UInt8](original)
                switch round % 4 {
                case 0: for _ in 0..<Int.random(in: 1...4, using: &generator) { bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator) }
                case 1: bytes.removeLast(Int.random(in: 1..<bytes.count, using: &generator))
                case 2: bytes.insert(contentsOf: (0..<Int.random(in: 1...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) },
                                     at: Int.random(in: 0..<bytes.count, using: &generator))
                default:
                    let start = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes.replaceSubrange(start..<min(bytes.count, start + 16), with: repeatElement(0, count: min(bytes.count, start + 16) - start))
                }
                try Data(bytes).write(to: mutated)
                do {
                    let bundle = try reader.read(mutated.path).bundle
                    #expect(bundle == expected, "a damaged bundle was accepted with different content (seed \(seed), round \(round))")
                } catch {
                    // Damage is a damaged bundle: never "no such file" or "imported already".
                    refused += 1
                    switch error {
                    case .unreadable, .duplicate: Issue.record("seed \(seed), round \(round): refused as \(error), not as damage")
                    default: break
                    }
                }
            }
            #expect(refused > 1000, "most damage is caught (seed \(seed))")
        }
    }
}
