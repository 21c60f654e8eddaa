import Foundation
import GRDB

/// The schema's later steps, each a migration of its own (`LotseDatabase` registers them
/// in order after `v1`).
extension Schema {
    /// Where a paused intake resumes, and whether it was completed.
    static func v2(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE intakeSession (
                caseId INTEGER PRIMARY KEY REFERENCES caseFile(id),
                position TEXT,
                completed INTEGER NOT NULL DEFAULT 0,
                startedAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL
            );
            """)
    }

    /// Bundles sent and received: a received bundle is imported once only.
    static func v3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE handover (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
                bundleId TEXT NOT NULL,
                counterpart TEXT NOT NULL,
                handedOverOn TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                withoutConsentReason TEXT,
                UNIQUE (direction, bundleId)
            );
            """)
    }

    /// Archived cases (their bundle and when) and the log of purged ones; neither holds
    /// personal data.
    static func v4(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE archiveEntry (
                caseId INTEGER PRIMARY KEY REFERENCES caseFile(id),
                bundleFile TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                closedOn TEXT NOT NULL,
                archivedOn TEXT NOT NULL
            );
            CREATE TABLE purgeLog (
                id INTEGER PRIMARY KEY,
                caseRef TEXT NOT NULL,
                closedOn TEXT NOT NULL,
                archivedOn TEXT,
                purgedOn TEXT NOT NULL,
                bundleFile TEXT
            );
            """)
    }

    /// A covering index for report metrics: outcomes by kind and date with the person,
    /// value and origin, so a metric never reads the outcome rows themselves.
    static func v5(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX outcome_report ON outcome(module, kind, date, personId, value, origin);
            DROP INDEX outcome_kind;
            """)
    }

    /// Users, their roles and password hashes; login failures and lockout.
    static func v6(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE appUser (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                osUser TEXT UNIQUE,
                roles TEXT NOT NULL,
                staffId INTEGER REFERENCES staff(id),
                passwordHash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                failedLogins INTEGER NOT NULL DEFAULT 0,
                lockedUntil TEXT,
                createdOn TEXT NOT NULL
            );
            """)
    }

    /// Receipts that close a handover: when the receiver's receipt was confirmed here,
    /// the key that signed it, or why an unsigned one was accepted.
    static func v7(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE handover ADD COLUMN receiptOn TEXT;
            ALTER TABLE handover ADD COLUMN receiptSignedBy TEXT;
            ALTER TABLE handover ADD COLUMN receiverCaseId INTEGER;
            """)
    }

    /// The rows an import created, as they were created: what `audit verify` compares
    /// them with until lotse changes them (then their audit events say). The import's
    /// audit event holds a digest over its rows' digests; `rowText` and `salt` are personal
    /// data and go when the case is archived or the person erased, the digest stays.
    static func v8(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE importedRow (
                entity TEXT NOT NULL,
                entityId INTEGER NOT NULL,
                batchId INTEGER NOT NULL REFERENCES importBatch(id),
                salt TEXT,
                rowText TEXT,
                digest TEXT NOT NULL,
                PRIMARY KEY (entity, entityId)
            ) WITHOUT ROWID;
            """)
    }

    /// A user's own language (nil: the deployment's).
    static func v9(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE appUser ADD COLUMN locale TEXT")
    }

    /// Goals and reviews as they stood on any date: each goal's status and due date from
    /// the day they changed, and every review date that was set. History starts here:
    /// an existing goal gets its agreement's date (open, with its current due date) and,
    /// if decided, its status date; a case's next review date is taken as scheduled when
    /// its latest agreement was signed.
    static func v10(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE goalChange (
                id INTEGER PRIMARY KEY,
                goalId INTEGER NOT NULL REFERENCES goal(id),
                changedOn TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
                dueOn TEXT NOT NULL
            );
            CREATE INDEX goalChange_goal ON goalChange(goalId, changedOn);
            CREATE INDEX goalChange_status ON goalChange(status, changedOn);
            CREATE TABLE scheduledReview (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                dueOn TEXT NOT NULL,
                scheduledOn TEXT NOT NULL,
                heldOn TEXT,
                movedOn TEXT
            );
            CREATE INDEX scheduledReview_case ON scheduledReview(caseId);
            CREATE INDEX scheduledReview_due ON scheduledReview(dueOn);
            INSERT INTO scheduledReview (caseId, dueOn, scheduledOn)
                SELECT c.id, c.nextReviewOn, min(c.nextReviewOn, coalesce((SELECT max(a.signedOn) FROM agreement a WHERE a.caseId = c.id), c.openedOn, c.nextReviewOn))
                  FROM caseFile c WHERE c.nextReviewOn IS NOT NULL;
            """)
        try GoalChange.recordMissing(db)
    }

    /// A person's country of origin and coded residence status, in the pseudonymous
    /// `person` so that reports keep them after archiving. Persons recorded before stay
    /// without them until edited; the free-text status in `personIdentity` stays a note.
    /// The support-duration clock: when support began if before the case opened (a case
    /// handed over keeps the sender's start), and when and why an extension was granted.
    static func v11(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE person ADD COLUMN country TEXT;
            ALTER TABLE person ADD COLUMN residence TEXT;
            ALTER TABLE caseFile ADD COLUMN supportSince TEXT;
            ALTER TABLE caseFile ADD COLUMN extendedOn TEXT;
            ALTER TABLE caseFile ADD COLUMN extensionReason TEXT;
            """)
    }

    /// The grantee a municipality belongs to (since 2025 Stadt- and Landkreise apply and
    /// pass the funds on).
    static func v12(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE municipality ADD COLUMN grantee TEXT")
    }

    /// Failed kiosk logins per typed name and terminal (`LoginAttempt`), by hash only.
    static func v13(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE loginAttempt (
                key TEXT PRIMARY KEY,
                nameKey TEXT NOT NULL,
                failures INTEGER NOT NULL,
                blockedUntil TEXT
            );
            CREATE INDEX loginAttempt_name ON loginAttempt(nameKey);
            """)
    }

    /// The state check covers every table that holds case content, and the chain's head
    /// is sealed (`AuditSeal`). Rows of the newly covered tables that no audit event
    /// describes (imported ones, a goal's history derived from its row) are recorded as
    /// they stand now, as one audited batch, so the check starts from today's state.
    static func v14(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE auditHead ADD COLUMN mac TEXT")
        let newly: Set<String> = ["householdMember", "agreement", "goal", "goalChange", "goalReview", "scheduledReview", "conversation", "referral",
                                  "outcome", "networkContact", "move", "answer", "consent", "attachment", "caseNote", "handover"]
        var rows = 0
        for table in newly { rows += try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0 }
        guard rows > 0 else { return }
        let batch = try ImportBatch(fingerprint: "audit-baseline-v14", importedAt: Timestamp.string(Date()), source: "audit-baseline-v14", rows: rows)
            .inserted(db).id!
        let digest = try AuditedState.record(batchId: batch, db) { table in
            newly.contains(table.name) ? "\(table.key) NOT IN (SELECT entityId FROM auditEvent WHERE entity = '\(table.name)' AND entityId IS NOT NULL)" : nil
        }
        try AuditLog(db, actor: "lotse migrate").record(.import, "importBatch", id: batch, caseId: nil, field: "digest", value: .some(digest))
    }

    /// The goal decisions of an intake not yet saved as an agreement, kept as they are
    /// made (a JSON array of `ProposedGoal`), so Ctrl-C never loses one.
    static func v15(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE intakeSession ADD COLUMN goals TEXT")
    }

    /// A municipality's postal address and official key (the organisation settings).
    static func v16(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE municipality ADD COLUMN address TEXT; ALTER TABLE municipality ADD COLUMN authorityKey TEXT")
    }

    /// A person's languages as tags, kept when the identity goes (the client's documents).
    static func v17(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE person ADD COLUMN languageCodes TEXT")
    }

    /// The interpreter who helped make an agreement (they sign it).
    static func v18(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE agreement ADD COLUMN interpreter TEXT")
    }

    /// xdomea. The replies an office sends to a 0401: when its receipt (0403) came, and
    /// what its import confirmation (0402) said went wrong, if it did. The offers to the
    /// archive (0501 to 0506), one row per case offered, kept after the case is purged
    /// (it holds no personal data), and the archive's reference in the deletion log.
    static func v19(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE handover ADD COLUMN deliveredOn TEXT;
            ALTER TABLE handover ADD COLUMN importFailure TEXT;
            CREATE TABLE archiveOffer (
                caseId INTEGER PRIMARY KEY,
                process TEXT NOT NULL,
                objectId TEXT NOT NULL UNIQUE,
                offeredOn TEXT NOT NULL,
                offerReceivedOn TEXT,
                decision TEXT CHECK (decision IN ('archive', 'destroy')),
                decidedOn TEXT,
                handedOffOn TEXT,
                archiveRef TEXT,
                purgedOn TEXT
            );
            CREATE INDEX archiveOfferProcess ON archiveOffer(process);
            ALTER TABLE purgeLog ADD COLUMN archiveRef TEXT;
            """)
    }

    /// `person find` by index: a trigram index of the names (FTS5, SQLite 3.34+) finds
    /// a part anywhere in a family or given name without reading every person. Kept in
    /// step with `personIdentity` by triggers, so archiving and erasure take the names
    /// out of it too (and `checkpoint` merges the index, so no old segment keeps them).
    static func v20(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIRTUAL TABLE personName USING fts5(familyName, givenNames, content = 'personIdentity', content_rowid = 'personId',
                                                      tokenize = 'trigram');
            INSERT INTO personName(personName) VALUES ('rebuild');
            CREATE TRIGGER personName_insert AFTER INSERT ON personIdentity BEGIN
                INSERT INTO personName(rowid, familyName, givenNames) VALUES (new.personId, new.familyName, new.givenNames);
            END;
            CREATE TRIGGER personName_delete AFTER DELETE ON personIdentity BEGIN
                INSERT INTO personName(personName, rowid, familyName, givenNames) VALUES ('delete', old.personId, old.familyName, old.givenNames);
            END;
            CREATE TRIGGER personName_update AFTER UPDATE OF familyName, givenNames ON personIdentity BEGIN
                INSERT INTO personName(personName, rowid, familyName, givenNames) VALUES ('delete', old.personId, old.familyName, old.givenNames);
                INSERT INTO personName(rowid, familyName, givenNames) VALUES (new.personId, new.familyName, new.givenNames);
            END;
            """)
    }

    /// Review dates from the legacy import (`reviews.csv`, a case's `next_review_on`)
    /// keep their source reference, like every other imported row.
    static func v21(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE scheduledReview ADD COLUMN sourceRef TEXT;
            CREATE UNIQUE INDEX scheduledReview_source ON scheduledReview(sourceRef);
            """)
    }
}
