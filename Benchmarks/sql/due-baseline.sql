-- What `lotse due --staff N --json` asks of the database, written by hand: the floor it
-- is measured against (issue #28), the sqlite3 shell started for each call like lotse:
--   sqlite3 -cmd ".parameter set :staff 5" -cmd ".parameter set :user root" -cmd ".parameter set :until 2019-10-15" DB < Benchmarks/sql/due-baseline.sql
-- The user, one staff member's reviews, open goals, missing receipts and cases near
-- their limit of care with whom each is about, and the audited read (rolled back here:
-- a committed event of the shell's would break the benchmark county's audit chain).
SELECT count(*) FROM appUser;
SELECT * FROM appUser WHERE osUser = :user;
SELECT * FROM staff WHERE id = (SELECT staffId FROM appUser WHERE osUser = :user);

BEGIN IMMEDIATE;
SELECT d.*, m.name, s.name,
       coalesce((SELECT givenNames || ' ' || familyName FROM personIdentity WHERE personId = d.personId),
                (SELECT pi.familyName FROM householdMember hm JOIN personIdentity pi ON pi.personId = hm.personId
                  WHERE hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
                  ORDER BY hm.fromDate, hm.personId LIMIT 1))
  FROM (SELECT id AS caseId, 'review' AS kind, nextReviewOn AS date, NULL AS title, NULL AS personId FROM caseFile
         WHERE status = 'active' AND nextReviewOn <= :until AND staffId = :staff
        UNION ALL
        SELECT c.id, 'goal', g.dueOn, g.title, g.personId FROM goal g JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
         WHERE c.status = 'active' AND g.status = 'open' AND g.dueOn <= :until AND c.staffId = :staff
        UNION ALL
        SELECT c.id, 'receipt', date(h.handedOverOn, '+30 days'), h.counterpart, NULL FROM handover h JOIN caseFile c ON c.id = h.caseId
         WHERE h.direction = 'out' AND h.receiptOn IS NULL AND c.staffId = :staff
        UNION ALL
        SELECT id, 'careEnd', date(coalesce(supportSince, openedOn), '+' || ((3 + justifiedExtension) * 12) || ' months'), NULL, NULL
          FROM caseFile WHERE status = 'active' AND staffId = :staff
           AND date(coalesce(supportSince, openedOn), '+' || ((3 + justifiedExtension) * 12) || ' months') <= date(:until, '+6 months')) d
  JOIN caseFile c ON c.id = d.caseId JOIN municipality m ON m.id = c.municipalityId LEFT JOIN staff s ON s.id = c.staffId
 ORDER BY d.date, d.caseId, d.kind;
-- The audited read: one event on the chain.
SELECT count, lastHash FROM auditHead WHERE id = 1;
INSERT INTO auditEvent (seq, at, actor, action, entity, entityId, caseId, field, valueHash, prevHash, hash)
  SELECT count + 1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), :user, 'read', 'caseFile', NULL, NULL, 'due', NULL, lastHash,
         lower(hex(randomblob(32))) FROM auditHead WHERE id = 1;
UPDATE auditHead SET count = count + 1, lastHash = (SELECT hash FROM auditEvent ORDER BY seq DESC LIMIT 1) WHERE id = 1;
ROLLBACK;
