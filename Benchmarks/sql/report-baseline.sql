-- Every figure `lotse report --as-of 2019-06-30 --format json` prints, written by hand:
-- the county's totals and each municipality's, the referrals by service and the
-- conversations by month. The floor the report is measured against (issue #15: within
-- 1.5 times, both run in the same benchmark):
--   sqlite3 DB < Benchmarks/sql/report-baseline.sql
-- Benchmarks/sql/check-baseline.py checks that it prints the report's figures.
-- Persons are counted once per municipality and once in the county's total; module
-- figures count distinct persons of cases opened by the date or, for housing, of cases
-- active on it; adults are 18 or older on the date. Each block prints a header line.
.headers on

-- Cases and network contacts per municipality.
SELECT 'cases' AS block, municipalityId AS municipality,
       sum(openedOn <= '2019-06-30' AND (closedOn IS NULL OR closedOn > '2019-06-30')) AS "core.cases_active",
       sum(waitlistedOn <= '2019-06-30' AND (openedOn IS NULL OR openedOn > '2019-06-30') AND (closedOn IS NULL OR closedOn > '2019-06-30')) AS "core.cases_waiting",
       sum(closedOn <= '2019-06-30') AS "core.cases_closed"
  FROM caseFile GROUP BY municipalityId;
SELECT 'contacts' AS block, municipalityId AS municipality, count(*) AS "core.network_contacts"
  FROM networkContact WHERE date <= '2019-06-30' GROUP BY municipalityId;

-- Agreements, conversations and referrals by their case's municipality.
SELECT 'agreements' AS block, c.municipalityId AS municipality, count(*) AS "core.agreements_signed"
  FROM agreement a JOIN caseFile c ON c.id = a.caseId WHERE a.signedOn <= '2019-06-30' AND a.origin IS NULL GROUP BY c.municipalityId;
SELECT 'conversations' AS block, c.municipalityId AS municipality, sum(v.kind = 'individual') AS "core.conversations_individual",
       sum(v.kind = 'family') AS "core.conversations_family"
  FROM conversation v JOIN caseFile c ON c.id = v.caseId WHERE v.date <= '2019-06-30' AND v.origin IS NULL GROUP BY c.municipalityId;
SELECT 'referrals' AS block, c.municipalityId AS municipality, count(*) AS "core.referrals"
  FROM referral r JOIN caseFile c ON c.id = r.caseId WHERE r.date <= '2019-06-30' AND r.origin IS NULL GROUP BY c.municipalityId;
SELECT 'services' AS block, service, count(*) AS referrals FROM referral WHERE date <= '2019-06-30' AND origin IS NULL GROUP BY service;
SELECT 'months' AS block, substr(date, 1, 7) AS month, count(*) AS conversations
  FROM conversation WHERE date <= '2019-06-30' AND origin IS NULL GROUP BY month;

-- Each person's outcomes by the date, as one row of flags (one pass over outcome), and
-- the latest housing outcome.
CREATE TEMP TABLE flags AS
  SELECT personId,
         max(module = 'language' AND kind IN ('course_enrolled', 'course_completed', 'level_reached')) AS language_supported,
         max(module = 'language' AND kind = 'level_reached' AND value IN ('B1', 'B2', 'C1', 'C2')) AS language_b1,
         max(module = 'language' AND kind = 'course_completed') AS language_completed,
         max(module = 'work' AND kind IN ('employment', 'training')) AS work_placed,
         max(module = 'work' AND kind = 'qualification') AS work_qualification,
         max(module = 'school' AND kind IN ('tutoring', 'homework_support', 'special_needs', 'parent_teacher_talk')) AS school_supported,
         max(module = 'school' AND kind = 'special_needs') AS school_special_needs,
         max(module = 'social' AND kind = 'club') AS social_club,
         max(module = 'social' AND kind = 'holiday_programme') AS social_holiday,
         max(module = 'social' AND kind = 'volunteering') AS social_volunteering
    FROM outcome WHERE date <= '2019-06-30' AND origin IS NULL GROUP BY personId;
