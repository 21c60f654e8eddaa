import Foundation
import GRDB
import PluginKit

// MARK: - Intake: persons, answers as they are given, the agreement at the end

extension CaseStore {
    /// Where a case stands before its intake: waiting cases are admitted first.
    public func intakeStatus(_ caseId: Int64) throws -> CaseStatus {
        try read(.writeCases, case: caseId) { db in try CaseFile.existing(caseId, db).status }
    }

    /// The persons of a case on a date, with names and ages (an audited read).
    public func intakePersons(_ caseId: Int64, on date: LocalDate) throws -> [IntakePerson] {
        try write(.writeCases, case: caseId) { audit in
            let caseFile = try CaseFile.existing(caseId, audit.db)
            guard caseFile.status == .active || caseFile.status == .waiting else {
                throw UsageError("intake.notActive", ["case": .number(caseId), "status": caseFile.status.label])
            }
            let rows = try Row.fetchAll(audit.db, sql: """
                SELECT p.id, p.birthDate, p.country, p.languageCodes, pi.givenNames, pi.familyName FROM householdMember m
                JOIN person p ON p.id = m.personId LEFT JOIN personIdentity pi ON pi.personId = p.id
                WHERE m.householdId = ? AND (? IS NULL OR m.personId = ?) AND m.fromDate <= ? AND (m.toDate IS NULL OR m.toDate > ?)
                ORDER BY p.birthDate, p.id
                """, arguments: [caseFile.householdId, caseFile.personId, caseFile.personId, date, date])
            try audit.record(.read, "caseFile", id: caseId, caseId: caseId, field: "intake")
            return rows.map { row in
                let birth: LocalDate = row["birthDate"]
                let name = [row["givenNames"] as String?, row["familyName"] as String?].compactMap { $0 }.joined(separator: " ")
                return IntakePerson(id: row["id"], name: name.isEmpty ? "#\(row["id"] as Int64)" : name, age: birth.age(on: date), country: row["country"],
                                    languages: Person.languages(row["languageCodes"]))
            }
        }
    }

