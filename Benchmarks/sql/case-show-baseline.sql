-- What `lotse case show ID --json` asks of the database, written by hand: the floor it
-- is measured against (issue #15), the sqlite3 shell started for each case like lotse:
--   sqlite3 -cmd ".parameter set :id 5" -cmd ".parameter set :user root" DB < Benchmarks/sql/case-show-baseline.sql
-- The user and their staff record (whose roles and municipality decide the access), the
-- case with everything recorded about it, and the audited read: the audit chain's head
-- read and the event written in a write transaction, which is rolled back here (a
-- committed event of the shell's would break the benchmark county's audit chain), so
-- the floor leaves out the commit lotse makes.

-- The user, as the operating-system account maps to one.
SELECT count(*) FROM appUser;
SELECT * FROM appUser WHERE osUser = :user;
SELECT * FROM staff WHERE id = (SELECT staffId FROM appUser WHERE osUser = :user);

BEGIN IMMEDIATE;
-- The case, its municipality and staff.
SELECT * FROM caseFile WHERE id = :id;
SELECT * FROM municipality WHERE id = (SELECT municipalityId FROM caseFile WHERE id = :id);
SELECT * FROM staff WHERE id = (SELECT staffId FROM caseFile WHERE id = :id);
-- Its members: the household's, or the one person of an individual case.
CREATE TEMP TABLE member AS
  SELECT m.* FROM householdMember m JOIN caseFile c ON c.id = :id
   WHERE m.householdId = c.householdId AND (c.personId IS NULL OR m.personId = c.personId)
   ORDER BY m.fromDate, m.personId;
SELECT * FROM member;
SELECT * FROM person WHERE id IN (SELECT personId FROM member);
SELECT * FROM personIdentity WHERE personId IN (SELECT personId FROM member);
-- Agreements with their goals and reviews.
SELECT * FROM agreement WHERE caseId = :id ORDER BY signedOn, id;
SELECT * FROM goal WHERE agreementId IN (SELECT id FROM agreement WHERE caseId = :id) ORDER BY agreementId, id;
SELECT * FROM goalReview WHERE goalId IN (SELECT g.id FROM goal g JOIN agreement a ON a.id = g.agreementId WHERE a.caseId = :id)
 ORDER BY goalId, reviewedOn, id;
-- Everything else recorded about the case and its members.
SELECT * FROM answer WHERE caseId = :id ORDER BY id;
SELECT * FROM conversation WHERE caseId = :id ORDER BY date, id;
SELECT * FROM referral WHERE caseId = :id ORDER BY date, id;
SELECT * FROM outcome WHERE personId IN (SELECT personId FROM member) ORDER BY date, id;
SELECT * FROM move WHERE caseId = :id ORDER BY movedOn, id;
SELECT * FROM consent WHERE caseId = :id ORDER BY givenOn, id;
SELECT * FROM attachment WHERE caseId = :id ORDER BY id;
SELECT * FROM caseNote WHERE caseId = :id ORDER BY writtenOn, id;
-- The audited read: one event on the chain.
SELECT count, lastHash FROM auditHead WHERE id = 1;
INSERT INTO auditEvent (seq, at, actor, action, entity, entityId, caseId, field, valueHash, prevHash, hash)
  SELECT count + 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), :user, 'read', 'caseFile', :id, :id, NULL, NULL, lastHash,
         lower(hex(randomblob(32))) FROM auditHead WHERE id = 1;
UPDATE auditHead SET count = count + 1, lastHash = (SELECT hash FROM auditEvent ORDER BY seq DESC LIMIT 1) WHERE id = 1;
ROLLBACK;
