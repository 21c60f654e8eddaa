import PluginKit

/// `batch close`: closes the active cases a rule applies to, on the date the rule gives
/// (a move's date, else the run's date), with the rule's closure reason.
public struct ClosePolicy: BatchPolicy {
    public let store: CaseStore
    public let rule: ClosureRule
    public let deployment: Deployment

    public init(store: CaseStore, rule: ClosureRule, deployment: Deployment) {
        self.store = store
        self.rule = rule
        self.deployment = deployment
    }

    public func candidates(on date: LocalDate) throws -> [ClosureCandidate] {
        try store.closureCandidates(rule, on: date, inactiveMonths: deployment.inactiveMonths, maxCareYears: deployment.maxCareYears)
    }

    public func caseId(of candidate: ClosureCandidate) -> Int64 { candidate.caseId }

    public func preview(_ candidate: ClosureCandidate) -> Message { line("batch.wouldClose", candidate) }

    public func apply(_ candidate: ClosureCandidate, index: Int, on date: LocalDate) throws -> Message {
        _ = try store.closeCase(candidate.caseId, reason: rule.reason, on: candidate.closeOn, as: .batchClose)
        return line("batch.closed", candidate)
    }

    private func line(_ key: String, _ candidate: ClosureCandidate) -> Message {
        Message(key, ["case": .number(candidate.caseId), "municipality": .text(candidate.municipality), "persons": .number(candidate.persons),
                      "date": .date(candidate.closeOn), "reason": .label("closure.\(rule.reason)"), "why": .message(candidate.why)])
    }
}
