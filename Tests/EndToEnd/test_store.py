"""The case store through the built binary: commands, import, audit, file modes."""
import json
import re
import os
import sqlite3
import stat

from conftest import GERMAN


def setup_county(run, db):
    assert run("municipality", "add", "Stadt Aalen", "--kind", "city", "--fte", "1.5", "--db", db).returncode == 0
    assert run("staff", "add", "Petra Maier", "--municipality", "Stadt Aalen", "--fte-share", "0.5", "--db", db).returncode == 0


def test_case_lifecycle_and_json(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    setup_county(run, db)
    created = run("case", "new", "--db", db, "--municipality", "Stadt Aalen", "--staff", "Petra Maier", "--open", "--on", "2018-03-01",
                  "--family-name", "Haddad", "--given-names", "Amal", "--born", "1985", "--sex", "f", "--arrival", "2015-10-01",
                  "--stay-prospect", "high")
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == "case 1 active, person 1"
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    assert run("person", "add", "1", "--db", db, "--family-name", "Haddad", "--given-names", "Omar", "--born", "2010-05-02",
               "--from", "2018-03-01").returncode == 0
    assert run("conversation", "add", "1", "--db", db, "--kind", "family", "--topics", "language,school", "--on", "2018-03-15").returncode == 0
    assert run("outcome", "add", "1", "--db", db, "--person", "1", "--module", "language", "--kind", "level_reached",
               "--value", "B1", "--on", "2019-02-01").returncode == 0
    shown = json.loads(run("case", "show", "1", "--json", "--db", db).stdout)
    assert shown["caseFile"]["status"] == "active"
    assert [m["identity"]["givenNames"] for m in shown["members"]] == ["Amal", "Omar"]
    assert shown["outcomes"][0]["value"] == "B1"
    closed = run("case", "close", "1", "--reason", "moved_away", "--on", "2019-03-01", "--db", db)
    assert closed.returncode == 0 and closed.stdout == "case 1 closed on 2019-03-01 (Moved away)\n"
    listed = json.loads(run("case", "list", "--json", "--status", "closed", "--db", db).stdout)
    assert listed["total"] == 1 and listed["cases"][0]["id"] == 1
    assert run("audit", "verify", "--db", db).stdout.startswith("audit log intact")


def test_user_errors_exit_1_and_leave_nothing(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    setup_county(run, db)
    result = run("case", "new", "--db", db, "--municipality", "Nowhere", "--family-name", "A", "--given-names", "B", "--born", "1980")
    assert result.returncode == 1
    assert result.stderr.strip() == "lotse: no municipality \"Nowhere\"; 'lotse municipality list' shows them"
    assert run("case", "show", "7", "--db", db).returncode == 1
    bad_date = run("case", "new", "--db", db, "--municipality", "Stadt Aalen", "--family-name", "A", "--given-names", "B", "--born", "31.02.1980")
    assert bad_date.returncode != 0 and "born" in bad_date.stderr
    count = sqlite3.connect(db).execute("SELECT count(*) FROM caseFile").fetchone()[0]
    assert count == 0


def test_duplicate_warning(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    setup_county(run, db)
    args = ["case", "new", "--db", db, "--municipality", "Stadt Aalen", "--family-name", "Haddad", "--given-names", "Amal", "--born", "1985"]
    assert "looks like" not in run(*args).stderr
    second = run(*args)
    assert second.returncode == 0
    assert "warning: this person looks like person 1" in second.stderr


def write_legacy(folder, **files):
    base = {
        "municipalities.csv": "id,name,kind,fte\n1,Stadt Aalen,city,1.5\n",
        "households.csv": "id,municipality_id\n100,1\n",
        "persons.csv": "id,household_id,family_name,given_names,birth_date,sex,arrival_date,residence_status,stay_prospect\n"
                       "1000,100,Haddad,Amal,1985,f,2015-10-01,,high\n",
        "cases.csv": "id,kind,household_id,person_id,municipality_id,staff_id,waitlisted_on,opened_on,closed_on,closure_reason\n"
                     "500,family,100,,1,,2018-01-15,2018-03-01,,\n",
    }
    base.update(files)
    folder.mkdir()
    for name, text in base.items():
        (folder / name).write_text(text, encoding="utf-8")
    return str(folder)


def test_legacy_import_all_or_nothing_and_idempotent(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    bad = write_legacy(tmp_path / "bad", **{"outcomes.csv": "id,person_id,module,kind,value,date\n1,1000,work,diploma,,2019-01-01\n2,9,work,employment,,2019-13-01\n"})
    result = run("import", "legacy", bad, "--db", db)
    assert result.returncode == 2
    assert result.stderr.splitlines()[:3] == [
        'lotse: outcomes.csv:2: kind: module work has no outcome kind "diploma"; expected one of employment, training, qualification',
        'outcomes.csv:3: person_id: persons.csv has no id "9"',
        'outcomes.csv:3: date: expected a date YYYY-MM-DD, got "2019-13-01"',
    ]
    assert sqlite3.connect(db).execute("SELECT count(*) FROM person").fetchone()[0] == 0
    good = write_legacy(tmp_path / "good")
    first = run("import", "legacy", good, "--db", db)
    assert first.returncode == 0 and first.stdout.startswith("imported 4 rows")
    again = run("import", "legacy", good, "--db", db)
    assert again.returncode == 0 and "nothing changed" in again.stdout


def test_audit_verify_names_tampering(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    setup_county(run, db)
    connection = sqlite3.connect(db)
    connection.execute("UPDATE auditEvent SET actor = 'mallory' WHERE seq = 2")
    connection.commit()
    connection.close()
    result = run("audit", "verify", "--db", db)
    assert result.returncode == 2
    assert "audit: event 2 was changed" in result.stdout


def test_demo_county_and_waiting_list(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    demo = run("demo", "--households", "150", "--db", db)
    assert demo.returncode == 0, demo.stderr
    assert "cases.csv 150" in demo.stdout
    waitlist = json.loads(run("waitlist", "--json", "--db", db).stdout)
    keys = [(not e["arrivedInPriorityWindow"], ["high", "medium", "low", "unknown"].index(e["stayProspect"]), e["waitlistedOn"]) for e in waitlist]
    assert keys == sorted(keys)
    beyond = run("case", "list", "--page", "99", "--db", db)
    assert beyond.returncode == 1 and beyond.stderr == "lotse: there is no page 99: the list has 3 pages\n", beyond.stderr
    municipalities = json.loads(run("municipality", "list", "--json", "--db", db).stdout)
    assert {m["municipality"]: m["places"] for m in municipalities} == {
        "Landratsamt Ostalbkreis": 246, "Stadt Aalen": 123, "Stadt Schwäbisch Gmünd": 246}


def test_commands_work_inside_the_repl_through_a_pipe(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    setup_county(run, db)
    result = run("--db", db, stdin="case new --municipality 'Stadt Aalen' --family-name Haddad --given-names Amal --born 1985\n"
                                   "case list\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "case 1 waiting, person 1" in result.stdout
    assert "Haddad" in result.stdout


def test_audit_log_shows_who_saw_and_changed_a_case_without_values(run, tmp_path):
    db = str(tmp_path / "lotse.sqlite")
    setup_county(run, db)
    assert run("case", "new", "--db", db, "--municipality", "Stadt Aalen", "--family-name", "Haddad", "--given-names", "Amal",
               "--born", "1985").returncode == 0
    assert run("case", "show", "1", "--db", db).returncode == 0
    log = json.loads(run("audit", "log", "--case", "1", "--json", "--db", db).stdout)
    assert {entry["action"] for entry in log} == {"create", "read"}
    assert all(entry["caseId"] == 1 for entry in log)
    assert {"household", "person", "personIdentity", "householdMember", "caseFile"} <= {entry["entity"] for entry in log}
    text = run("audit", "log", "--case", "1", "--db", db).stdout
    assert "read" in text and "Haddad" not in text
    assert "case 1" in text and "personal details" in text and "caseFile" not in text and "personIdentity" not in text, "records in words"
    german = run("audit", "log", "--case", "1", "--db", db, extra_env=GERMAN).stdout
    assert "gelesen" in german and "angelegt" in german and "Fall 1" in german and "Personalien" in german, german
    assert re.search(r"\b\d\d\.\d\d\.20\d\d \d\d:\d\d:\d\d\b", german), "the time as a German reads it"
