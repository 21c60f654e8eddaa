-- The figures of `lotse report --as-of 2019-06-30` (core and module metrics) written by
-- hand, for the comparison the reports issue asks for: run with
--   sqlite3 -cmd '.timer on' DB < Benchmarks/sql/report-baseline.sql
WITH opened AS (SELECT DISTINCT hm.personId, c.municipalityId FROM caseFile c JOIN householdMember hm ON hm.householdId = c.householdId
                 AND (c.personId IS NULL OR hm.personId = c.personId) WHERE c.openedOn <= '2019-06-30' AND hm.fromDate <= '2019-06-30'),
     incare AS (SELECT DISTINCT hm.personId, c.municipalityId FROM caseFile c JOIN householdMember hm ON hm.householdId = c.householdId
                 AND (c.personId IS NULL OR hm.personId = c.personId) WHERE c.openedOn <= '2019-06-30' AND hm.fromDate <= '2019-06-30'
                 AND (c.closedOn IS NULL OR c.closedOn > '2019-06-30') AND (hm.toDate IS NULL OR hm.toDate > '2019-06-30'))
SELECT (SELECT count(DISTINCT personId) FROM incare) AS persons_in_care,
       (SELECT count(*) FROM caseFile WHERE openedOn <= '2019-06-30' AND (closedOn IS NULL OR closedOn > '2019-06-30')) AS cases_active,
       (SELECT count(*) FROM caseFile WHERE waitlistedOn <= '2019-06-30' AND (openedOn IS NULL OR openedOn > '2019-06-30') AND (closedOn IS NULL OR closedOn > '2019-06-30')) AS cases_waiting,
       (SELECT count(*) FROM agreement WHERE signedOn <= '2019-06-30' AND origin IS NULL) AS agreements,
       (SELECT count(*) FROM conversation WHERE kind = 'individual' AND date <= '2019-06-30' AND origin IS NULL) AS conversations_individual,
       (SELECT count(*) FROM conversation WHERE kind = 'family' AND date <= '2019-06-30' AND origin IS NULL) AS conversations_family,
       (SELECT count(*) FROM referral WHERE date <= '2019-06-30' AND origin IS NULL) AS referrals,
       (SELECT count(*) FROM networkContact WHERE date <= '2019-06-30') AS contacts,
       (SELECT count(*) FROM caseFile WHERE closedOn <= '2019-06-30') AS cases_closed,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) WHERE o.module = 'language' AND o.date <= '2019-06-30' AND o.origin IS NULL) AS language_supported,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) JOIN person p ON p.id = o.personId WHERE o.module = 'language' AND o.kind = 'level_reached' AND o.value IN ('B1','B2','C1','C2') AND o.date <= '2019-06-30' AND o.origin IS NULL AND p.birthDate <= date('2019-06-30', '-18 years')) AS language_b1,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) WHERE o.module = 'language' AND o.kind = 'course_completed' AND o.date <= '2019-06-30' AND o.origin IS NULL) AS language_completed,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) WHERE o.module = 'work' AND o.kind IN ('employment', 'training') AND o.date <= '2019-06-30' AND o.origin IS NULL) AS work_placed,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) WHERE o.module = 'work' AND o.kind = 'qualification' AND o.date <= '2019-06-30' AND o.origin IS NULL) AS work_qualification,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) JOIN person p ON p.id = o.personId WHERE o.module = 'school' AND o.date <= '2019-06-30' AND o.origin IS NULL AND p.birthDate > date('2019-06-30', '-18 years')) AS school_supported,
       (SELECT count(*) FROM (SELECT o.personId, o.kind, row_number() OVER (PARTITION BY o.personId ORDER BY o.date DESC, o.id DESC) AS n FROM outcome o
                               JOIN (SELECT DISTINCT personId FROM incare) USING (personId) WHERE o.module = 'housing' AND o.date <= '2019-06-30' AND o.origin IS NULL)
         WHERE n = 1 AND kind IN ('own_housing', 'police_law_accommodation')) AS housing_housed,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) JOIN person p ON p.id = o.personId WHERE o.module = 'social' AND o.kind = 'club' AND o.date <= '2019-06-30' AND o.origin IS NULL AND p.birthDate <= date('2019-06-30', '-18 years')) AS adults_in_clubs,
       (SELECT count(DISTINCT o.personId) FROM outcome o JOIN opened USING (personId) JOIN person p ON p.id = o.personId WHERE o.module = 'social' AND o.kind = 'holiday_programme' AND o.date <= '2019-06-30' AND o.origin IS NULL AND p.birthDate > date('2019-06-30', '-18 years')) AS children_holiday;
