import Benchmark
import Foundation
import LotseBinary
import LotseCore
import LotseTesting
import PluginKit

/// Logins and access checks (issue #7):
/// - a login (scrypt with the stored cost) under 300 ms and well over 50 ms, so that
///   guessing is slow but a person does not notice;
/// - the access check adds under 1 ms to a command: `case show` as a manager (role and
///   the case's municipality checked) against the same read unrestricted; and the whole
///   `lotse case show` command, which also finds the user of the operating-system account.
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let password = "benchmark password of Frau Keller"

    @Sendable func county() throws -> CaseStore {
        let resources = lotse.root.appendingPathComponent("resources")
        let vocabulary = Vocabulary(registry: ModuleRegistry([]), services: try ServiceCatalog.load(from: resources),
                                    closureReasons: try ClosureReasons.load(from: resources),
                                    personCodes: try PersonCodes.load(from: resources))
        let store = CaseStore(database: try LotseTesting.inMemoryDatabase(), principal: LotseTesting.unrestricted("bench"), vocabulary: vocabulary)
        _ = try store.addMunicipality(name: "Stadt Aalen", kind: .city, fte: 1.5)
        _ = try store.addStaff(name: "Frau Keller", municipality: "Stadt Aalen", role: .manager, fteShare: 1)
        let person = NewPerson(familyName: "Haddad", givenNames: "Amal", birth: BirthDate(parsing: "1985")!, sex: .female,
                               arrivalDate: nil, stayProspect: .unknown)
        _ = try store.newCase(kind: .family, municipality: "Stadt Aalen", staff: "Frau Keller", person: person, open: true, on: .today)
        try store.addUser(name: "keller", osUser: nil, roles: [.manager], staff: "Frau Keller", countyWide: false, password: password, on: .today)
        return store
    }

    Benchmark("login (scrypt)", configuration: .init(metrics: [.wallClock], maxDuration: .seconds(10), maxIterations: 30)) { benchmark in
        let store = try county()
        let accounts = Accounts(database: store.database)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try accounts.login(name: "keller", password: password, terminal: "bench")) }
    }

    let reads = Benchmark.Configuration(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 2000)
    Benchmark("case show, as a manager (access checked)", configuration: reads) { benchmark in
        let admin = try county()
        let manager = CaseStore(database: admin.database, principal: try Accounts(database: admin.database).login(name: "keller", password: password, terminal: "bench"),
                                vocabulary: admin.vocabulary)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try manager.caseDetail(1)) }
    }
    Benchmark("case show, unrestricted (no municipality check)", configuration: reads) { benchmark in
        let store = try county()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try store.caseDetail(1)) }
    }
}
