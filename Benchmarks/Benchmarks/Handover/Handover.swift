import Benchmark
import Foundation
import Synchronization
import HousingModule
import LanguageModule
import LotseBinary
import LotseCore
import LotseTesting
import PluginKit
import SchoolModule
import SocialModule
import WorkModule

/// Handover of a big case (issue #5): 10 persons, 500 events, 20 MB of attachments.
/// Targets: export under 300 ms; verify and import under 400 ms; peak memory under
/// 100 MB whatever the attachments' size (files are streamed, never loaded whole).
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let folder = LotseBinary.dataFolder.appendingPathComponent("handover")
    let sender = folder.appendingPathComponent("sender.sqlite").path
    let receiver = folder.appendingPathComponent("receiver.sqlite").path
    let cases = 24
    /// Each export takes the next case and each import the next bundle, across warm-up and measured runs.
    let exported = Counter(), imported = Counter()

    /// A sender database with `cases` identical big cases, and a consent for each.
    @Sendable func prepare() throws {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let resources = lotse.root.appendingPathComponent("resources")
        let modules: [any IntegrationModule] = [LanguageModule(), WorkModule(), SchoolModule(), HousingModule(), SocialModule()]
        let vocabulary = Vocabulary(registry: ModuleRegistry(modules), services: try ServiceCatalog.load(from: resources),
                                    closureReasons: try ClosureReasons.load(from: resources),
                                    personCodes: try PersonCodes.load(from: resources))
        let store = CaseStore(database: try LotseDatabase.open(at: URL(fileURLWithPath: sender)), principal: LotseTesting.unrestricted("bench"), vocabulary: vocabulary)
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1.5)
        let on = LocalDate(year: 2018, month: 3, day: 1)!
        var files: [URL] = []
        for index in 0..<4 {
            let file = folder.appendingPathComponent("scan\(index).pdf")
            var generator = SplitMix64(seed: UInt64(index + 1))
            try Data((0..<(5 << 20)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }).write(to: file)
            files.append(file)
        }
        for _ in 0..<cases {
            let caseId = try store.newCase(kind: .family, municipality: "Stadt Aalen", staff: nil,
                                           person: NewPerson(familyName: "Haddad", givenNames: "Amal", birth: BirthDate(year: 1985)!), open: true, on: on).caseFile.id!
            var persons: [Int64] = []
            for member in 0..<9 {
                persons.append(try store.addPerson(to: caseId, NewPerson(familyName: "Haddad", givenNames: "Kind \(member)", birth: BirthDate(year: 2005 + member)!), from: on).personId)
            }
            for event in 0..<500 {
                let date = on.adding(days: event)
                switch event % 3 {
                case 0: _ = try store.addConversation(caseId, on: date, kind: .family, topics: ["language", "school"], note: "Gespräch \(event)")
                case 1: _ = try store.addReferral(caseId, personId: nil, on: date, service: "jobcenter", problem: "Bescheid \(event)", outcome: nil)
                default: _ = try store.addOutcome(caseId, personId: persons[event % 9], module: "school", kind: "tutoring", value: nil, on: date)
                }
            }
            for file in files { _ = try store.attach(caseId, file: file, on: on) }
            _ = try store.addConsent(caseId, personId: nil, scope: "handover", recipient: "Stadt Schwäbisch Gmünd", givenOn: on, form: nil)
        }
        try lotse.run(["municipality", "add", "Stadt Schwäbisch Gmünd", "--kind", "city", "--fte", "3"], database: receiver)
    }

    let configuration = Benchmark.Configuration(metrics: [.wallClock, .custom("peak memory of lotse (MB)", useScalingFactor: false)],
                                                maxDuration: .seconds(60), maxIterations: 8)
    Benchmark("handover export, 20 MB attachments", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let caseId = exported.next()
            let bundle = folder.appendingPathComponent("bundle-\(caseId).zip").path
            benchmark.startMeasurement()
            try! lotse.run(["handover", "export", String(caseId), "--to", "Stadt Schwäbisch Gmünd", "-o", bundle], database: sender)
            benchmark.stopMeasurement()
        }
        benchmark.measurement(.custom("peak memory of lotse (MB)", useScalingFactor: false), LotseBinary.childPeakMegabytes)
    } setup: {
        try prepare()
    }
    Benchmark("handover verify and import, 20 MB attachments", configuration: configuration) { benchmark in
        for _ in benchmark.scaledIterations {
            let bundle = folder.appendingPathComponent("bundle-\(imported.next()).zip").path
            benchmark.startMeasurement()
            try! lotse.run(["handover", "import", bundle], database: receiver)
            benchmark.stopMeasurement()
        }
        benchmark.measurement(.custom("peak memory of lotse (MB)", useScalingFactor: false), LotseBinary.childPeakMegabytes)
    } teardown: {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Hands out 1, 2, 3, … across threads and runs.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}
