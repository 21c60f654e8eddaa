"""Believable dates (#28): a fact (a birth, a conversation, a closure) cannot lie after
today, nor before what it follows (the case's start); a plan (the next review, a goal's
due date) cannot be set in the past. The same rule holds in the CLI, the legacy import
(as file:line problems) and a received bundle; and `demo --today D` writes nothing after D.
Runs on the sanctioned test clock, so "today" is the same on every day the suite runs."""
import json
import shutil
import sqlite3

import pytest
from conftest import GERMAN
from test_handover import export, receiver, sender  # noqa: F401  (fixtures)
from test_hardening import rebag, refused_by_both, set_in
from test_report import FIXTURE

TODAY = "2026-12-05"
CLOCK = {"LOTSE_TEST_TODAY": TODAY}


@pytest.fixture
def county(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    assert run("import", "legacy", str(FIXTURE), "--db", db, extra_env=CLOCK).returncode == 0
    return db


def rows(db, table):
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


REFUSED = [
    ("born", ["case", "new", "--municipality", "Stadt Aalen", "--family-name", "Neu", "--given-names", "Lina", "--born", "2030-01-01", "--open"],
     "caseFile", "birth date 2030-01-01 is after today (2026-12-05)"),
    ("arrival-before-birth", ["person", "add", "1", "--family-name", "Haddad", "--given-names", "Lea", "--born", "2016-03-01", "--arrival", "2015-10-01"],
     "person", "arrival date 2015-10-01 is before the birth (2016-03-01)"),
    ("conversation-future", ["conversation", "add", "1", "--kind", "family", "--topics", "language", "--on", "2030-01-01"],
     "conversation", "conversation date 2030-01-01 is after today (2026-12-05)"),
    ("conversation-before-case", ["conversation", "add", "1", "--kind", "family", "--topics", "language", "--on", "2017-06-01"],
     "conversation", "conversation date 2017-06-01 is before the start of the case (2018-01-15)"),
    ("referral-future", ["referral", "add", "1", "--service", "jobcenter", "--problem", "Bescheid", "--on", "2027-01-01"],
     "referral", "referral date 2027-01-01 is after today (2026-12-05)"),
    ("close-future", ["case", "close", "1", "--reason", "moved_away", "--on", "2027-03-05"],
     "auditEvent", "closing date 2027-03-05 is after today (2026-12-05)"),
    ("review-past", ["case", "edit", "1", "--next-review", "2020-01-01"],
     "scheduledReview", "next review 2020-01-01 lies in the past; today (2026-12-05) at the earliest"),
]


@pytest.mark.parametrize("name,args,table,expected", REFUSED, ids=[r[0] for r in REFUSED])
def test_the_cli_refuses_an_impossible_date_naming_the_field_and_the_limit(run, county, name, args, table, expected):
    before = rows(county, table)
    result = run(*args, "--db", county, extra_env=CLOCK)
    assert result.returncode == 1 and expected in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert rows(county, table) == before, "nothing was saved"


def test_the_refusal_speaks_german(run, county):
    result = run("conversation", "add", "1", "--kind", "Familie", "--topics", "Sprache", "--on", "01.01.2030", "--db", county,
                 extra_env={**GERMAN, **CLOCK})
    assert result.returncode == 1 and "Gesprächsdatum 01.01.2030 liegt nach heute (05.12.2026)" in result.stderr, result.stderr


def test_a_fact_of_today_and_a_plan_from_today_are_taken(run, county):
    assert run("conversation", "add", "1", "--kind", "family", "--topics", "language", "--on", TODAY, "--db", county, extra_env=CLOCK).returncode == 0
    assert run("case", "edit", "1", "--next-review", TODAY, "--db", county, extra_env=CLOCK).returncode == 0


def test_the_legacy_import_names_each_future_fact_by_file_and_line(run, tmp_path):
    folder = tmp_path / "legacy"
    shutil.copytree(FIXTURE, folder)
    conversations = folder / "conversations.csv"
    lines = conversations.read_text().splitlines()
    fields = lines[1].split(",")
    fields[2] = "2031-02-03"
    conversations.write_text("\n".join([lines[0], ",".join(fields), *lines[2:]]) + "\n")
    cases = folder / "cases.csv"
    cases.write_text(cases.read_text().replace("2019-06-30,integration_completed", "2030-06-30,integration_completed", 1))
    (folder / "reviews.csv").write_text("id,case_id,due_on,held_on\n1,500,2018-09-01,2018-09-04\n2,500,2027-03-01,2027-03-02\n")
    db = str(tmp_path / "county.sqlite")
    result = run("import", "legacy", str(folder), "--db", db, extra_env=CLOCK)
    assert result.returncode == 2, result.stderr
    assert "reviews.csv:3: held_on: 2027-03-02 is after today (2026-12-05)" in result.stderr, result.stderr
    assert "reviews.csv:2" not in result.stderr, "a review held in the past is a fact like any other"
    assert "conversations.csv:2: date: 2031-02-03 is after today (2026-12-05)" in result.stderr, result.stderr
    assert "cases.csv:3: closed_on: 2030-06-30 is after today (2026-12-05)" in result.stderr, result.stderr
    assert rows(db, "person") == 0, "all or nothing"


@pytest.mark.parametrize("path,field", [
    (["conversations", 0, "date"], "conversations[0].date"),
    (["agreements", 0, "signedOn"], "agreements[0].signedOn"),
    (["consents", 0, "givenOn"], "consents[0].givenOn"),
], ids=["conversation", "agreement", "consent"])
def test_a_bundle_with_a_fact_after_today_is_refused(run, sender, receiver, tmp_path, path, field):  # noqa: F811
    bundle = export(run, sender, tmp_path)
    refused_by_both(run, receiver, rebag(bundle, tmp_path, set_in(path, "2099-01-01"), f"{field}.zip"), f"{field} (2099-01-01) lies in the future")


def test_old_overdue_goals_in_a_bundle_are_normal(run, sender, receiver, tmp_path):  # noqa: F811
    bundle = export(run, sender, tmp_path)
    past = rebag(bundle, tmp_path, set_in(["agreements", 0, "goals", 0, "dueOn"], "2018-05-01"), "overdue.zip")
    assert run("handover", "verify", str(past), "--allow-unsigned", "test", "--db", receiver).returncode == 0


def test_the_demo_writes_no_fact_after_its_day(run, tmp_path):
    db = str(tmp_path / "demo.sqlite")
    day = "2026-03-15"
    assert run("demo", "--households", "120", "--today", day, "--db", db, extra_env={"LOTSE_TEST_TODAY": day}).returncode == 0
    facts = {"person": ["birthDate", "arrivalDate"], "caseFile": ["waitlistedOn", "openedOn", "closedOn"], "agreement": ["signedOn"],
             "goal": ["statusOn"], "conversation": ["date"], "referral": ["date"], "outcome": ["date"], "networkContact": ["date"],
             "scheduledReview": ["heldOn", "scheduledOn"]}
    with sqlite3.connect(db) as connection:
        for table, columns in facts.items():
            for column in columns:
                latest = connection.execute(f"SELECT max({column}) FROM {table}").fetchone()[0]
                assert latest is None or latest <= day, f"{table}.{column} {latest}"
        # Active cases have a next review, some in the coming weeks; waiting cases exist to run an intake on.
        reviews = [row[0] for row in connection.execute("SELECT nextReviewOn FROM caseFile WHERE status = 'active'")]
        assert reviews and all(reviews) and any(day < review <= "2026-04-30" for review in reviews)
        assert connection.execute("SELECT count(*) FROM caseFile WHERE status = 'waiting'").fetchone()[0] > 0
        # Reviews were held (most within a fortnight of their date), and each active case waits for its next one.
        held, on_time = connection.execute("SELECT count(*), sum(abs(julianday(heldOn) - julianday(dueOn)) <= 14) FROM scheduledReview WHERE heldOn IS NOT NULL").fetchone()
        assert held > 0 and 0 < on_time < held, (held, on_time)
        assert connection.execute("SELECT count(*) FROM scheduledReview r WHERE heldOn IS NOT NULL AND NOT EXISTS "
                                  "(SELECT 1 FROM conversation c WHERE c.caseId = r.caseId AND c.date = r.heldOn)").fetchone()[0] == 0, \
            "a review is held in a conversation"
        assert connection.execute("SELECT count(*) FROM caseFile c WHERE status = 'active' AND NOT EXISTS "
                                  "(SELECT 1 FROM scheduledReview r WHERE r.caseId = c.id AND r.dueOn = c.nextReviewOn AND r.heldOn IS NULL)").fetchone()[0] == 0
        # No household holds the same goal template twice from one agreement.
        assert connection.execute("SELECT count(*) FROM (SELECT agreementId, template FROM goal GROUP BY 1, 2 HAVING count(*) > 1)").fetchone()[0] == 0
    # Every case as `case show --json` shows it: no fact after the day (plans may lie ahead).
    plans = {"dueOn", "nextReviewOn", "newDueOn"}
    def facts_in(value, key=None):
        if isinstance(value, dict):
            return [date for k, v in value.items() for date in facts_in(v, k)]
        if isinstance(value, list):
            return [date for v in value for date in facts_in(v, key)]
        is_date = isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"
        return [(key, value)] if is_date and key not in plans else []
    for case in range(1, 121):
        shown = run("case", "show", str(case), "--json", "--db", db, extra_env={"LOTSE_TEST_TODAY": day})
        assert shown.returncode == 0, shown.stderr
        late = [(key, date) for key, date in facts_in(json.loads(shown.stdout)) if date > day]
        assert late == [], f"case {case}: {late}"
