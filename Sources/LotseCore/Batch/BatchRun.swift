import Foundation
import PluginKit
import Synchronization

/// One batch run over the cases a policy chooses: takes the batch lock, works on each
/// case in its own transaction (a failure stops only that case), reports a line per
/// case as it goes, and returns a result per case. A dry run changes nothing and
/// reports what it would do.
public struct BatchRun<Policy: BatchPolicy>: Sendable {
    public let store: CaseStore
    public let policy: Policy

    public init(store: CaseStore, policy: Policy) {
        self.store = store
        self.policy = policy
    }

    /// What happened to one case.
    public struct CaseResult: Sendable {
        public let candidate: Policy.Candidate
        public let caseId: Int64
        /// The log line (done, or would be done in a dry run), or why it failed.
        public let outcome: Result<Message, any Error>

        public var failed: Bool { if case .failure = outcome { true } else { false } }
    }

    /// Runs the batch; `report` gets each case's result as soon as it is known, with
    /// the number of cases in the run (one call at a time), so a long run shows its
    /// progress.
    public func run(on date: LocalDate, dryRun: Bool,
                    report: @escaping @Sendable (CaseResult, _ total: Int) -> Void = { _, _ in }) throws -> [CaseResult] {
        let lock = try BatchLock(database: store.database.path)
        defer { withExtendedLifetime(lock) {} }
        if !dryRun { try policy.prepare() }
        let candidates = try policy.candidates(on: date)
        let policy = policy
        if dryRun {
            return candidates.map { candidate in
                let result = CaseResult(candidate: candidate, caseId: policy.caseId(of: candidate), outcome: .success(policy.preview(candidate)))
                report(result, candidates.count)
                return result
            }
        }
        let results = Mutex([CaseResult?](repeating: nil, count: candidates.count))
        let work = { @Sendable (index: Int) in
            let candidate = candidates[index]
            let outcome = Result<Message, any Error> { try policy.apply(candidate, index: index, on: date) }
            let result = CaseResult(candidate: candidate, caseId: policy.caseId(of: candidate), outcome: outcome)
            results.withLock { $0[index] = result; report(result, candidates.count) }
        }
        let workers = min(max(1, policy.workers), max(1, candidates.count))
        if workers == 1 {
            candidates.indices.forEach(work)
        } else {
            let next = Mutex(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while case let index = next.withLock({ value -> Int in defer { value += 1 }; return value }), index < candidates.count {
                    work(index)
                }
            }
        }
        try policy.finish()
        return results.withLock { $0.compactMap { $0 } }
    }
}