CREATE UNIQUE INDEX temp.flags_person ON flags (personId);
CREATE TEMP TABLE housing AS
  SELECT personId, kind FROM (SELECT personId, kind, row_number() OVER (PARTITION BY personId ORDER BY date DESC, id DESC) AS n
                                FROM outcome WHERE module = 'housing' AND date <= '2019-06-30' AND origin IS NULL
                                 AND kind IN ('own_housing', 'police_law_accommodation', 'shared_accommodation', 'seeking_better_housing'))
   WHERE n = 1;
CREATE UNIQUE INDEX temp.housing_person ON housing (personId);

-- The persons of opened cases and of cases in care, each with their municipality.
CREATE TEMP TABLE opened AS
  SELECT DISTINCT hm.personId, c.municipalityId, p.birthDate <= date('2019-06-30', '-18 years') AS adult
    FROM caseFile c JOIN householdMember hm ON hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
    JOIN person p ON p.id = hm.personId
   WHERE c.openedOn <= '2019-06-30' AND hm.fromDate <= '2019-06-30';
CREATE TEMP TABLE incare AS
  SELECT DISTINCT hm.personId, c.municipalityId
    FROM caseFile c JOIN householdMember hm ON hm.householdId = c.householdId AND (c.personId IS NULL OR hm.personId = c.personId)
   WHERE c.openedOn <= '2019-06-30' AND hm.fromDate <= '2019-06-30'
     AND (c.closedOn IS NULL OR c.closedOn > '2019-06-30') AND (hm.toDate IS NULL OR hm.toDate > '2019-06-30');

-- Module figures per municipality, then over distinct persons for the county.
SELECT 'modules' AS block, o.municipalityId AS municipality,
       sum(f.language_supported) AS "language.persons_supported", sum(o.adult AND f.language_b1) AS "language.level_b1_or_higher",
       sum(f.language_completed) AS "language.courses_completed", sum(f.work_placed) AS "work.placed",
       sum(f.work_qualification) AS "work.in_qualification", sum(NOT o.adult AND f.school_supported) AS "school.children_supported",
       sum(NOT o.adult AND f.school_special_needs) AS "school.special_needs_identified", sum(o.adult AND f.social_club) AS "social.adults_in_clubs",
       sum(NOT o.adult AND f.social_holiday) AS "social.children_in_holiday_programmes", sum(o.adult AND f.social_volunteering) AS "social.volunteers"
  FROM opened o JOIN flags f ON f.personId = o.personId GROUP BY o.municipalityId;
SELECT 'modules' AS block, NULL AS municipality,
       sum(f.language_supported) AS "language.persons_supported", sum(o.adult AND f.language_b1) AS "language.level_b1_or_higher",
       sum(f.language_completed) AS "language.courses_completed", sum(f.work_placed) AS "work.placed",
       sum(f.work_qualification) AS "work.in_qualification", sum(NOT o.adult AND f.school_supported) AS "school.children_supported",
       sum(NOT o.adult AND f.school_special_needs) AS "school.special_needs_identified", sum(o.adult AND f.social_club) AS "social.adults_in_clubs",
       sum(NOT o.adult AND f.social_holiday) AS "social.children_in_holiday_programmes", sum(o.adult AND f.social_volunteering) AS "social.volunteers"
  FROM (SELECT DISTINCT personId, adult FROM opened) o JOIN flags f ON f.personId = o.personId;

-- Persons in care and housing per municipality, then for the county.
SELECT 'incare' AS block, i.municipalityId AS municipality, count(*) AS "core.persons_in_care",
       coalesce(sum(h.kind IN ('own_housing', 'police_law_accommodation')), 0) AS "housing.housed",
       coalesce(sum(h.kind = 'seeking_better_housing'), 0) AS "housing.seeking_better_housing"
  FROM incare i LEFT JOIN housing h ON h.personId = i.personId GROUP BY i.municipalityId;
