import PluginKit

/// What a batch run does to each case: `batch close`, `batch archive` and `batch purge`
/// are policies plugged into one `BatchRun`, which owns the lock, the loop, dry runs,
/// the log line per case and the failures.
public protocol BatchPolicy: Sendable {
    associatedtype Candidate: Sendable

    /// Runs once under the batch lock, before the candidates are chosen (e.g. removes
    /// files a killed run left).
    func prepare() throws
    /// The cases the policy applies to on `date`, in the order they are worked on.
    func candidates(on date: LocalDate) throws -> [Candidate]
    func caseId(of candidate: Candidate) -> Int64
    /// The dry run's line for a case.
    func preview(_ candidate: Candidate) -> Message
    /// Does the work for one case, in its own transaction; returns the log line.
    /// `index` counts the cases of this run from 0.
    func apply(_ candidate: Candidate, index: Int, on date: LocalDate) throws -> Message
    /// Runs once after every case, also when some failed (e.g. writes an index).
    func finish() throws
    /// How many cases may be worked on at once (1: in order).
    var workers: Int { get }
}

extension BatchPolicy {
    public func prepare() throws {}
    public func finish() throws {}
    public var workers: Int { 1 }
}
