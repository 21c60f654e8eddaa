import Foundation
import GRDB
import HousingModule
import LanguageModule
@testable import LotseCore
import LotseTesting
import PluginKit
import SchoolModule
import SocialModule
import WorkModule

/// Helpers shared by the store tests: an in-memory store with the real modules and
/// resources, and a temporary folder.
enum TestStore {
    static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("resources")

    static let registry = ModuleRegistry([LanguageModule(), WorkModule(), SchoolModule(), HousingModule(), SocialModule()])

    static let vocabulary: Vocabulary = {
        Vocabulary(registry: registry, services: try! ServiceCatalog.load(from: resources), closureReasons: try! ClosureReasons.load(from: resources),
                   personCodes: try! PersonCodes.load(from: resources))
    }()

    /// The English catalog: tests read messages as an English-speaking user would.
    static let english: Catalog = try! Catalog.load(from: resources, locale: "en")

    static func english(_ message: Message) -> String { english.render(message) }

    static func make(folder: URL? = nil) throws -> CaseStore {
        CaseStore(database: try LotseTesting.inMemoryDatabase(), principal: LotseTesting.unrestricted("tester"), vocabulary: vocabulary,
                  attachmentsFolder: (folder ?? temporaryFolder()).appendingPathComponent("files"))
    }

    /// A new folder for one test, inside this run's folder.
    static func temporaryFolder() -> URL {
        let url = runFolder.appendingPathComponent(UUID().uuidString)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One folder for every test of this run (each store makes one), removed when the
    /// test process exits: a run left some 2,700 folders of test cases in /tmp.
    private static let runFolder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lotse-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestStore.runFolder) }
        return url
    }()

    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func person(_ family: String, _ given: String, born: String, arrival: String? = nil, prospect: StayProspect = .unknown) -> NewPerson {
        NewPerson(familyName: family, givenNames: given, birth: BirthDate(parsing: born)!, sex: .unknown,
                  arrivalDate: arrival.map(date), stayProspect: prospect)
    }

    static func count(_ store: CaseStore, _ table: String) throws -> Int {
        try store.database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}