    /// The latest answer to every question of the case, and where a paused intake resumes.
    public func intakeState(_ caseId: Int64, plan: IntakePlan) throws -> (answers: IntakeAnswersState, position: String?, completed: Bool) {
        try read(.writeCases, case: caseId) { db in
            var answers = IntakeAnswersState()
            let rows = try Answer.ofCase(caseId).fetchAll(db)
            let byKey = Dictionary(plan.steps.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            for answer in rows {
                let key = answer.personId.map { "\(answer.questionId)@\($0)" } ?? answer.questionId
                guard let step = byKey[key] else { continue }
                answers.set(plan.question(step).type.decode(stored: answer.value), for: step)
            }
            let session = try IntakeSession.fetchOne(db, key: caseId)
            return (answers, session?.position, session?.completed ?? false)
        }
    }

    /// Saves one answer the moment it is given (nothing typed is lost by a crash), and
    /// where the intake goes on.
    public func saveAnswer(_ caseId: Int64, step: IntakeStep, value: AnswerValue, next: IntakeStep?) throws {
        try write(.writeCases, case: caseId) { audit in
            var answer = Answer(caseId: caseId, personId: step.personId, questionId: step.question, value: value.stored, givenAt: audit.at)
            try answer.insert(audit.db)
            try audit.created(answer, id: answer.id, caseId: caseId)
            try IntakeSession.move(caseId, to: next?.key, at: audit.at, audit.db)
        }
    }

    /// Remembers where a paused intake resumes.
    public func setIntakePosition(_ caseId: Int64, _ step: IntakeStep?) throws {
        try write(.writeCases, case: caseId) { audit in try IntakeSession.move(caseId, to: step?.key, at: audit.at, audit.db) }
    }

    /// Marks a case's questions as done: a paused intake resumes at the goals.
    public func setIntakeAtGoals(_ caseId: Int64) throws {
        try write(.writeCases, case: caseId) { audit in try IntakeSession.move(caseId, to: IntakeSession.atGoals, at: audit.at, audit.db) }
    }

    /// The goal decisions of the case's unfinished intake, in the order they were made.
    public func goalDecisions(_ caseId: Int64) throws -> [ProposedGoal] {
        try read(.writeCases, case: caseId) { db in
            guard let text = try IntakeSession.fetchOne(db, key: caseId)?.goals else { return [] }
            return try JSONDecoder().decode([ProposedGoal].self, from: Data(text.utf8))
        }
    }

    /// Saves one goal decision the moment it is made (audited as a change of the intake).
    public func saveGoalDecision(_ caseId: Int64, _ decision: ProposedGoal) throws {
        try write(.writeCases, case: caseId) { audit in
            guard var session = try IntakeSession.fetchOne(audit.db, key: caseId) else { throw notFound("intake", String(caseId)) }
            var decisions = try session.goals.map { try JSONDecoder().decode([ProposedGoal].self, from: Data($0.utf8)) } ?? []
            decisions.append(decision)
            session.goals = String(decoding: try JSONEncoder().encode(decisions), as: UTF8.self)
            session.updatedAt = audit.at
            try session.update(audit.db)
            try audit.record(.update, "intakeSession", id: caseId, caseId: caseId, field: "goals", value: .some(decision.title))
        }
    }

    /// Saves the agreement and its goals in one transaction and completes the intake.
    /// The case's next review is the earliest review any goal asks for.
    public func saveAgreement(_ caseId: Int64, signedOn date: LocalDate, goals: [NewGoal], interpreter: String? = nil) throws -> Agreement {
        guard !goals.isEmpty else { throw UsageError("agreement.noGoals") }
        let interpreter = try interpreter.flatMap(Self.interpreterName)
        for goal in goals { try FactDate.due.ahead(goal.dueOn, today: date) }
        return try write(.writeCases, case: caseId) { audit in
            let oldCase = try CaseFile.existing(caseId, audit.db)
            try FactDate.signed.check(date, notBefore: oldCase.startedOn)
            let review = goals.map { date.adding(months: $0.template.reviewEveryMonths) }.min()
            let (agreement, agreementId) = try Agreement(caseId: caseId, signedOn: date, nextReviewOn: review, interpreter: interpreter).insertedWithId(audit.db)
            try audit.created(agreement, id: agreementId, caseId: caseId)
            for new in goals {
                var goal = Goal(agreementId: agreementId, personId: new.personId, module: new.module, template: new.template.id,
                                title: new.title, dueOn: new.dueOn, responsible: new.responsible)
                try goal.insert(audit.db)
                try audit.created(goal, id: goal.id, caseId: caseId)
                try GoalChange.record(goal, on: date, audit, caseId: caseId)
            }
            var newCase = oldCase
            newCase.nextReviewOn = review
            try newCase.update(audit.db)
            try audit.updated(from: oldCase, to: newCase, id: caseId, caseId: caseId)
            try ScheduledReview.schedule(caseId, next: review, on: date, held: false, audit)
            if try IntakeSession.exists(audit.db, key: caseId) {
                try IntakeSession.move(caseId, to: nil, completed: true, at: audit.at, audit.db)
            }
            return agreement
        }
    }

    /// Records (or corrects, or with "" removes) who interpreted when an agreement was
    /// made; audited.
    public func editAgreement(_ agreementId: Int64, interpreter: String) throws -> Agreement {
        let name = try Self.interpreterName(interpreter)
        return try write(.writeCases) { audit in
            guard let old = try Agreement.fetchOne(audit.db, key: agreementId) else { throw notFound("agreement", String(agreementId)) }
            try principal.authorize(.writeCases, caseId: old.caseId, audit.db)
            var new = old
            new.interpreter = name
            try new.update(audit.db)
            try audit.updated(from: old, to: new, id: agreementId, caseId: old.caseId)
            return new
        }
    }

    /// An interpreter's name as stored: trimmed, nil when empty, a plain line of text.
    static func interpreterName(_ typed: String) throws -> String? {
        let name = typed.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { return nil }
        guard name.count <= 200, UntrustedText.controlCharacter(in: name) == nil else { throw UsageError("agreement.interpreterName") }
        return name
    }

    /// An agreement with its goals and names, for printing (an audited read).
    public func agreementDocument(_ agreementId: Int64) throws -> AgreementDocument {
        try auditedRead(.readCases) { audit in
            guard let agreement = try Agreement.fetchOne(audit.db, key: agreementId) else {
                throw notFound("agreement", String(agreementId))
            }
            try principal.authorize(.readCases, caseId: agreement.caseId, audit.db)
            let caseFile = try CaseFile.existing(agreement.caseId, audit.db)
            let goals = try Goal.ofAgreement(agreementId).fetchAll(audit.db)
            let members = HouseholdMember.filter(HouseholdMember.Columns.householdId == caseFile.householdId).select(HouseholdMember.Columns.personId)
            let identities = try PersonIdentity.filter(members.contains(PersonIdentity.Columns.personId)).fetchAll(audit.db)
            // Who signs: the case's adult (an individual case) or the household's adults on the day.
            let persons = try Person.filter(members.contains(Column("id"))).fetchAll(audit.db)
            let adults = persons.filter { $0.isAdult(on: agreement.signedOn) && (caseFile.personId == nil || $0.id == caseFile.personId) }
                .sorted { $0.birthDate < $1.birthDate }.map { $0.id! }
            try audit.record(.read, "agreement", id: agreementId, caseId: caseFile.id)
            let municipality = try Municipality.fetchOne(audit.db, key: caseFile.municipalityId)
            return AgreementDocument(agreement: agreement, goals: goals, caseFile: caseFile,
                                     municipality: municipality?.name ?? "", municipalityAddress: municipality?.address,
                                     staff: try caseFile.staffId.flatMap { try Staff.fetchOne(audit.db, key: $0)?.name },
                                     names: Dictionary(uniqueKeysWithValues: identities.map { ($0.personId, $0.fullName) }), adults: adults,
                                     languages: Dictionary(uniqueKeysWithValues: persons.map { ($0.id!, $0.languages) }.filter { !$0.1.isEmpty }))
        }
    }
}