SELECT 'incare' AS block, NULL AS municipality, count(*) AS "core.persons_in_care",
       coalesce(sum(h.kind IN ('own_housing', 'police_law_accommodation')), 0) AS "housing.housed",
       coalesce(sum(h.kind = 'seeking_better_housing'), 0) AS "housing.seeking_better_housing"
  FROM (SELECT DISTINCT personId FROM incare) i LEFT JOIN housing h ON h.personId = i.personId;

-- Goals: agreed and decided in the period (all time here), overdue on the date as the
-- goal's latest change by then left it, in cases active on it; review dates due.
SELECT 'goals' AS block, c.municipalityId AS municipality, count(*) AS "core.goals_agreed"
  FROM goal g JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
 WHERE a.signedOn <= '2019-06-30' AND a.origin IS NULL GROUP BY c.municipalityId;
SELECT 'decided' AS block, c.municipalityId AS municipality, sum(h.status = 'achieved') AS "core.goals_achieved",
       sum(h.status = 'dropped') AS "core.goals_dropped"
  FROM goalChange h JOIN goal g ON g.id = h.goalId JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
 WHERE h.status IN ('achieved', 'dropped') AND h.changedOn <= '2019-06-30' AND a.origin IS NULL GROUP BY c.municipalityId;
SELECT 'overdue' AS block, c.municipalityId AS municipality, count(*) AS "core.goals_overdue"
  FROM goal g JOIN agreement a ON a.id = g.agreementId JOIN caseFile c ON c.id = a.caseId
  JOIN goalChange h ON h.id = (SELECT l.id FROM goalChange l WHERE l.goalId = g.id AND l.changedOn <= '2019-06-30' ORDER BY l.changedOn DESC, l.id DESC LIMIT 1)
 WHERE c.openedOn <= '2019-06-30' AND (c.closedOn IS NULL OR c.closedOn > '2019-06-30') AND a.signedOn <= '2019-06-30'
   AND h.status = 'open' AND h.dueOn < '2019-06-30' AND a.origin IS NULL GROUP BY c.municipalityId;
SELECT 'reviews' AS block, c.municipalityId AS municipality, count(*) AS "core.reviews_due",
       sum(r.heldOn IS NOT NULL AND r.heldOn <= '2019-06-30' AND abs(julianday(r.heldOn) - julianday(r.dueOn)) <= 14) AS "core.reviews_on_time"
  FROM scheduledReview r JOIN caseFile c ON c.id = r.caseId
 WHERE r.dueOn <= '2019-06-30' AND r.scheduledOn <= '2019-06-30' AND (r.movedOn IS NULL OR r.movedOn > r.dueOn)
   AND (c.closedOn IS NULL OR c.closedOn >= r.dueOn)
 GROUP BY c.municipalityId;
SELECT 'care' AS block, c.municipalityId AS municipality,
       sum(c.openedOn <= '2019-06-30' AND (c.closedOn IS NULL OR c.closedOn > '2019-06-30')
           AND date(coalesce(c.supportSince, c.openedOn), '+' || ((3 + (c.justifiedExtension AND (c.extendedOn IS NULL OR c.extendedOn <= '2019-06-30'))) * 12) || ' months') <= '2019-09-30') AS "core.cases_near_care_limit",
       sum(c.openedOn <= '2019-06-30' AND (c.closedOn IS NULL OR c.closedOn > '2019-06-30')
           AND c.justifiedExtension AND (c.extendedOn IS NULL OR c.extendedOn <= '2019-06-30')) AS "core.cases_extended",
       sum(c.closedOn <= '2019-06-30'
           AND c.closedOn >= date(coalesce(c.supportSince, c.openedOn), '+' || ((3 + (c.justifiedExtension AND (c.extendedOn IS NULL OR c.extendedOn <= c.closedOn))) * 12) || ' months')) AS "core.cases_closed_at_limit"
  FROM caseFile c WHERE c.openedOn IS NOT NULL GROUP BY c.municipalityId;
