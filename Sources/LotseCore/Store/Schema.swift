import GRDB

/// The database schema. Dates are ISO text ("YYYY-MM-DD") so SQL compares them as
/// text and reports can be computed for any date with plain comparisons.
enum Schema {
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE municipality (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL CHECK (kind IN ('county', 'city')),
                fte REAL NOT NULL CHECK (fte >= 0),
                sourceRef TEXT UNIQUE
            );
            CREATE TABLE staff (
                id INTEGER PRIMARY KEY,
                municipalityId INTEGER NOT NULL REFERENCES municipality(id),
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('manager', 'lead')),
                fteShare REAL NOT NULL CHECK (fteShare > 0 AND fteShare <= 1),
                active INTEGER NOT NULL DEFAULT 1,
                sourceRef TEXT UNIQUE
            );
            CREATE INDEX staff_municipality ON staff(municipalityId);
            CREATE TABLE household (
                id INTEGER PRIMARY KEY,
                municipalityId INTEGER NOT NULL REFERENCES municipality(id),
                sourceRef TEXT UNIQUE
            );
            CREATE TABLE person (
                id INTEGER PRIMARY KEY,
                birthDate TEXT NOT NULL,
                birthYearOnly INTEGER NOT NULL DEFAULT 0,
                sex TEXT NOT NULL CHECK (sex IN ('f', 'm', 'd', 'u')),
                arrivalDate TEXT,
                stayProspect TEXT NOT NULL CHECK (stayProspect IN ('high', 'medium', 'low', 'unknown')),
                sourceRef TEXT UNIQUE,
                origin TEXT
            );
            CREATE TABLE personIdentity (
                personId INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
                familyName TEXT NOT NULL,
                givenNames TEXT NOT NULL,
                residenceStatus TEXT,
                languages TEXT,
                interpreterNeeded INTEGER NOT NULL DEFAULT 0,
                phone TEXT,
                address TEXT
            );
            CREATE INDEX personIdentity_familyName ON personIdentity(familyName COLLATE NOCASE);
            CREATE TABLE householdMember (
                householdId INTEGER NOT NULL REFERENCES household(id),
                personId INTEGER NOT NULL REFERENCES person(id),
                fromDate TEXT NOT NULL,
                toDate TEXT,
                PRIMARY KEY (householdId, personId, fromDate)
            );
            CREATE INDEX householdMember_person ON householdMember(personId);
            CREATE TABLE caseFile (
                id INTEGER PRIMARY KEY,
                kind TEXT NOT NULL CHECK (kind IN ('family', 'individual')),
                householdId INTEGER NOT NULL REFERENCES household(id),
                personId INTEGER REFERENCES person(id),
                municipalityId INTEGER NOT NULL REFERENCES municipality(id),
                staffId INTEGER REFERENCES staff(id),
                status TEXT NOT NULL CHECK (status IN ('waiting', 'active', 'closed', 'archived', 'handed_over')),
                waitlistedOn TEXT,
                openedOn TEXT,
                closedOn TEXT,
                closureReason TEXT,
                justifiedExtension INTEGER NOT NULL DEFAULT 0,
                nextReviewOn TEXT,
                sourceRef TEXT UNIQUE,
                origin TEXT,
                CHECK ((kind = 'individual') = (personId IS NOT NULL))
            );
            CREATE INDEX caseFile_municipality_status ON caseFile(municipalityId, status);
            CREATE INDEX caseFile_staff ON caseFile(staffId);
            CREATE INDEX caseFile_household ON caseFile(householdId);
            CREATE TABLE answer (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                personId INTEGER REFERENCES person(id),
                questionId TEXT NOT NULL,
                value TEXT NOT NULL,
                givenAt TEXT NOT NULL
            );
            CREATE INDEX answer_case ON answer(caseId, questionId);
            CREATE TABLE agreement (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                signedOn TEXT NOT NULL,
                nextReviewOn TEXT,
                sourceRef TEXT UNIQUE,
                origin TEXT
            );
            CREATE INDEX agreement_case ON agreement(caseId);
            CREATE TABLE goal (
                id INTEGER PRIMARY KEY,
                agreementId INTEGER NOT NULL REFERENCES agreement(id),
                personId INTEGER REFERENCES person(id),
                module TEXT NOT NULL,
                template TEXT NOT NULL,
                title TEXT NOT NULL,
                dueOn TEXT NOT NULL,
                responsible TEXT NOT NULL CHECK (responsible IN ('client', 'manager', 'service')),
                status TEXT NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
                statusOn TEXT,
                note TEXT,
                sourceRef TEXT UNIQUE
            );
            CREATE INDEX goal_agreement ON goal(agreementId);
            CREATE TABLE goalReview (
                id INTEGER PRIMARY KEY,
                goalId INTEGER NOT NULL REFERENCES goal(id),
                reviewedOn TEXT NOT NULL,
                result TEXT NOT NULL,
                newDueOn TEXT,
                note TEXT
            );
            CREATE INDEX goalReview_goal ON goalReview(goalId);
            CREATE TABLE conversation (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                date TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('individual', 'family')),
                topics TEXT NOT NULL,
                note TEXT,
                staffId INTEGER REFERENCES staff(id),
                sourceRef TEXT UNIQUE,
                origin TEXT
            );
            CREATE INDEX conversation_case ON conversation(caseId, date);
            CREATE TABLE referral (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                personId INTEGER REFERENCES person(id),
                date TEXT NOT NULL,
                service TEXT NOT NULL,
                problem TEXT NOT NULL,
                outcome TEXT,
                sourceRef TEXT UNIQUE,
                origin TEXT
            );
            CREATE INDEX referral_case ON referral(caseId, date);
            CREATE TABLE outcome (
                id INTEGER PRIMARY KEY,
                personId INTEGER NOT NULL REFERENCES person(id),
                caseId INTEGER REFERENCES caseFile(id),
                module TEXT NOT NULL,
                kind TEXT NOT NULL,
                value TEXT,
                date TEXT NOT NULL,
                sourceRef TEXT UNIQUE,
                origin TEXT
            );
            CREATE INDEX outcome_person ON outcome(personId, module, date);
            CREATE INDEX outcome_kind ON outcome(module, kind, date);
            CREATE TABLE move (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                householdId INTEGER NOT NULL REFERENCES household(id),
                movedOn TEXT NOT NULL,
                destination TEXT NOT NULL,
                leavesMunicipality INTEGER NOT NULL
            );
            CREATE INDEX move_case ON move(caseId);
            CREATE TABLE attachment (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                originalName TEXT NOT NULL,
                storedName TEXT NOT NULL UNIQUE,
                sha256 TEXT NOT NULL,
                size INTEGER NOT NULL,
                addedOn TEXT NOT NULL
            );
            CREATE INDEX attachment_case ON attachment(caseId);
            CREATE TABLE consent (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                personId INTEGER REFERENCES person(id),
                scope TEXT NOT NULL,
                recipient TEXT NOT NULL,
                givenOn TEXT NOT NULL,
                withdrawnOn TEXT,
                attachmentId INTEGER REFERENCES attachment(id)
            );
            CREATE INDEX consent_case ON consent(caseId);
            CREATE TABLE caseNote (
                id INTEGER PRIMARY KEY,
                caseId INTEGER NOT NULL REFERENCES caseFile(id),
                writtenOn TEXT NOT NULL,
                text TEXT NOT NULL,
                staffId INTEGER REFERENCES staff(id)
            );
            CREATE INDEX caseNote_case ON caseNote(caseId);
            CREATE TABLE networkContact (
                id INTEGER PRIMARY KEY,
                municipalityId INTEGER NOT NULL REFERENCES municipality(id),
                staffId INTEGER REFERENCES staff(id),
                date TEXT NOT NULL,
                partnerKind TEXT NOT NULL,
                partner TEXT NOT NULL,
                sourceRef TEXT UNIQUE
            );
            CREATE INDEX networkContact_municipality ON networkContact(municipalityId, date);

            -- Audit: an append-only hash chain. Events hold hashes of values; the values
            -- themselves (personal data) sit in auditValue, which archiving may delete
            -- without breaking the chain. auditHead repeats the chain's end so that
            -- cutting off its last events is detected.
            CREATE TABLE auditEvent (
                seq INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entityId INTEGER,
                caseId INTEGER,
                field TEXT,
                valueHash TEXT,
                prevHash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX auditEvent_case ON auditEvent(caseId);
            CREATE TABLE auditValue (
                seq INTEGER PRIMARY KEY REFERENCES auditEvent(seq),
                salt TEXT NOT NULL,
                value TEXT
            );
            CREATE TABLE auditHead (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                count INTEGER NOT NULL,
                lastHash TEXT NOT NULL
            );
            CREATE TABLE importBatch (
                id INTEGER PRIMARY KEY,
                fingerprint TEXT NOT NULL UNIQUE,
                importedAt TEXT NOT NULL,
                source TEXT NOT NULL,
                rows INTEGER NOT NULL
            );
            """)
    }
}
