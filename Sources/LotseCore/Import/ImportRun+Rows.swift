import Foundation
import GRDB
import PluginKit

// MARK: - One row per file: validate, then insert

extension ImportRun {
    mutating func insert(_ file: String, _ row: ImportRow, _ id: String) throws {
        switch file {
        case "municipalities.csv": try municipality(row, id)
        case "staff.csv": try staffMember(row, id)
        case "households.csv": try household(row, id)
        case "persons.csv": try person(row, id)
        case "cases.csv": try caseFile(row, id)
        case "agreements.csv": try agreement(row, id)
        case "goals.csv": try goal(row, id)
        case "conversations.csv": try conversation(row, id)
        case "referrals.csv": try referral(row, id)
        case "outcomes.csv": try outcome(row, id)
        case "contacts.csv": try contact(row, id)
        case "reviews.csv": try review(row, id)
        default: break
        }
    }

    /// Runs `validate`; when the row had no problem, inserts it with `sql` and the
    /// arguments `validate` returned, and records its new rowid under `ids`.
    private mutating func row(_ row: ImportRow, _ id: String, _ ids: WritableKeyPath<ImportRun, LegacyIds>, _ sql: String,
                              _ validate: (inout ImportRun) throws -> StatementArguments?) throws {
        if self[keyPath: ids].rowids[id] != nil {
            summary.unchanged += 1
            return
        }
        let before = problems.mark
        let arguments = try validate(&self)
        guard problems.mark == before, let arguments else {
            self[keyPath: ids].invalid.insert(id)
            return
        }
        try db.cachedStatement(sql: sql).execute(arguments: arguments + ["legacy:\(id)"])
        self[keyPath: ids].rowids[id] = db.lastInsertedRowID
        summary.inserted[row.file, default: 0] += 1
    }

