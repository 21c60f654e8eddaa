import GRDB

/// Where a case's intake stands: the step a paused intake resumes at, and whether the
/// agreement at its end was saved. One row per case.
struct IntakeSession: Codable, FetchableRecord, PersistableRecord {
    var caseId: Int64
    /// The key of the step to ask next (`IntakeStep.key`); nil at the start or the end.
    var position: String?
    var completed: Bool
    /// The goal decisions made so far (JSON of `[ProposedGoal]`); nil once saved.
    var goals: String?
    var startedAt: String
    var updatedAt: String

    enum Columns {
        static let caseId = Column(CodingKeys.caseId)
        static let position = Column(CodingKeys.position)
        static let completed = Column(CodingKeys.completed)
    }

    /// The position of an intake whose questions are all answered: it resumes at the goals.
    static let atGoals = "@goals"

    /// Moves a case's intake to `position` (reopening a completed one), as of `at`.
    static func move(_ caseId: Int64, to position: String?, completed: Bool = false, at: String, _ db: Database) throws {
        var session = try fetchOne(db, key: caseId) ?? IntakeSession(caseId: caseId, position: nil, completed: false, goals: nil, startedAt: at, updatedAt: at)
        session.position = position
        session.completed = completed
        if completed { session.goals = nil }
        session.updatedAt = at
        try session.save(db)
    }
}
