import Benchmark
import Foundation
import HousingModule
import LanguageModule
import LotseBinary
import LotseCore
import LotseTesting
import PluginKit
import SchoolModule
import SocialModule
import WorkModule

/// The intake at county scale (issue #4), on a copy of the 100,000-case database that
/// `LotseBinary.county` makes:
/// - from an answer to the next question ready (validation, skip logic, saving the
///   answer in its own transaction with its audit events): under 5 ms at p99;
/// - a whole scripted intake through a pipe, process start included: under 500 ms.
let benchmarks: @Sendable () -> Void = {
    let lotse = LotseBinary()
    let modules: [any IntegrationModule] = [LanguageModule(), WorkModule(), SchoolModule(), HousingModule(), SocialModule()]
    let source = LotseBinary.dataFolder.appendingPathComponent("county-100k-v3/lotse.sqlite")
    let copy = LotseBinary.dataFolder.appendingPathComponent("intake-\(getpid()).sqlite")

    @Sendable func prepare() throws -> CaseStore {
        _ = try lotse.county()
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: source, to: copy)
        let resources = lotse.root.appendingPathComponent("resources")
        let vocabulary = Vocabulary(registry: ModuleRegistry(modules), services: try ServiceCatalog.load(from: resources),
                                    closureReasons: try ClosureReasons.load(from: resources),
                                    personCodes: try PersonCodes.load(from: resources))
        return CaseStore(database: try LotseDatabase.open(at: copy), principal: LotseTesting.unrestricted("bench"), vocabulary: vocabulary)
    }

    /// Active family cases with children, for realistic households.
    @Sendable func familyCases(_ store: CaseStore, count: Int) throws -> [Int64] {
        let cases = try store.listCases(CaseFilter(municipality: "Stadt Schwäbisch Gmünd", status: .active, pageSize: 1000)).cases
        return Array(cases.filter { $0.kind == .family && $0.persons >= 3 }.map(\.id).prefix(count))
    }

    /// The answers a manager would type for the default path: the first choice, "nein", the lowest number.
    @Sendable func typed(_ question: Question) -> String {
        switch question.type {
        case .yesNo: "nein"
        case .choice, .multiChoice: "1"
        case .number(let range): String(range.lowerBound)
        case .date: "01.03.2018"
        case .text: "Notiz"
        case .cefrLevel: "A2"
        }
    }

    Benchmark("intake: answer to next question (100,000 cases)",
              configuration: .init(metrics: [.wallClock], maxDuration: .seconds(20), maxIterations: 2000,
                                   thresholds: [.wallClock: .init(absolute: [.p99: 5_000_000])])) { benchmark, store in
        let on = LocalDate(year: 2019, month: 6, day: 1)!
        var plans: [(Int64, IntakePlan)] = []
        for caseId in try! familyCases(store, count: 40) {
            plans.append((caseId, IntakePlan(modules: modules, persons: try! store.intakePersons(caseId, on: on))))
        }
        var planIndex = 0
        var answers = IntakeAnswersState()
        var step: IntakeStep? = plans[0].1.next(after: nil, answers)
        for _ in benchmark.scaledIterations {
            if step == nil {
                planIndex = (planIndex + 1) % plans.count
                answers = IntakeAnswersState()
                step = plans[planIndex].1.next(after: nil, answers)
            }
            let (caseId, plan) = plans[planIndex]
            let current = step!
            benchmark.startMeasurement()
            guard case .success(let value) = plan.question(current).type.parse(typed(plan.question(current))) else { fatalError("bad default answer") }
            answers.set(value, for: current)
            step = plan.next(after: current, answers)
            try! store.saveAnswer(caseId, step: current, value: value, next: step)
            benchmark.stopMeasurement()
        }
    } setup: {
        try prepare()
    } teardown: {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) }
    }

    Benchmark("intake: whole scripted intake through a pipe (100,000 cases)",
              configuration: .init(metrics: [.wallClock, .custom("answers typed", useScalingFactor: false)], maxDuration: .seconds(20), maxIterations: 30,
                                   thresholds: [.wallClock: .init(absolute: [.p50: 500_000_000])])) { benchmark, store in
        let on = LocalDate(year: 2019, month: 6, day: 1)!
        let cases = try! familyCases(store, count: 200)
        for iteration in benchmark.scaledIterations {
            let caseId = cases[(iteration + 40) % cases.count]
            let plan = IntakePlan(modules: modules, persons: try! store.intakePersons(caseId, on: on))
            var answers = IntakeAnswersState()
            var lines: [String] = []
            var step = plan.next(after: nil, answers)
            while let current = step {
                let input = typed(plan.question(current))
                if case .success(let value) = plan.question(current).type.parse(input) { answers.set(value, for: current) }
                lines.append(input)
                step = plan.next(after: current, answers)
            }
            benchmark.measurement(.custom("answers typed", useScalingFactor: false), lines.count)
            let script = (lines + Array(repeating: "n", count: 30) + [""]).joined(separator: "\n") + "\n"
            benchmark.startMeasurement()
            try! lotse.run(["intake", String(caseId), "--on", "2019-06-01"], database: copy.path, input: script)
            benchmark.stopMeasurement()
        }
    } setup: {
        try prepare()
    } teardown: {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) }
    }
}