    mutating func municipality(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.municipalities, "INSERT INTO municipality (name, kind, fte, sourceRef) VALUES (?, ?, ?, ?)") { run in
            let name = r.text("name"), kind = r.choice("kind", MunicipalityKind.self), fte = r.number("fte")
            if let fte, fte < 0 { r.fail("fte", Message("import.fte", ["value": .decimal(fte, places: 2)])) }
            if let name, try Bool.fetchOne(run.db, sql: "SELECT EXISTS (SELECT 1 FROM municipality WHERE name = ? COLLATE NOCASE)", arguments: [name]) == true {
                r.fail("name", Message("import.municipalityExists", ["name": .text(name)]))
            }
            return [name, kind?.rawValue, fte]
        }
    }

    mutating func staffMember(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.staff, "INSERT INTO staff (municipalityId, name, role, fteShare, sourceRef) VALUES (?, ?, ?, ?, ?)") { run in
            let municipality = r.reference("municipality_id", in: run.municipalities, file: "municipalities.csv")
            let name = r.text("name"), role = r.choice("role", StaffRole.self), share = r.number("fte_share")
            if let share, !(share > 0 && share <= 1) { r.fail("fte_share", Message("import.share", ["value": .decimal(share, places: 2)])) }
            return [municipality, name, role?.rawValue, share]
        }
    }

    mutating func household(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.households, "INSERT INTO household (municipalityId, sourceRef) VALUES (?, ?)") { run in
            [r.reference("municipality_id", in: run.municipalities, file: "municipalities.csv")]
        }
    }

    mutating func person(_ r: ImportRow, _ id: String) throws {
        if persons.rowids[id] != nil {
            summary.unchanged += 1
            return
        }
        let before = problems.mark
        let household = r.reference("household_id", in: households, file: "households.csv")
        let family = r.text("family_name"), given = r.text("given_names")
        var birth: BirthDate?
        if let text = r.text("birth_date") {
            birth = text.count == 4 ? BirthDate(year: Int(text) ?? 0) : LocalDate(iso: text).map(BirthDate.init)
            if birth == nil { r.fail("birth_date", Message("import.birth", ["value": .text(text)])) }
            if let date = birth?.date, date > r.today {
                r.fail("birth_date", Message("import.afterToday", ["date": .text(text), "today": .text(r.today.iso)]))
                birth = nil
            }
        }
        let sex = r.choice("sex", Sex.self), arrival = r.fact("arrival_date", required: false)
        let prospect = r.choice("stay_prospect", StayProspect.self)
        // Optional: the country of origin as an ISO code; the residence status's text is
        // coded when it names a known status (else "other"), and kept as a note.
        let codes = vocabulary.personCodes
        var country: String?
        if let text = r.text("country_of_origin", required: false) {
            country = codes.country(text)
            if country == nil { r.fail("country_of_origin", codes.unknown(country: text)) }
        }
        // Optional: the languages read, tags separated by spaces or semicolons ("ar;fr").
        var languages: [String] = []
        if let text = r.text("languages", required: false) {
            languages = text.split(whereSeparator: { $0 == ";" || $0 == " " }).map(String.init)
            if let unknown = languages.first(where: { tag in !codes.languages.contains { $0.code == tag } }) {
                r.fail("languages", Message("import.languageTag", ["value": .text(unknown)]))
            }
        }
        let statusNote = r.text("residence_status", required: false)
        let residence = statusNote.map { codes.residence($0) ?? "other" }
        if let arrival, let birth, arrival < birth.date { r.fail("arrival_date", Message("import.arrivalBeforeBirth", ["birth": .text(birth.description)])) }
        guard problems.mark == before, let household, let family, let given, let birth, let sex, let prospect else {
            persons.invalid.insert(id)
            return
        }
        try db.cachedStatement(sql: "INSERT INTO person (birthDate, birthYearOnly, sex, arrivalDate, stayProspect, country, residence, languageCodes, sourceRef) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [birth.date, birth.yearOnly, sex.rawValue, arrival, prospect.rawValue, country, residence,
                                 languages.isEmpty ? nil : languages.joined(separator: ","), "legacy:\(id)"])
        let personId = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO personIdentity (personId, familyName, givenNames, residenceStatus) VALUES (?, ?, ?, ?)")
            .execute(arguments: [personId, family, given, statusNote])
        try db.cachedStatement(sql: "INSERT INTO householdMember (householdId, personId, fromDate) VALUES (?, ?, ?)")
            .execute(arguments: [household, personId, max(arrival ?? birth.date, birth.date)])
        persons.rowids[id] = personId
        householdOf[personId] = household
        summary.inserted[r.file, default: 0] += 1
    }

    mutating func caseFile(_ r: ImportRow, _ id: String) throws {
        var planned: (due: LocalDate, opened: LocalDate?)?
        try row(r, id, \.cases, """
            INSERT INTO caseFile (kind, householdId, personId, municipalityId, staffId, status, waitlistedOn, openedOn, closedOn, closureReason, nextReviewOn, sourceRef)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) { run in
            let kind = r.choice("kind", CaseKind.self)
            let household = r.reference("household_id", in: run.households, file: "households.csv")
            let person = r.reference("person_id", in: run.persons, file: "persons.csv", required: kind == .individual)
            if kind == .family, person != nil { r.fail("person_id", "import.familyPerson") }
            if let person, let household, let home = try run.householdOf(person), home != household {
                r.fail("person_id", Message("import.notInHousehold", ["person": .text(r.raw("person_id")), "household": .text(r.raw("household_id"))]))
            }
            let municipality = r.reference("municipality_id", in: run.municipalities, file: "municipalities.csv")
            let staff = r.reference("staff_id", in: run.staff, file: "staff.csv", required: false)
            let waitlisted = r.fact("waitlisted_on", required: false), opened = r.fact("opened_on", required: false)
            let closed = r.fact("closed_on", required: false), reason = r.text("closure_reason", required: closed != nil)
            if let reason, let problem = run.vocabulary.closureProblem(reason) { r.fail("closure_reason", problem) }
            if closed == nil, reason != nil { r.fail("closure_reason", "import.reasonWithoutClose") }
            if let opened, let closed, closed < opened { r.fail("closed_on", Message("import.before", ["date": .text(closed.iso), "column": "opened_on", "other": .text(opened.iso)])) }
            if let waitlisted, let opened, opened < waitlisted { r.fail("opened_on", Message("import.before", ["date": .text(opened.iso), "column": "waitlisted_on", "other": .text(waitlisted.iso)])) }
            if closed != nil, opened == nil { r.fail("opened_on", "import.openedMissing") }
            let status: CaseStatus = closed != nil ? .closed : opened != nil ? .active : .waiting
            // Optional: the next review planned (a plan, so it may lie ahead or be overdue).
            let review = r.date("next_review_on", required: false)
            if review != nil, status != .active { r.fail("next_review_on", "import.reviewNotActive") }
            planned = review.map { ($0, opened) }
            return [kind?.rawValue, household, person, municipality, staff, status.rawValue, waitlisted, opened, closed, reason, review]
        }
        // The next review is a scheduled review too, so it counts as due when its day comes.
        if let planned, let caseId = cases.rowids[id] {
            try insertReview(caseId: caseId, due: planned.due, scheduled: min(planned.due, planned.opened ?? planned.due), held: nil, ref: "case-\(id)")
        }
    }

    /// A review held (`reviews.csv`): the date it was due and the day it took place.
    mutating func review(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.reviews, "INSERT INTO scheduledReview (caseId, scheduledOn, dueOn, heldOn, sourceRef) VALUES (?, ?, ?, ?, ?)") { run in
            let caseId = r.reference("case_id", in: run.cases, file: "cases.csv"), due = r.date("due_on"), held = r.fact("held_on")
            guard let due, let held else { return nil }
            return [caseId, min(due, held), due, held]
        }
    }

    private func insertReview(caseId: Int64, due: LocalDate, scheduled: LocalDate, held: LocalDate?, ref: String) throws {
        try db.cachedStatement(sql: "INSERT INTO scheduledReview (caseId, dueOn, scheduledOn, heldOn, sourceRef) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [caseId, due, scheduled, held, "legacy:\(ref)"])
    }

    func householdOf(_ personId: Int64) throws -> Int64? {
        if let known = householdOf[personId] { return known }
        return try Int64.fetchOne(db, sql: "SELECT householdId FROM householdMember WHERE personId = ? LIMIT 1", arguments: [personId])
    }

    mutating func agreement(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.agreements, "INSERT INTO agreement (caseId, signedOn, sourceRef) VALUES (?, ?, ?)") { run in
            [r.reference("case_id", in: run.cases, file: "cases.csv"), r.fact("signed_on")]
        }
    }

    mutating func goal(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.goals, """
            INSERT INTO goal (agreementId, personId, module, template, title, dueOn, responsible, status, statusOn, sourceRef)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) { run in
            let agreement = r.reference("agreement_id", in: run.agreements, file: "agreements.csv")
            let person = r.reference("person_id", in: run.persons, file: "persons.csv", required: false)
            let module = r.text("module"), template = r.text("template").map { $0.contains(Character(".")) ? $0 : "\(module ?? "").\($0)" }
            var known: GoalTemplate?
            if let module {
                if let templates = run.vocabulary.templates[module] {
                    known = template.flatMap { templates[$0] }
                    if template != nil, known == nil {
                        r.fail("template", Message("import.template", ["module": .text(module), "template": .text(r.raw("template")), "known": .list(templates.keys.sorted().map { .text($0) })]))
                    }
                } else {
                    r.fail("module", Message("error.unknownModule", ["module": .text(module), "known": .list(run.vocabulary.modules.keys.sorted().map { .text($0) })]))
                }
            }
            let title = r.text("title"), due = r.date("due_on"), status = r.choice("status", GoalStatus.self)
            let statusOn = r.fact("status_on", required: status != nil && status != .open)
            return [agreement, person, module, template, title, due, known?.responsible.rawValue, status?.rawValue, statusOn]
        }
    }

    mutating func conversation(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.conversations, "INSERT INTO conversation (caseId, date, kind, topics, sourceRef) VALUES (?, ?, ?, ?, ?)") { run in
            let caseId = r.reference("case_id", in: run.cases, file: "cases.csv")
            let topics = r.raw("topics").split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            for topic in topics where !run.vocabulary.isTopic(topic) {
                r.fail("topics", Message("import.topic", ["module": .text(topic)]))
            }
            return [caseId, r.fact("date"), r.choice("kind", ConversationKind.self)?.rawValue, topics.joined(separator: ";")]
        }
    }

    mutating func referral(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.referrals, "INSERT INTO referral (caseId, personId, date, service, problem, outcome, sourceRef) VALUES (?, ?, ?, ?, ?, ?, ?)") { run in
            let caseId = r.reference("case_id", in: run.cases, file: "cases.csv")
            let person = r.reference("person_id", in: run.persons, file: "persons.csv", required: false)
            let service = r.text("service")
            if let service, let problem = run.vocabulary.serviceProblem(service) { r.fail("service", problem) }
            return [caseId, person, r.fact("date"), service, r.text("problem"), r.text("outcome", required: false)]
        }
    }

    mutating func outcome(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.outcomes, "INSERT INTO outcome (personId, module, kind, value, date, sourceRef) VALUES (?, ?, ?, ?, ?, ?)") { run in
            let person = r.reference("person_id", in: run.persons, file: "persons.csv")
            let module = r.text("module"), kind = r.text("kind"), value = r.text("value", required: false)
            if let module, let kind, let problem = run.vocabulary.problem(module: module, kind: kind, value: value) {
                r.fail(problem.key == "error.unknownModule" ? "module" : problem.key == "error.outcomeValue" ? "value" : "kind", problem)
            }
            return [person, module, kind, kind == "level_reached" ? value?.uppercased() : value, r.fact("date")]
        }
    }

    mutating func contact(_ r: ImportRow, _ id: String) throws {
        try row(r, id, \.contacts, "INSERT INTO networkContact (municipalityId, staffId, date, partnerKind, partner, sourceRef) VALUES (?, ?, ?, ?, ?, ?)") { run in
            [r.reference("municipality_id", in: run.municipalities, file: "municipalities.csv"),
             r.reference("staff_id", in: run.staff, file: "staff.csv", required: false),
             r.fact("date"), r.text("partner_kind"), r.text("partner")]
        }
    }
}
